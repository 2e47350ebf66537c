package io.distillguard.families;

import java.util.ArrayList;
import java.util.List;

/**
 * A map from int keys to non-null values with open addressing and linear probing, without boxing or entry objects:
 * {@link FamilyIndex} looks its families up by id for every candidate of every request. Deletion shifts entries
 * back, so no tombstones accumulate. Not thread-safe.
 */
final class IntObjectMap<V> {

  private int[] keys;
  private Object[] values;
  private int size;
  private int mask;

  IntObjectMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new int[cap];
    values = new Object[cap];
    mask = cap - 1;
  }

  /** The value for {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(int key) {
    for (int i = slot(key); values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return (V) values[i];
      }
    }
    return null;
  }

  /** Maps {@code key} to {@code value} (not null), replacing what it mapped to. */
  void put(int key, V value) {
    if (value == null) {
      throw new IllegalArgumentException("null value for " + key);
    }
    if ((size + 1) * 4 > keys.length * 3) {
      grow();
    }
    int i = slot(key);
    for (; values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** Removes {@code key} if present. */
  void remove(int key) {
    for (int i = slot(key); values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == key) {
        deleteAt(i);
        return;
      }
    }
  }

  private void deleteAt(int hole) {
    size--;
    for (int i = (hole + 1) & mask; values[i] != null; i = (i + 1) & mask) {
      if (LongIntMap.shiftsBack(hole, i, slot(keys[i]))) {
        keys[hole] = keys[i];
        values[hole] = values[i];
        hole = i;
      }
    }
    values[hole] = null;
  }

  private void grow() {
    int[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        @SuppressWarnings("unchecked")
        V v = (V) oldValues[i];
        put(oldKeys[i], v);
      }
    }
  }

  private int slot(int key) {
    return (int) (((key & 0xFFFF_FFFFL) * 0x9E3779B97F4A7C15L) >>> 32) & mask;
  }

  int size() {
    return size;
  }

  /** The values, in no particular order. */
  @SuppressWarnings("unchecked")
  List<V> values() {
    List<V> out = new ArrayList<>(size);
    for (Object v : values) {
      if (v != null) {
        out.add((V) v);
      }
    }
    return out;
  }

  /** The keys in ascending order. */
  int[] sortedKeys() {
    int[] out = new int[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != null) {
        out[n++] = keys[i];
      }
    }
    java.util.Arrays.sort(out);
    return out;
  }
}
