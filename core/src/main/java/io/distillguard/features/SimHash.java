package io.distillguard.features;

/**
 * 64-bit SimHash (Charikar 2002) over shingle hashes, each shingle weighted 1. Near-duplicate texts differ in few
 * bits; Manku et al. (WWW 2007) treat a Hamming distance of at most 3 as a near-duplicate at web scale.
 */
public final class SimHash {

  private SimHash() {}

  /** The SimHash of a set of shingle hashes; 0 for an empty set. */
  public static long of(long[] shingles) {
    if (shingles.length == 0) {
      return 0L;
    }
    int[] votes = new int[64];
    for (long h : shingles) {
      for (int b = 0; b < 64; b++) {
        votes[b] += (int) ((h >>> b) & 1L) * 2 - 1;
      }
    }
    long out = 0;
    for (int b = 0; b < 64; b++) {
      if (votes[b] > 0) {
        out |= 1L << b;
      }
    }
    return out;
  }

  /** The number of differing bits. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }
}
