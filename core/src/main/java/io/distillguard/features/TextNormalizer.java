package io.distillguard.features;

import java.util.List;

/**
 * The normalization chain applied to prompt text before fingerprinting: compatibility forms and accents, invisible
 * characters, homoglyphs, case, whitespace (case is folded first so that the marks some lower-case forms carry
 * are dropped, and again after the folds that can yield capitals). Stateless and thread-safe. {@code normalize} is
 * idempotent, and inserting zero-width characters, swapping Latin letters for look-alikes, changing case or layout
 * does not change its result.
 */
public final class TextNormalizer {

  private static final TextNormalizer STANDARD =
      new TextNormalizer(
          List.of(
              new CaseFoldStep(),
              new CompatibilityStep(),
              new InvisibleCharacterStep(),
              new HomoglyphStep(),
              // again: compatibility forms and homoglyph folding can yield upper-case letters
              new CaseFoldStep(),
              new WhitespaceStep()));

  private final List<NormalizationStep> steps;

  private TextNormalizer(List<NormalizationStep> steps) {
    this.steps = List.copyOf(steps);
  }

  /** The standard chain. */
  public static TextNormalizer standard() {
    return STANDARD;
  }

  /** Normalizes {@code s}; {@code null} gives the empty string. */
  public String normalize(String s) {
    if (s == null) {
      return "";
    }
    String out = s;
    for (NormalizationStep step : steps) {
      out = step.apply(out);
    }
    return out;
  }
}
