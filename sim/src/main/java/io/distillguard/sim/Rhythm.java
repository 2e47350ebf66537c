package io.distillguard.sim;

import java.util.SplittableRandom;

/**
 * Relative activity over the 168 hours of a week (Monday 00:00 first) in an actor's local time, normalized to mean
 * 1, so a rate times the weight is the instantaneous rate. Shared by many actors; each applies its own UTC offset.
 */
final class Rhythm {

  private static final long HOUR = 3_600_000L;
  /** 1970-01-01 was a Thursday: hours to add so that hour 0 of the week is a Monday. */
  private static final long EPOCH_WEEK_SHIFT = 3 * 24;

  private final double[] weight = new double[168];
  private final double max;

  private Rhythm(double[] raw) {
    double sum = 0;
    for (double w : raw) {
      sum += w;
    }
    double m = 0;
    for (int i = 0; i < 168; i++) {
      weight[i] = raw[i] * 168 / sum;
      m = Math.max(m, weight[i]);
    }
    max = m;
  }

  /** Weight at {@code t} (epoch millis) for an actor whose local time is UTC plus {@code offsetHours}. */
  double at(long t, int offsetHours) {
    long h = Math.floorDiv(t, HOUR) + EPOCH_WEEK_SHIFT + offsetHours;
    return weight[(int) Math.floorMod(h, 168L)];
  }

  double max() {
    return max;
  }

  /** Flat with a small seeded hour-to-hour wobble (an operator's batch queue, not a person). */
  static Rhythm aroundTheClock(SplittableRandom r) {
    double[] w = new double[168];
    for (int i = 0; i < 168; i++) {
      w[i] = 0.8 + 0.4 * r.nextDouble();
    }
    return new Rhythm(w);
  }

  /** A person's day: low at night, a morning rise, an afternoon plateau and an evening peak; quieter weekends. */
  static Rhythm human(double weekendFactor) {
    double[] day = {
      0.25, 0.15, 0.10, 0.07, 0.06, 0.08, 0.18, 0.40, 0.70, 0.95, 1.10, 1.15,
      1.05, 1.10, 1.15, 1.10, 1.05, 1.00, 0.95, 1.00, 1.10, 1.05, 0.80, 0.45
    };
    return weekly(day, day, weekendFactor);
  }

  /** Office hours: 8-18 on weekdays with a lunch dip, near nothing otherwise. */
  static Rhythm office() {
    double[] day = {
      0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.03, 0.20, 0.80, 1.00, 1.00, 0.90,
      0.60, 0.90, 1.00, 1.00, 0.90, 0.60, 0.25, 0.10, 0.06, 0.04, 0.02, 0.01
    };
    double[] weekend = new double[24];
    java.util.Arrays.fill(weekend, 0.02);
    return weekly(day, weekend, 1);
  }

  /** Developers: office hours with a longer evening tail and some weekend work. */
  static Rhythm developers() {
    double[] day = {
      0.05, 0.03, 0.02, 0.02, 0.02, 0.03, 0.06, 0.20, 0.60, 0.95, 1.00, 1.00,
      0.75, 0.95, 1.00, 1.00, 0.95, 0.80, 0.55, 0.40, 0.35, 0.30, 0.20, 0.10
    };
    return weekly(day, day, 0.25);
  }

  /** Students: class hours on weekdays and homework evenings, lighter weekends. */
  static Rhythm students() {
    double[] day = {
      0.10, 0.05, 0.02, 0.01, 0.01, 0.01, 0.02, 0.05, 0.30, 0.70, 0.90, 0.60,
      0.40, 0.80, 0.90, 0.60, 0.40, 0.35, 0.50, 0.90, 1.00, 0.95, 0.70, 0.35
    };
    return weekly(day, day, 0.45);
  }

  private static Rhythm weekly(double[] weekday, double[] weekend, double weekendFactor) {
    double[] w = new double[168];
    for (int d = 0; d < 7; d++) {
      boolean we = d >= 5;
      for (int h = 0; h < 24; h++) {
        w[d * 24 + h] = we ? weekend[h] * weekendFactor : weekday[h];
      }
    }
    return new Rhythm(w);
  }
}
