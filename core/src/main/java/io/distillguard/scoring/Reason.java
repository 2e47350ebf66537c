package io.distillguard.scoring;

import java.util.Objects;

/**
 * One named contribution to a score. {@code detail} is for a person and cites the counts behind the weight; it never
 * contains raw prompt text.
 */
public record Reason(String signal, double weight, String detail) {
  public Reason {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(detail, "detail");
  }
}
