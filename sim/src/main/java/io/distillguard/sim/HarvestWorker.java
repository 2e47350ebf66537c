package io.distillguard.sim;

import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Response;
import java.util.List;

/**
 * One account of a reasoning-harvest campaign that sends single-turn requests: the {@code low-and-slow} operator's
 * template family at a person's pace, or the {@code paraphrased-cot} operator's composed multilingual wrappers.
 */
final class HarvestWorker extends SessionActor {

  enum Style {
    LOW_AND_SLOW,
    PARAPHRASED
  }

  private final SimAccount account;
  private final Style style;
  private final int maxTokens;
  private final int reasoningBudget;
  private final double limited;

  HarvestWorker(
      Simulation sim,
      int index,
      SimAccount account,
      Style style,
      Rhythm rhythm,
      double sessionsPerDay,
      long from,
      long to,
      int maxTokens,
      int reasoningBudget,
      double limited) {
    super(sim, index, rhythm, account.utcOffset, sessionsPerDay, from, to);
    this.account = account;
    this.style = style;
    this.maxTokens = maxTokens;
    this.reasoningBudget = reasoningBudget;
    this.limited = limited;
    begin();
  }

  @Override
  int startSession(long t) {
    return style == Style.LOW_AND_SLOW ? 1 + rnd.nextInt(3) : 1 + rnd.nextInt(5);
  }

  @Override
  void request(long t, int turn) {
    String prompt;
    if (style == Style.LOW_AND_SLOW) {
      prompt = sim.wording.lowAndSlow(sim.pools, rnd);
    } else {
      String question = rnd.nextInt(4) == 0 ? sim.pools.problem(rnd).question() : sim.pools.question(rnd);
      prompt = ParaphraseComposer.compose(question, rnd);
    }
    Request.Reasoning reasoning = reasoningBudget > 0 ? new Request.Reasoning(true, reasoningBudget) : null;
    Request q =
        new Request(Responder.LARGE, "chat", null, List.of(Message.text("user", prompt)), List.of(), maxTokens,
            reasoning != null ? 1.0 : null, null, null, style == Style.LOW_AND_SLOW ? Boolean.TRUE : Boolean.FALSE,
            reasoning, null);
    Response r = Responder.respond(q, Responder.Work.LONG_REASONING, limited, 0, rnd);
    sim.send(account, t, account.apiKeys[0], null, null, q, r);
  }

  @Override
  long gapMs(int turn) {
    return style == Style.LOW_AND_SLOW
        ? (long) Responder.lognormal(150_000, 0.6, rnd)
        : (long) Responder.lognormal(12_000, 0.7, rnd);
  }
}
