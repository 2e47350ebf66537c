package io.distillguard.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What to simulate and where to write it. {@code scale} 1 is the default scenario (about a million events over 7
 * days); accounts grow linearly with it, events with scale and duration. {@code corpus} is an external prompt folder
 * in the shared layout, or {@code null} for the bundled corpus. {@code maxEvents} stops the run early (0 = no cap).
 * {@code evasive} makes the attack campaigns adopt an adaptive operator's evasions (customers' clients, residential
 * addresses, own payments, spread creation dates, unsynchronized starts, half of the accounts on a human daily
 * cycle); off, the output is what it was before the option existed. {@code sharedToolUsers} adds a benign persona
 * that looks like a coding-agent campaign in part: unrelated developers who each run the same open-source coding
 * agent with their own key (off: the output is what it was before the option existed). {@code wording} is a folder
 * of wrappers written elsewhere that replace the harvest campaigns' and the students' own (see {@link Wording}), or
 * {@code null}.
 */
public record SimulationConfig(
    long seed,
    double scale,
    Instant start,
    Duration duration,
    boolean gzip,
    Path corpus,
    Path out,
    long maxEvents,
    boolean evasive,
    boolean sharedToolUsers,
    Path wording) {

  /** The default start, Monday 2026-03-02T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2026-03-02T00:00:00Z");

  public static final Duration DEFAULT_DURATION = Duration.ofDays(7);

  public SimulationConfig {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(out, "out");
    if (!(scale > 0) || scale > 1000 || Double.isNaN(scale)) {
      throw new IllegalArgumentException("scale must be in (0, 1000], was " + scale);
    }
    if (duration.compareTo(Duration.ofHours(6)) < 0 || duration.compareTo(Duration.ofDays(366)) > 0) {
      throw new IllegalArgumentException("duration must be between 6 hours and 366 days, was " + duration);
    }
    if (start.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException("start must have at most millisecond precision, was " + start);
    }
    if (maxEvents < 0) {
      throw new IllegalArgumentException("maxEvents must be >= 0 (0 = no cap), was " + maxEvents);
    }
  }

  /** The default scenario at {@code scale} with seed {@code seed}, written to {@code out}. */
  public static SimulationConfig defaults(long seed, double scale, Path out) {
    return new SimulationConfig(seed, scale, DEFAULT_START, DEFAULT_DURATION, false, null, out, 0, false, false, null);
  }

  /** The same configuration with another duration. */
  public SimulationConfig withDuration(Duration d) {
    return new SimulationConfig(seed, scale, start, d, gzip, corpus, out, maxEvents, evasive, sharedToolUsers,
        wording);
  }

  /** The same configuration with gzip output switched on or off. */
  public SimulationConfig withGzip(boolean g) {
    return new SimulationConfig(seed, scale, start, duration, g, corpus, out, maxEvents, evasive, sharedToolUsers,
        wording);
  }

  /** The same configuration writing to another folder. */
  public SimulationConfig withOut(Path o) {
    return new SimulationConfig(seed, scale, start, duration, gzip, corpus, o, maxEvents, evasive, sharedToolUsers,
        wording);
  }

  /** The same configuration with another seed. */
  public SimulationConfig withSeed(long s) {
    return new SimulationConfig(s, scale, start, duration, gzip, corpus, out, maxEvents, evasive, sharedToolUsers,
        wording);
  }

  /** The same configuration with the campaigns' evasions switched on or off. */
  public SimulationConfig withEvasive(boolean e) {
    return new SimulationConfig(seed, scale, start, duration, gzip, corpus, out, maxEvents, e, sharedToolUsers,
        wording);
  }

  /** The same configuration with the shared-tool developers (a benign persona) added or not. */
  public SimulationConfig withSharedToolUsers(boolean t) {
    return new SimulationConfig(seed, scale, start, duration, gzip, corpus, out, maxEvents, evasive, t, wording);
  }

  /** The same configuration with harvest and homework wrappers from {@code dir} ({@code null}: the simulator's). */
  public SimulationConfig withWording(Path dir) {
    return new SimulationConfig(seed, scale, start, duration, gzip, corpus, out, maxEvents, evasive, sharedToolUsers,
        dir);
  }

  /** Name of the events file: {@code events.jsonl} or {@code events.jsonl.gz}. */
  public String eventsFileName() {
    return gzip ? "events.jsonl.gz" : "events.jsonl";
  }
}
