package io.distillguard.families;

import java.util.Arrays;

/**
 * A map from long keys to non-negative int values with open addressing and linear probing, without boxing: the LSH
 * table of {@link FamilyIndex} is looked up sixteen times a request. Deletion uses backward shifting, so no
 * tombstones accumulate. Not thread-safe.
 */
final class LongIntMap {

  private static final int FREE = -1;
  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[cap];
    values = new int[cap];
    Arrays.fill(values, FREE);
    mask = cap - 1;
  }

  /** The value for {@code key}, or -1. */
  int get(long key) {
    int i = slot(key);
    while (values[i] != FREE) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return FREE;
  }

  /** Stores {@code value} (>= 0) unless the key is present. */
  void putIfAbsent(long key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("values must be non-negative: " + value);
    }
    if ((size + 1) * 4 > keys.length * 3) {
      grow();
    }
    int i = slot(key);
    while (values[i] != FREE) {
      if (keys[i] == key) {
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** Removes {@code key} if it maps to {@code value}. */
  void remove(long key, int value) {
    int i = slot(key);
    while (values[i] != FREE) {
      if (keys[i] == key) {
        if (values[i] == value) {
          deleteAt(i);
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private void deleteAt(int hole) {
    size--;
    int i = hole;
    while (true) {
      i = (i + 1) & mask;
      if (values[i] == FREE) {
        break;
      }
      if (shiftsBack(hole, i, slot(keys[i]))) {
        keys[hole] = keys[i];
        values[hole] = values[i];
        hole = i;
      }
    }
    values[hole] = FREE;
  }

  /**
   * Whether, deleting from a linear-probing table, the entry at slot {@code i} whose home slot is {@code home} moves
   * back into the hole at {@code hole}: when its home is not cyclically within {@code (hole, i]}.
   */
  static boolean shiftsBack(int hole, int i, int home) {
    return hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldValues.length * 2];
    Arrays.fill(values, FREE);
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != FREE) {
        putIfAbsent(oldKeys[i], oldValues[i]);
      }
    }
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & mask;
  }

  int size() {
    return size;
  }

  /** Writes the table exactly as it is (slots included), so that a read copy behaves identically. */
  void write(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(keys.length);
    out.writeInt(size);
    for (int j = 0; j < keys.length; j++) {
      out.writeLong(keys[j]);
      out.writeInt(values[j]);
    }
  }

  static LongIntMap read(java.io.DataInput in) throws java.io.IOException {
    int cap = in.readInt();
    if (cap < 16 || Integer.bitCount(cap) != 1) {
      throw new java.io.IOException("bad LongIntMap capacity " + cap);
    }
    LongIntMap m = new LongIntMap(8);
    m.keys = new long[cap];
    m.values = new int[cap];
    m.mask = cap - 1;
    m.size = in.readInt();
    for (int j = 0; j < cap; j++) {
      m.keys[j] = in.readLong();
      m.values[j] = in.readInt();
    }
    return m;
  }
}
