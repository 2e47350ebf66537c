package io.distillguard.sim;

import java.time.Instant;
import java.util.Objects;

/** A progress report during a run: events so far, wall seconds, rate, and the simulated time reached. */
public record SimulationProgress(long events, double seconds, double eventsPerSecond, Instant simulatedTime) {

  public SimulationProgress {
    Objects.requireNonNull(simulatedTime, "simulatedTime");
    if (events < 0 || seconds < 0) {
      throw new IllegalArgumentException("negative progress");
    }
  }
}
