package io.distillguard.features;

/**
 * How strongly a request elicits chain-of-thought: {@code score} in [0, 1], whether it asks to reconstruct the
 * reasoning behind an answer it already gives (the pattern of reasoning-trace harvesting), whether its text alone,
 * without the reasoning budget it requests, reaches {@link #HIGH} ({@code asked}), and whether its text alone reaches
 * {@link #SOME} ({@code worded}: the reasoning asked for in full in words, such as "write out the complete
 * derivation"; "step by step" or "walk me through it" alone stays under it).
 */
public record CotSignal(double score, boolean reconstruction, boolean asked, boolean worded) {
  public static final CotSignal NONE = new CotSignal(0, false, false, false);
  /**
   * A score at which the request plainly harvests reasoning: two kinds of elicitation together, or one with a
   * reasoning budget.
   */
  public static final double HIGH = 0.6;
  /**
   * A text score of one kind of elicitation in words other than "step by step" or "show your work" alone (0.35: what
   * homework help and evaluation templates say): the reasoning itself asked for in full ("the complete derivation")
   * or a reasoning trace. Rare in ordinary traffic (0 to 3% of public chat and benchmark prompts), common in a
   * harvester's wrappers: evidence in the share, never in one request.
   */
  public static final double SOME = 0.4;

  public CotSignal {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
    if (asked && score < HIGH) {
      throw new IllegalArgumentException("asked in words but scored under HIGH: " + score);
    }
    if (asked && !worded) {
      throw new IllegalArgumentException("asked in words must be worded");
    }
    if (worded && score < SOME) {
      throw new IllegalArgumentException("worded but scored under SOME: " + score);
    }
  }

  /** A signal worded exactly when it is asked in words (no weaker elicitation in its text). */
  public CotSignal(double score, boolean reconstruction, boolean asked) {
    this(score, reconstruction, asked, asked);
  }

  /** A signal whose score comes from the text alone (asked in words whenever it is high). */
  public CotSignal(double score, boolean reconstruction) {
    this(score, reconstruction, score >= HIGH, score >= SOME);
  }
}
