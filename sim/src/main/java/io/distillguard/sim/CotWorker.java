package io.distillguard.sim;

/**
 * One account of the {@code cot-harvest} campaign under an evasive operator: the requests of {@link
 * BurstController}, sent in short sessions of its own on its own rhythm instead of synchronized rounds.
 */
final class CotWorker extends SessionActor {

  /** Mean requests per session. */
  static final double SESSION = 3;

  private final SimAccount account;

  CotWorker(Simulation sim, int index, SimAccount account, Rhythm rhythm, double sessionsPerDay, long from, long to) {
    super(sim, index, rhythm, account.utcOffset, sessionsPerDay, from, to);
    this.account = account;
    begin();
  }

  @Override
  int startSession(long t) {
    return 1 + rnd.nextInt(5);
  }

  @Override
  void request(long t, int turn) {
    BurstController.harvest(sim, account, t, rnd);
  }

  @Override
  long gapMs(int turn) {
    return (long) Responder.lognormal(12_000, 0.7, rnd);
  }
}
