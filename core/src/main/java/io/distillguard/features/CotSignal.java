package io.distillguard.features;

/**
 * How strongly a request elicits chain-of-thought: {@code score} in [0, 1], and whether it asks to reconstruct the
 * reasoning behind an answer it already gives (the pattern of reasoning-trace harvesting).
 */
public record CotSignal(double score, boolean reconstruction) {
  public static final CotSignal NONE = new CotSignal(0, false);
  /**
   * A score at which the request plainly harvests reasoning: two kinds of elicitation together, or one with a
   * reasoning budget.
   */
  public static final double HIGH = 0.6;

  public CotSignal {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
  }
}
