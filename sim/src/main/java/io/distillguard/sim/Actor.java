package io.distillguard.sim;

import java.util.SplittableRandom;

/**
 * A source of events that knows only its own next event time: a benign account, an app, or a campaign controller
 * dispatching work over its accounts. The simulator merges actors in time order; an actor must never schedule its
 * next event before the one it just emitted.
 */
abstract class Actor {

  static final long DONE = Long.MAX_VALUE;

  final int index;
  /** This actor's own random stream, derived from (seed, index). */
  final SplittableRandom rnd;
  /** Epoch millis of the next event, or {@link #DONE}. */
  long next = DONE;

  Actor(int index, long seed) {
    this.index = index;
    this.rnd = new SplittableRandom(Ids.mix64(seed * 0x9E3779B97F4A7C15L + index + 1));
  }

  /** Writes the event due at {@link #next} through {@code sim} and schedules the following one. */
  abstract void emit(Simulation sim);
}
