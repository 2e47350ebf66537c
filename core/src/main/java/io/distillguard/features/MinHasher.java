package io.distillguard.features;

import java.util.Arrays;

/**
 * One-permutation MinHash (Li, Owen and Zhang, NIPS 2012) with optimal densification (Shrivastava, ICML 2017):
 * each shingle hash is permuted once and lands in one of {@code k} bins, which keeps its minimum; empty bins borrow
 * the value of a non-empty bin chosen by a per-bin probe sequence, so that two signatures agree in a bin with
 * probability equal to the Jaccard similarity of their shingle sets. The cost is one pass over the shingles instead
 * of {@code k}. Immutable and thread-safe.
 */
public final class MinHasher {

  private static final int EMPTY = -1;

  /** Probes of each bin's sequence looked up in a table (the rest, rarely needed, are computed). */
  private static final int TABLED_PROBES = 128;

  private final int k;
  private final long seed;
  private final int shift;
  /**
   * Each bin's probe sequence for densification, which depends on nothing but the seed: its first {@value
   * #TABLED_PROBES} bins, and the state that continues it.
   */
  private final int[][] probes;
  private final long[] probeTail;

  /** A hasher with {@code k} bins (a power of two between 8 and 1024) and a seed for its permutation. */
  public MinHasher(int k, long seed) {
    if (k < 8 || k > 1024 || Integer.bitCount(k) != 1) {
      throw new IllegalArgumentException("bins must be a power of two in [8, 1024]: " + k);
    }
    this.k = k;
    this.seed = seed;
    this.shift = 64 - Integer.numberOfTrailingZeros(k);
    this.probes = new int[k][TABLED_PROBES];
    this.probeTail = new long[k];
    for (int i = 0; i < k; i++) {
      long probe = Shingles.mix(seed ^ (0xA5A5A5A5L * (i + 1)));
      for (int attempt = 1; attempt <= TABLED_PROBES; attempt++) {
        probes[i][attempt - 1] = (int) ((probe >>> shift) & (k - 1));
        probe = Shingles.mix(probe + attempt);
      }
      probeTail[i] = probe;
    }
  }

  public int bins() {
    return k;
  }

  /**
   * The signature of a shingle set: {@code k} non-negative ints. An empty set gives a signature of all
   * {@code Integer.MAX_VALUE}, equal only to other empty sets.
   */
  public int[] hash(long[] shingles) {
    int[] sig = new int[k];
    if (shingles.length == 0) {
      Arrays.fill(sig, Integer.MAX_VALUE);
      return sig;
    }
    Arrays.fill(sig, EMPTY);
    for (long s : shingles) {
      long h = Shingles.mix(s ^ seed);
      int bin = (int) (h >>> shift);
      int v = (int) (h & 0x7FFF_FFFFL);
      if (sig[bin] == EMPTY || v < sig[bin]) {
        sig[bin] = v;
      }
    }
    int[] out = sig.clone();
    for (int i = 0; i < k; i++) {
      if (sig[i] == EMPTY) {
        out[i] = borrowed(sig, i);
      }
    }
    return out;
  }

  /**
   * The value that empty bin {@code i} borrows: that of the first non-empty bin in its probe sequence (terminates: one
   * bin is non-empty).
   */
  private int borrowed(int[] sig, int i) {
    for (int j : probes[i]) {
      if (sig[j] != EMPTY) {
        return sig[j];
      }
    }
    long probe = probeTail[i];
    for (int attempt = TABLED_PROBES + 1; ; attempt++) {
      int j = (int) ((probe >>> shift) & (k - 1));
      if (sig[j] != EMPTY) {
        return sig[j];
      }
      probe = Shingles.mix(probe + attempt);
    }
  }

  /** The share of bins in which two signatures agree: an estimate of the Jaccard similarity. */
  public static double similarity(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("signatures of different sizes: " + a.length + " vs " + b.length);
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }
}
