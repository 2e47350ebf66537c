package io.distillguard.features;

/** One step of the {@link TextNormalizer} chain. Implementations are stateless, thread-safe and idempotent. */
interface NormalizationStep {
  /** Returns the transformed text; may return {@code s} itself when nothing changes. */
  String apply(String s);
}
