package io.distillguard.state;

/** The kinds of infrastructure key kept in state (those linking reads), and how each is written as a state key. */
public enum InfraKey {
  IP_RANGE("ip"),
  PAYMENT("pay"),
  /** A client configuration ({@link InfraKeys#clientConfiguration}). */
  CLIENT_CONFIG("cfg");

  private final String prefix;

  InfraKey(String prefix) {
    this.prefix = prefix;
  }

  /** {@code prefix:value}, or {@code null} for a null value; values are truncated to bound memory. */
  public String key(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    String v = value.length() > TopK.MAX_KEY_CHARS ? value.substring(0, TopK.MAX_KEY_CHARS) : value;
    return prefix + ":" + v;
  }
}
