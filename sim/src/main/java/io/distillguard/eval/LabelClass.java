package io.distillguard.eval;

import java.util.Locale;

/** The ground-truth class of an account in {@code labels.jsonl}; the wire name is the lower-case constant name. */
public enum LabelClass {
  /** Part of a distillation campaign: should come out {@code attack}. */
  ATTACK,
  /** An ordinary customer, however heavy: should never come out {@code attack}. */
  BENIGN,
  /** Distils under an agreement and is on the allowlist: must come out {@code allowed}. */
  ALLOWED;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wire;
  }

  /** Parses a wire name; throws {@link IllegalArgumentException} otherwise. */
  public static LabelClass fromWire(String s) {
    for (LabelClass c : values()) {
      if (c.wire.equals(s)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown class (allowed: attack, benign, allowed)");
  }
}
