package io.distillguard.families;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A map from positive int keys to values, open addressing with linear probing and backward-shift deletion: no boxed
 * keys and no entry objects, so a lookup touches two arrays. At most half full. Not thread-safe.
 */
final class IntMap<V> {

  private int[] keys;
  private Object[] values;
  private int size;

  IntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
    keys = new int[capacity];
    values = new Object[capacity];
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(int key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      int k = keys[i];
      if (k == key) {
        return (V) values[i];
      }
      if (k == 0) {
        return null;
      }
    }
  }

  /** Sets the value of {@code key} (which must be positive); returns the previous value, or null. */
  @SuppressWarnings("unchecked")
  V put(int key, V value) {
    if (key <= 0) {
      throw new IllegalArgumentException("keys must be positive: " + key);
    }
    if (value == null) {
      throw new IllegalArgumentException("null value");
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (keys[i] != 0) {
      if (keys[i] == key) {
        V old = (V) values[i];
        values[i] = value;
        return old;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
    return null;
  }

  /** Removes {@code key}; returns its value, or null when absent. */
  @SuppressWarnings("unchecked")
  V remove(int key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); keys[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == key) {
        V old = (V) values[i];
        deleteAt(i);
        size--;
        return old;
      }
    }
    return null;
  }

  int size() {
    return size;
  }

  /** The keys, ascending. */
  int[] keys() {
    int[] out = new int[size];
    int n = 0;
    for (int k : keys) {
      if (k != 0) {
        out[n++] = k;
      }
    }
    Arrays.sort(out);
    return out;
  }

  /** The values, in no particular order. */
  @SuppressWarnings("unchecked")
  List<V> values() {
    List<V> out = new ArrayList<>(size);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        out.add((V) values[i]);
      }
    }
    return out;
  }

  /** Closes the hole at {@code hole}: entries after it that probed past it move back (Knuth's algorithm R). */
  private void deleteAt(int hole) {
    int mask = keys.length - 1;
    int i = hole;
    while (true) {
      i = (i + 1) & mask;
      int k = keys[i];
      if (k == 0) {
        break;
      }
      int home = slot(k, mask);
      // move k back unless its home lies cyclically in (hole, i]
      if (hole <= i ? (home <= hole || home > i) : (home <= hole && home > i)) {
        keys[hole] = k;
        values[hole] = values[i];
        hole = i;
      }
    }
    keys[hole] = 0;
    values[hole] = null;
  }

  @SuppressWarnings("unchecked")
  private void grow() {
    int[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], (V) oldValues[i]);
      }
    }
  }

  private static int slot(int key, int mask) {
    int h = key * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }
}
