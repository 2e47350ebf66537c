package io.distillguard.eval;

import java.util.Locale;
import java.util.Optional;

/** How a simulated campaign spends its traffic; the wire name is the lower-case constant name. */
public enum Pace {
  /** Many requests per account from the start: should be caught within hours. */
  HIGH_VOLUME,
  /** A few dozen requests per account per day: takes longer to see. */
  LOW_AND_SLOW;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wire;
  }

  /** Parses a wire name; empty for {@code null} or an unknown name, so that a newer simulator does not break eval. */
  public static Optional<Pace> fromWire(String s) {
    for (Pace p : values()) {
      if (p.wire.equals(s)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
