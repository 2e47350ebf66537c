package io.distillguard.scoring;

/**
 * Daily rhythm of activity from an hour-of-day histogram. People sleep: a human's quietest six consecutive hours hold
 * almost none of their requests, whatever their time zone; a script running around the clock spreads evenly, and
 * its quietest six hours hold about a quarter.
 */
final class Rhythm {

  private Rhythm() {}

  /** The share of requests in the quietest window of six consecutive hours (circular); 0 when empty. */
  static double quietestSixHours(long[] hours) {
    long total = 0;
    for (long h : hours) {
      total += h;
    }
    if (total == 0) {
      return 0;
    }
    long min = Long.MAX_VALUE;
    for (int start = 0; start < 24; start++) {
      long w = 0;
      for (int k = 0; k < 6; k++) {
        w += hours[(start + k) % 24];
      }
      min = Math.min(min, w);
    }
    return (double) min / total;
  }

  /** 0 for a clear human cycle (quietest six hours nearly empty), 1 for activity spread around the clock. */
  static double aroundTheClock(long[] hours) {
    return clamp((quietestSixHours(hours) - 0.04) / 0.12);
  }

  static double clamp(double v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }
}
