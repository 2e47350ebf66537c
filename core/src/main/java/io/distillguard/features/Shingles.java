package io.distillguard.features;

import java.util.Arrays;

/**
 * Word shingles: the hashes of every run of {@link #K} consecutive tokens (texts shorter than that give one shingle
 * of all their tokens; empty texts give none). Order-sensitive inside a shingle, order-free across them, so reordered
 * sentences keep most of their shingles.
 */
public final class Shingles {

  public static final int K = 3;

  private Shingles() {}

  /** The shingle hashes of a token sequence, in text order (with repeats). */
  public static long[] inOrder(long[] tokens) {
    if (tokens.length == 0) {
      return new long[0];
    }
    if (tokens.length < K) {
      long h = 0x9E3779B97F4A7C15L;
      for (long t : tokens) {
        h = mix(h ^ t);
      }
      return new long[] {h};
    }
    long[] out = new long[tokens.length - K + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = mix(mix(mix(0x9E3779B97F4A7C15L ^ tokens[i]) ^ tokens[i + 1]) ^ tokens[i + 2]);
    }
    return out;
  }

  /** Two shingle sequences one after the other. */
  public static long[] concat(long[] a, long[] b) {
    if (a.length == 0) {
      return b;
    }
    if (b.length == 0) {
      return a;
    }
    long[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The shingle hashes of a token sequence, duplicates removed, sorted. */
  public static long[] of(long[] tokens) {
    long[] out = inOrder(tokens);
    if (out.length <= 1) {
      return out;
    }
    out = out.clone();
    Arrays.sort(out);
    int n = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[n++] = out[i];
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** Stafford's variant 13 of the MurmurHash3 64-bit finalizer: a bijective, well-avalanching mix. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
