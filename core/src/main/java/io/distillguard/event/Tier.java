package io.distillguard.event;

import java.util.Locale;

/** Account tier ({@code account.tier}); the wire name is the lower-case constant name. */
public enum Tier {
  FREE,
  INDIVIDUAL,
  STARTUP,
  EDU,
  RESEARCH,
  ENTERPRISE,
  RESELLER,
  UNKNOWN;

  private final String wire = name().toLowerCase(Locale.ROOT);

  /** The name as written in events. */
  public String wireName() {
    return wire;
  }

  /** Parses a wire name; throws {@link IllegalArgumentException} naming the allowed values otherwise. */
  public static Tier fromWire(String s) {
    for (Tier t : values()) {
      if (t.wire.equals(s)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown tier (allowed: free, individual, startup, edu, research, enterprise, reseller, unknown)");
  }
}
