package io.distillguard.sim;

/**
 * An actor that works in sessions: session arrivals follow a Poisson process whose rate is modulated by a weekly
 * {@link Rhythm} in the actor's local time (drawn by thinning), and each session is a run of requests separated
 * by short gaps; a session arriving while another runs starts when it ends. Subclasses decide what a session is
 * and what each of its requests looks like.
 */
abstract class SessionActor extends Actor {

  final Simulation sim;
  final Rhythm rhythm;
  final int utcOffset;
  /** Mean session starts per millisecond at rhythm weight 1. */
  final double sessionsPerMs;
  final long from;
  final long to;

  private int turn;
  private int turns;
  /** Arrival time of the current session; the next arrival is drawn from it, not from the session's end. */
  private long arrival;

  SessionActor(
      Simulation sim, int index, Rhythm rhythm, int utcOffset, double sessionsPerDay, long from, long to) {
    super(index, sim.seed);
    this.sim = sim;
    this.rhythm = rhythm;
    this.utcOffset = utcOffset;
    this.sessionsPerMs = sessionsPerDay / Simulation.DAY;
    this.from = Math.max(from, sim.start);
    this.to = Math.min(to, sim.end);
  }

  /** Schedules the first session; call at the end of the subclass constructor. */
  final void begin() {
    arrival = sessionsPerMs > 0 && from < to ? nextSessionStart(from) : DONE;
    next = arrival;
  }

  @Override
  final void emit(Simulation s) {
    long t = next;
    if (turn == 0) {
      turns = Math.max(1, startSession(t));
    }
    request(t, turn);
    turn++;
    if (turn < turns) {
      long n = t + Math.max(0, gapMs(turn));
      if (n < to) {
        next = n;
        return;
      }
    }
    turn = 0;
    // Sessions arrive as a Poisson process; one arriving while another runs waits for it (a queue, no loss).
    arrival = nextSessionStart(arrival);
    long n = arrival == DONE ? DONE : Math.max(arrival, t + 1);
    next = n < to ? n : DONE;
  }

  /** Sets up a session starting at {@code t}; returns its number of requests. */
  abstract int startSession(long t);

  /** Emits request {@code turn} (0-based) of the current session at {@code t}. */
  abstract void request(long t, int turn);

  /** Milliseconds between request {@code turn - 1} and request {@code turn}. */
  abstract long gapMs(int turn);

  private long nextSessionStart(long after) {
    double lambdaMax = sessionsPerMs * rhythm.max();
    double t = Math.max(after, from);
    while (true) {
      t += Responder.exponential(1.0 / lambdaMax, rnd);
      if (t >= to) {
        return DONE;
      }
      long lt = (long) t;
      if (rnd.nextDouble() * rhythm.max() < rhythm.at(lt, utcOffset)) {
        return lt;
      }
    }
  }
}
