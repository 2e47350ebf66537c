package io.distillguard.sim;

import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Response;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code cot-harvest} operator: around the clock it fires synchronized bursts, one request per account in
 * round-robin order a few hundred milliseconds apart (load balancing), mixing reasoning reconstruction, rubric
 * grading and sensitive-question rewriting, always with maximal reasoning and output budgets.
 */
final class BurstController extends Actor {

  private final Simulation sim;
  private final List<SimAccount> accounts;
  private final long periodMs;
  private final long to;
  private long burstStart;
  private int inBurst;
  private int offset;

  BurstController(Simulation sim, int index, List<SimAccount> accounts, long periodMs, long from, long to) {
    super(index, sim.seed);
    this.sim = sim;
    this.accounts = accounts;
    this.periodMs = periodMs;
    this.to = Math.min(to, sim.end);
    long first = Math.max(from, sim.start) + rnd.nextLong(periodMs);
    this.burstStart = first;
    this.next = accounts.isEmpty() || first >= this.to ? DONE : first;
  }

  @Override
  void emit(Simulation s) {
    long t = next;
    harvest(sim, accounts.get((offset + inBurst) % accounts.size()), t, rnd);
    inBurst++;
    if (inBurst < accounts.size()) {
      next = t + 30 + rnd.nextInt(400);
    } else {
      inBurst = 0;
      offset = (offset + 1 + rnd.nextInt(accounts.size())) % accounts.size();
      long n = burstStart + (long) (periodMs * (0.9 + 0.2 * rnd.nextDouble()));
      burstStart = Math.max(n, t + 1000);
      next = burstStart;
    }
    if (next >= to) {
      next = DONE;
    }
  }

  /** Sends one harvest request of account {@code a} at {@code t}, drawing from {@code rnd}. */
  static void harvest(Simulation sim, SimAccount a, long t, SplittableRandom rnd) {
    int k = rnd.nextInt(100);
    String prompt;
    Responder.Work work;
    if (k < 55) {
      prompt = sim.wording.reconstruct(sim.pools.problem(rnd), rnd);
      work = Responder.Work.LONG_REASONING;
    } else if (k < 80) {
      prompt = HarvestTexts.rubricGrade(sim.pools, rnd);
      work = Responder.Work.GRADE;
    } else {
      prompt = HarvestTexts.politicalRewrite(rnd);
      work = Responder.Work.REWRITE;
    }
    Request q =
        new Request(Responder.LARGE, "chat", sim.wording.cotSystem(rnd), List.of(Message.text("user", prompt)),
            List.of(), 64000, 1.0, null, null, Boolean.FALSE, new Request.Reasoning(true, 32000), null);
    Response r = Responder.respond(q, work, 0.04, 0, rnd);
    sim.send(a, t, a.apiKeys[0], null, null, q, r);
  }
}
