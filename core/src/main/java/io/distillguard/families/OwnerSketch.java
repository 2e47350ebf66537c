package io.distillguard.families;

import java.util.Arrays;

/**
 * The owners that used a family name, as the smallest {@value #SIZE} of their hashes seen (a bottom-k sketch): exact
 * while fewer than that many owners, a uniform sample of them after. Mergeable: adding another sketch's hashes gives
 * the sketch of the union. Grows on demand (most names have a handful of users; a full sketch is 512 bytes). Mutable;
 * not thread-safe.
 */
final class OwnerSketch {

  /** Hashes kept (the smallest seen). */
  static final int SIZE = 64;
  private static final long[] NONE = new long[0];

  /** The smallest hashes seen, ascending: the first {@code count} entries are used. */
  private long[] hashes = NONE;
  private int count;
  private long last;

  /** The owner hash, mixed once more so that the sample does not depend on how the caller hashed. */
  static long hashOf(long ownerKey) {
    long h = (ownerKey ^ 0x5DEECE66DL) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 31);
  }

  /** Counts one owner, by a hash from {@link #hashOf}. */
  void add(long h) {
    if (count > 0 && h == last) {
      return; // an owner's requests come in runs
    }
    last = h;
    if (count == SIZE && h >= hashes[SIZE - 1]) {
      return;
    }
    int at = Arrays.binarySearch(hashes, 0, count, h);
    if (at >= 0) {
      return;
    }
    at = -at - 1;
    if (count == hashes.length && count < SIZE) {
      hashes = Arrays.copyOf(hashes, Math.max(4, Math.min(SIZE, 2 * hashes.length)));
    }
    int moved = Math.min(count, SIZE - 1) - at;
    if (moved > 0) {
      System.arraycopy(hashes, at, hashes, at + 1, moved);
    }
    hashes[at] = h;
    count = Math.min(SIZE, count + 1);
  }

  /** Adds every owner of {@code other}: this becomes the sketch of the union. */
  void merge(OwnerSketch other) {
    for (int i = 0; i < other.count; i++) {
      add(other.hashes[i]);
    }
  }

  /** Hashes held: the number of distinct owners while under {@value #SIZE}. */
  int count() {
    return count;
  }

  /** The {@code i}-th smallest hash held ({@code i < count()}). */
  long smallest(int i) {
    return hashes[i];
  }

  /** The estimated number of distinct owners (exact below {@value #SIZE}). */
  double owners() {
    return count < SIZE ? count : (SIZE - 1) / unit(hashes[SIZE - 1]);
  }

  /** A hash as a number in (0, 1), in the order of the signed hashes. */
  private static double unit(long h) {
    return Math.max(1e-18, h / 18446744073709551616.0 + 0.5);
  }

  /** {@link #coUsage}'s Jaccard estimate alone. */
  static double similarity(OwnerSketch a, OwnerSketch b) {
    return coUsage(a, b)[0];
  }

  /**
   * The Jaccard similarity of two sketches' owner sets and the size of their union, estimated: the share of the
   * union's smallest hashes (at most {@value #SIZE}) that both sets hold, and the union size that many smallest hashes
   * imply (both exact while both sets are small).
   */
  static double[] coUsage(OwnerSketch a, OwnerSketch b) {
    int i = 0;
    int j = 0;
    int union = 0;
    int both = 0;
    boolean aFull = a.count == SIZE;
    boolean bFull = b.count == SIZE;
    long last = Long.MIN_VALUE;
    while (union < SIZE && (i < a.count || j < b.count)) {
      long x = i < a.count ? a.hashes[i] : Long.MAX_VALUE;
      long y = j < b.count ? b.hashes[j] : Long.MAX_VALUE;
      if (i >= a.count && aFull || j >= b.count && bFull) {
        break; // past a full sketch's last hash, membership in that set is unknown
      }
      if (x == y) {
        both++;
        i++;
        j++;
      } else if (x < y) {
        i++;
      } else {
        j++;
      }
      last = Math.min(x, y);
      union++;
    }
    if (union == 0) {
      return new double[] {0, 0};
    }
    double size = aFull || bFull ? (union - 1) / unit(last) : union;
    return new double[] {(double) both / union, Math.max(union, size)};
  }

  void write(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(count);
    for (int k = 0; k < count; k++) {
      out.writeLong(hashes[k]);
    }
    out.writeLong(last);
  }

  static OwnerSketch read(java.io.DataInput in) throws java.io.IOException {
    OwnerSketch s = new OwnerSketch();
    s.count = in.readInt();
    if (s.count < 0 || s.count > SIZE) {
      throw new java.io.IOException("bad owner sketch size " + s.count);
    }
    s.hashes = s.count == 0 ? NONE : new long[s.count];
    for (int k = 0; k < s.count; k++) {
      s.hashes[k] = in.readLong();
    }
    s.last = in.readLong();
    return s;
  }
}
