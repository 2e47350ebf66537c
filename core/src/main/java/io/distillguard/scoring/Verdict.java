package io.distillguard.scoring;

import java.util.Locale;

/** An account's or campaign's verdict; the wire name is the lower-case constant name. */
public enum Verdict {
  /** Enforce. */
  ATTACK,
  /** Send to review. */
  SUSPICIOUS,
  BENIGN,
  /** On the allowlist: analysed and reported, never enforced. */
  ALLOWED;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wire;
  }

  /** Parses a wire name; throws {@link IllegalArgumentException} otherwise. */
  public static Verdict fromWire(String s) {
    for (Verdict v : values()) {
      if (v.wire.equals(s)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown verdict (allowed: attack, suspicious, benign, allowed)");
  }
}
