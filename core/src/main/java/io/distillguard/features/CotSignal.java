package io.distillguard.features;

/**
 * How strongly a request elicits chain-of-thought: {@code score} in [0, 1], whether it asks to reconstruct the
 * reasoning behind an answer it already gives (the pattern of reasoning-trace harvesting), and whether its text alone,
 * without the reasoning budget it requests, reaches {@link #HIGH} ({@code asked}).
 */
public record CotSignal(double score, boolean reconstruction, boolean asked) {
  public static final CotSignal NONE = new CotSignal(0, false, false);
  /**
   * A score at which the request plainly harvests reasoning: two kinds of elicitation together, or one with a
   * reasoning budget.
   */
  public static final double HIGH = 0.6;

  public CotSignal {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
    if (asked && score < HIGH) {
      throw new IllegalArgumentException("asked in words but scored under HIGH: " + score);
    }
  }

  /** A signal whose score comes from the text alone (asked in words whenever it is high). */
  public CotSignal(double score, boolean reconstruction) {
    this(score, reconstruction, score >= HIGH);
  }
}
