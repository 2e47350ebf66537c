package io.distillguard.state;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

/**
 * An approximate distinct count (HyperLogLog, Flajolet et al. 2007, as implemented by Apache DataSketches) with
 * lgK = 10: about 3% relative error, at most about 1 KB, exact while small. Mergeable.
 */
public final class Distinct {

  static final int LG_K = 10;
  /** String keys enter the sketch as this hash of their chars (a sketch of another key hashing is not mergeable). */
  private static final net.openhft.hashing.LongHashFunction CHARS = net.openhft.hashing.LongHashFunction.xx3(0x5EEDL);
  private HllSketch hll;
  /** The key counted last: a repeat is skipped (the sketch holds it already); not part of the sketch's value. */
  private String lastKey;
  private long lastLong;
  private boolean hasLastLong;
  /** {@link #estimate()} memoized until the sketch changes (-1: not known). */
  private long estimate = -1;

  public Distinct() {
    this.hll = new HllSketch(LG_K, TgtHllType.HLL_8);
  }

  private Distinct(HllSketch hll) {
    this.hll = hll;
  }

  /** Counts {@code key} once however often it is seen; {@code null} is ignored. */
  public void update(String key) {
    if (key != null && !key.equals(lastKey)) {
      hll.update(CHARS.hashChars(key)); // hashes the chars in place: no UTF-8 copy per update
      lastKey = key;
      estimate = -1;
    }
  }

  public void update(long key) {
    if (!hasLastLong || key != lastLong) {
      hll.update(key);
      lastLong = key;
      estimate = -1;
      hasLastLong = true;
    }
  }

  public void merge(Distinct other) {
    Union u = new Union(LG_K);
    u.update(hll);
    u.update(other.hll);
    hll = u.getResult(TgtHllType.HLL_8);
    estimate = -1;
  }

  void clearAndMerge(Distinct other) {
    hll = other.hll.copy();
    lastKey = null;
    hasLastLong = false;
    estimate = -1;
  }

  /** The estimated number of distinct keys, rounded. */
  public long estimate() {
    if (estimate < 0) {
      estimate = Math.round(hll.getEstimate());
    }
    return estimate;
  }

  public boolean isEmpty() {
    return hll.isEmpty();
  }

  byte[] toBytes() {
    return hll.toCompactByteArray();
  }

  static Distinct fromBytes(byte[] bytes) {
    return new Distinct(HllSketch.heapify(Memory.wrap(bytes)));
  }
}
