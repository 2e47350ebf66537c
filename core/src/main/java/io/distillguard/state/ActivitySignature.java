package io.distillguard.state;

import io.distillguard.features.Shingles;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A MinHash (one-permutation, {@value #BINS} bins) over the set of time buckets in which an account was active, so
 * that the Jaccard similarity of two accounts' activity can be estimated from two small arrays: the loosely
 * synchronized action sets of SynchroTrap (Cao et al., CCS 2014) in constant space. Merge is the element-wise
 * minimum: commutative, associative, with the empty signature as identity.
 */
public final class ActivitySignature {

  public static final int BINS = 64;
  /** Bucket width: requests within the same ten minutes count as simultaneous. */
  public static final long BUCKET_MILLIS = 10 * 60 * 1000L;
  private static final int EMPTY = Integer.MAX_VALUE;

  private final int[] mins = new int[BINS];
  private int buckets;
  private long lastBucket = Long.MIN_VALUE;

  public ActivitySignature() {
    Arrays.fill(mins, EMPTY);
  }

  /** Records activity at an event time (epoch milliseconds). */
  public void update(long epochMillis) {
    long bucket = Math.floorDiv(epochMillis, BUCKET_MILLIS);
    if (bucket == lastBucket) {
      return;
    }
    lastBucket = bucket;
    long h = Shingles.mix(bucket * 0x9E3779B97F4A7C15L + 0x7F4A7C15L);
    int bin = (int) (h >>> 58); // 64 bins
    int v = (int) (h & 0x7FFF_FFFFL);
    if (v < mins[bin]) {
      if (mins[bin] == EMPTY) {
        buckets++;
      }
      mins[bin] = v;
    }
  }

  /** Bins that have seen at least one bucket (a lower bound on distinct active buckets, capped at BINS). */
  public int filledBins() {
    return buckets;
  }

  /**
   * Estimated Jaccard similarity of the two accounts' active-bucket sets, counted over bins filled in both
   * (0 when none).
   */
  public double similarity(ActivitySignature other) {
    int both = 0;
    int same = 0;
    for (int i = 0; i < BINS; i++) {
      if (mins[i] != EMPTY || other.mins[i] != EMPTY) {
        both++;
        if (mins[i] == other.mins[i]) {
          same++;
        }
      }
    }
    return both == 0 ? 0 : (double) same / both;
  }

  public void merge(ActivitySignature other) {
    buckets = 0;
    for (int i = 0; i < BINS; i++) {
      mins[i] = Math.min(mins[i], other.mins[i]);
      if (mins[i] != EMPTY) {
        buckets++;
      }
    }
    lastBucket = Long.MIN_VALUE;
  }

  void write(DataOutput out) throws IOException {
    for (int m : mins) {
      out.writeInt(m);
    }
  }

  static ActivitySignature read(DataInput in) throws IOException {
    ActivitySignature s = new ActivitySignature();
    for (int i = 0; i < BINS; i++) {
      s.mins[i] = in.readInt();
      if (s.mins[i] != EMPTY) {
        s.buckets++;
      }
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActivitySignature a && Arrays.equals(a.mins, mins);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(mins);
  }

}
