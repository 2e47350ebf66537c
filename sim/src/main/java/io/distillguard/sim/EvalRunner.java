package io.distillguard.sim;

import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Response;
import java.util.List;

/**
 * An evaluation team's account: benchmark runs (BBH few-shot CoT, FLAN CoT templates, simple-evals) sent in dense
 * bursts at temperature 0 with large limits, mostly in working hours, and quickly pointed at a newly released model.
 */
final class EvalRunner extends SessionActor {

  private final SimAccount account;
  private final long adoptAt;
  private final int meanRunLength;
  private int kind;
  private int template;
  private String model;
  private int maxTokens;
  private boolean reasoning;

  EvalRunner(
      Simulation sim,
      int index,
      SimAccount account,
      Rhythm rhythm,
      double runsPerDay,
      int meanRunLength,
      long adoptAt) {
    super(sim, index, rhythm, account.utcOffset, runsPerDay, sim.start, sim.end);
    this.account = account;
    this.adoptAt = adoptAt;
    this.meanRunLength = meanRunLength;
    begin();
  }

  @Override
  int startSession(long t) {
    kind = rnd.nextInt(BenignTexts.BENCHMARKS);
    template = rnd.nextInt(1000);
    if (t >= adoptAt && rnd.nextInt(10) < 6) {
      model = Responder.LARGE_2;
    } else {
      model = rnd.nextInt(4) == 0 ? Responder.MINI : Responder.LARGE;
    }
    maxTokens = new int[] {4096, 8192, 16384}[rnd.nextInt(3)];
    reasoning = rnd.nextInt(3) == 0;
    return (int) Math.max(20, Responder.lognormal(meanRunLength, 0.5, rnd));
  }

  @Override
  void request(long t, int turn) {
    String prompt = BenignTexts.benchmarkPrompt(kind, template, sim.pools, rnd);
    Request q =
        new Request(model, "chat", null, List.of(Message.text("user", prompt)), List.of(), maxTokens,
            reasoning ? 1.0 : 0.0, null, null, Boolean.FALSE,
            reasoning ? new Request.Reasoning(true, maxTokens / 2) : null, null);
    Response r = Responder.respond(q, Responder.Work.EVAL, 0.01, 0, rnd);
    sim.send(account, t, account.apiKeys[0], null, null, q, r);
  }

  @Override
  long gapMs(int turn) {
    return 60 + rnd.nextInt(900);
  }
}
