package io.distillguard.sim;

import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Response;
import java.util.List;

/**
 * A student of a class whose accounts were opened together and share the campus address: a few homework questions
 * per day from the week's shared problem set, in the student's own phrasing, asking to show the work step by step.
 */
final class Student extends SessionActor {

  private final SimAccount account;
  private final List<String> homework;
  private final int weeklySetSize;
  private final int style;
  private final String model;

  Student(
      Simulation sim,
      int index,
      SimAccount account,
      Rhythm rhythm,
      double sessionsPerDay,
      List<String> homework,
      int weeklySetSize) {
    super(sim, index, rhythm, account.utcOffset, sessionsPerDay, sim.start, sim.end);
    this.account = account;
    this.homework = homework;
    this.weeklySetSize = weeklySetSize;
    this.style = sim.wording.homeworkStyle(rnd);
    this.model = rnd.nextBoolean() ? Responder.MINI : Responder.LARGE;
    begin();
  }

  @Override
  int startSession(long t) {
    return 1 + rnd.nextInt(3);
  }

  @Override
  void request(long t, int turn) {
    int week = (int) ((t - sim.start) / (7 * Simulation.DAY));
    int base = (week * weeklySetSize) % homework.size();
    String question = homework.get((base + rnd.nextInt(weeklySetSize)) % homework.size());
    String prompt = sim.wording.homework(question, style, rnd);
    Request q =
        new Request(model, "chat", null, List.of(Message.text("user", prompt)), List.of(), null, null, null, null,
            Boolean.TRUE, null, null);
    Response r = Responder.respond(q, Responder.Work.CHAT, 0.003, 0, rnd);
    sim.send(account, t, account.apiKeys[0], null, null, q, r);
  }

  @Override
  long gapMs(int turn) {
    return (long) Responder.lognormal(180_000, 0.7, rnd);
  }
}
