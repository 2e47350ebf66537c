package io.distillguard.sim;

/**
 * Opaque identifiers that do not leak labels: every id space (accounts, orgs, keys, payments, events) maps a dense
 * sequence number through a keyed bijection, so ids are unique, random-looking and reproducible from the seed.
 */
final class Ids {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final int accountKey;
  private final int orgKey;
  private final int apiKeyKey;
  private final long paymentKey;
  private final long eventKey;
  private final long endUserKey;

  Ids(long seed) {
    accountKey = (int) mix64(seed ^ 0x41434354L);
    orgKey = (int) mix64(seed ^ 0x4f524721L);
    apiKeyKey = (int) mix64(seed ^ 0x4b455921L);
    paymentKey = mix64(seed ^ 0x50415921L);
    eventKey = mix64(seed ^ 0x45564e54L);
    endUserKey = mix64(seed ^ 0x55534552L);
  }

  String account(int n) {
    return "acct-" + hex(fmix32(n + accountKey) & 0xffffffffL, 8);
  }

  String org(int n) {
    return "org-" + hex(fmix32(n + orgKey) & 0xffffffffL, 8);
  }

  String apiKey(int n) {
    return "key-" + hex(fmix32(n + apiKeyKey) & 0xffffffffL, 8);
  }

  String payment(int n) {
    return "pf-" + hex(mix64(n + paymentKey) >>> 16, 12);
  }

  String event(long n) {
    return "ev-" + hex(mix64(n + eventKey), 16);
  }

  /** A stable 64-bit value for an end user of an app; the app formats it. */
  long endUser(long n) {
    return mix64(n + endUserKey);
  }

  /** SplitMix64's finalizer: a bijection on 64-bit values. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** MurmurHash3's finalizer: a bijection on 32-bit values. */
  static int fmix32(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /** The low {@code digits * 4} bits of {@code v} as lower-case hex, zero-padded. */
  static String hex(long v, int digits) {
    char[] c = new char[digits];
    for (int i = digits - 1; i >= 0; i--) {
      c[i] = HEX[(int) (v & 0xf)];
      v >>>= 4;
    }
    return new String(c);
  }
}
