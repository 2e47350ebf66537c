package io.distillguard.state;

import io.distillguard.features.KeyHash;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

/**
 * An approximate distinct count (HyperLogLog, Flajolet et al. 2007, as implemented by Apache DataSketches) with
 * lgK = 10: about 3% relative error, at most about 1 KB, exact while small. Mergeable. Most sketches count one key
 * only (a family sent once, a range one account uses): the HyperLogLog is made when a second key arrives, and until
 * then the sketch is the one hashed key, so a one-key sketch costs a few words; it behaves exactly as if the
 * HyperLogLog had been there from the start (same estimates, merges and bytes).
 */
public final class Distinct {

  static final int LG_K = 10;
  /** The sketch; null while at most one key was counted (then {@link #only} holds it if {@link #hasOnly}). */
  private HllSketch hll;
  private long only;
  private boolean hasOnly;
  /** The key counted last: a repeat is skipped (the sketch holds it already); not part of the sketch's value. */
  private String lastKey;
  private long lastLong;
  private boolean hasLastLong;
  /** {@link #estimate()} memoized until the sketch changes (-1: not known). */
  private long estimate = -1;

  public Distinct() {}

  private Distinct(HllSketch hll) {
    this.hll = hll;
  }

  /**
   * Counts {@code key} once however often it is seen; {@code null} is ignored. A string key enters the sketch as its
   * {@link KeyHash#of} hash: {@code update(KeyHash.of(key))} counts the same key (a sketch of another key hashing
   * would not be mergeable).
   */
  public void update(String key) {
    if (key != null && !key.equals(lastKey)) {
      add(KeyHash.of(key));
      lastKey = key;
    }
  }

  /** Counts a number (or a string key's {@link KeyHash#of} hash) once however often it is seen. */
  public void update(long key) {
    if (!hasLastLong || key != lastLong) {
      add(key);
      lastLong = key;
      hasLastLong = true;
    }
  }

  /** What {@code hll.update(value)} would do, the sketch made only when a second value arrives. */
  private void add(long value) {
    if (hll != null) {
      hll.update(value);
    } else if (!hasOnly) {
      only = value;
      hasOnly = true;
    } else if (value != only) {
      hll = sketch();
      hll.update(value);
      hasOnly = false;
    } else {
      return;
    }
    estimate = -1;
  }

  /** A HyperLogLog of what this sketch holds now (the sketch itself, or a new one with its one key, if any). */
  private HllSketch sketch() {
    if (hll != null) {
      return hll;
    }
    HllSketch s = new HllSketch(LG_K, TgtHllType.HLL_8);
    if (hasOnly) {
      s.update(only);
    }
    return s;
  }

  public void merge(Distinct other) {
    Union u = new Union(LG_K);
    u.update(sketch());
    u.update(other.sketch());
    hll = u.getResult(TgtHllType.HLL_8);
    hasOnly = false;
    estimate = -1;
  }

  void clearAndMerge(Distinct other) {
    hll = other.hll == null ? null : other.hll.copy();
    only = other.only;
    hasOnly = other.hasOnly;
    lastKey = null;
    hasLastLong = false;
    estimate = -1;
  }

  /** The estimated number of distinct keys, rounded. */
  public long estimate() {
    if (estimate < 0) {
      estimate = hll == null ? (hasOnly ? 1 : 0) : Math.round(hll.getEstimate());
    }
    return estimate;
  }

  public boolean isEmpty() {
    return hll == null ? !hasOnly : hll.isEmpty();
  }

  byte[] toBytes() {
    return sketch().toCompactByteArray();
  }

  static Distinct fromBytes(byte[] bytes) {
    return new Distinct(HllSketch.heapify(Memory.wrap(bytes)));
  }
}
