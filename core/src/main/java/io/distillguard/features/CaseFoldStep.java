package io.distillguard.features;

import java.util.Locale;

/** Lower-cases with the root locale, so that case games do not split a template. */
final class CaseFoldStep implements NormalizationStep {
  @Override
  public String apply(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
