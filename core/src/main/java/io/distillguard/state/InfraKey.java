package io.distillguard.state;

/** The kinds of infrastructure key kept in state (those linking reads), and how each is written as a state key. */
public enum InfraKey {
  IP_RANGE("ip"),
  PAYMENT("pay"),
  /** A client configuration ({@link io.distillguard.features.InfraKeys#clientConfiguration}). */
  CLIENT_CONFIG("cfg"),
  /** The harness of a client configuration ({@link io.distillguard.features.InfraKeys#harness}). */
  HARNESS("harness");

  private final String prefix;

  InfraKey(String prefix) {
    this.prefix = prefix;
  }

  /** {@code prefix:value}, or {@code null} for a null value; values are truncated to bound memory. */
  public String key(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return prefix + ":" + bounded(value);
  }

  /** A value as keys hold it: truncated to {@link TopK#MAX_KEY_CHARS}. */
  static String bounded(String value) {
    return value.length() > TopK.MAX_KEY_CHARS ? value.substring(0, TopK.MAX_KEY_CHARS) : value;
  }

  /** Whether {@code key} is a key of this kind. */
  boolean owns(String key) {
    return key.length() > prefix.length() && key.startsWith(prefix) && key.charAt(prefix.length()) == ':';
  }

  /** Length of {@code prefix:}. */
  int prefixLength() {
    return prefix.length() + 1;
  }

  /** The kind of a state key, or null. */
  static InfraKey of(String key) {
    for (InfraKey k : values()) {
      if (k.owns(key)) {
        return k;
      }
    }
    return null;
  }
}
