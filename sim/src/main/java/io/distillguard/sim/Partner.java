package io.distillguard.sim;

import io.distillguard.event.ClientInfo;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Response;
import java.util.List;

/**
 * An account of the partner that distils under agreement: batches of published distillation prompts (reasoning
 * system prompts, R1-style templates, OSS-Instruct code prompts) around the clock, with maximal budgets.
 */
final class Partner extends SessionActor {

  private final SimAccount account;
  private final ClientInfo batchClient;
  private final long adoptAt;
  private String system;
  private String model;
  private boolean batch;

  Partner(
      Simulation sim,
      int index,
      SimAccount account,
      ClientInfo batchClient,
      Rhythm rhythm,
      double sessionsPerDay,
      long adoptAt) {
    super(sim, index, rhythm, account.utcOffset, sessionsPerDay, sim.start, sim.end);
    this.account = account;
    this.batchClient = batchClient;
    this.adoptAt = adoptAt;
    begin();
  }

  @Override
  int startSession(long t) {
    system = rnd.nextInt(3) == 0 ? null : PromptPools.pick(sim.pools.reasoningSystems, rnd);
    model = t >= adoptAt && rnd.nextInt(10) < 4 ? Responder.LARGE_2 : Responder.LARGE;
    batch = rnd.nextInt(10) < 3;
    return 20 + rnd.nextInt(120);
  }

  @Override
  void request(long t, int turn) {
    String prompt = HarvestTexts.partnerTask(sim.pools, rnd);
    Request q =
        new Request(model, batch ? "batch" : "chat", system, List.of(Message.text("user", prompt)), List.of(),
            32000, 1.0, null, null, Boolean.FALSE, new Request.Reasoning(true, 24000), null);
    Response r = Responder.respond(q, Responder.Work.LONG_REASONING, 0.01, 0.2, rnd);
    sim.send(account, t, account.apiKeys[turn % account.apiKeys.length], null, batch ? batchClient : null, q, r);
  }

  @Override
  long gapMs(int turn) {
    return batch ? rnd.nextInt(50) : 300 + rnd.nextInt(3000);
  }
}
