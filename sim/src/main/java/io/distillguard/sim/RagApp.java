package io.distillguard.sim;

import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Response;
import java.util.List;

/**
 * A retrieval app's account: one fixed prompt template filled with retrieved context and an end user's question,
 * sent at high volume on its end users' daily cycle, each visit tagged with the end user's id.
 */
final class RagApp extends SessionActor {

  private final SimAccount account;
  private final String template;
  private final String system;
  private final int domain;
  private final String model;
  private final int endUsers;
  private final String userPrefix;
  private String endUser;

  RagApp(
      Simulation sim,
      int index,
      SimAccount account,
      Rhythm rhythm,
      double sessionsPerDay,
      String template,
      String system,
      int domain,
      String model,
      int endUsers) {
    super(sim, index, rhythm, account.utcOffset, sessionsPerDay, sim.start, sim.end);
    this.account = account;
    this.template = template;
    this.system = system;
    this.domain = domain;
    this.model = model;
    this.endUsers = endUsers;
    this.userPrefix = rnd.nextBoolean() ? "usr_" : "visitor-";
    begin();
  }

  /** Each request is its own arrival (end users overlap); a third of them are the previous user's follow-up. */
  @Override
  int startSession(long t) {
    if (endUser == null || rnd.nextInt(100) >= 33) {
      endUser = userPrefix + Ids.hex(sim.ids.endUser(account.index * 1_000_003L + rnd.nextInt(endUsers)), 12);
    }
    return 1;
  }

  @Override
  void request(long t, int turn) {
    String prompt =
        template.replace("{context}", BenignTexts.ragContext(domain, rnd))
            .replace("{question}", BenignTexts.ragQuestion(domain, rnd));
    Request q =
        new Request(model, "chat", system, List.of(Message.text("user", prompt)), List.of(), 1024, 0.1, null, null,
            Boolean.TRUE, null, null);
    Response r = Responder.respond(q, Responder.Work.RAG, 0.004, 0.3, rnd);
    sim.send(account, t, account.apiKeys[rnd.nextInt(50) == 0 ? account.apiKeys.length - 1 : 0], endUser,
        null, q, r);
  }

  @Override
  long gapMs(int turn) {
    return (long) Responder.lognormal(40_000, 0.7, rnd);
  }
}
