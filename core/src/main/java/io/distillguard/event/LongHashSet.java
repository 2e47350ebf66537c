package io.distillguard.event;

/**
 * A set of {@code long}s: open addressing with linear probing over a power-of-two table kept at most half full, and
 * backward-shift deletion (no tombstones), so lookups stay short however many keys come and go. The table grows with
 * the number of keys and does not shrink. Not thread-safe.
 */
final class LongHashSet {

  private static final long EMPTY = 0L; // zero is stored out of band
  private long[] table = new long[16];
  private int mask = 15;
  private int size;
  private boolean hasZero;

  int size() {
    return size + (hasZero ? 1 : 0);
  }

  boolean contains(long key) {
    if (key == EMPTY) {
      return hasZero;
    }
    for (int i = slot(key); ; i = (i + 1) & mask) {
      long k = table[i];
      if (k == key) {
        return true;
      }
      if (k == EMPTY) {
        return false;
      }
    }
  }

  /** Adds {@code key}; false if it was already there. */
  boolean add(long key) {
    if (key == EMPTY) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    int i = slot(key);
    for (; ; i = (i + 1) & mask) {
      long k = table[i];
      if (k == key) {
        return false;
      }
      if (k == EMPTY) {
        break;
      }
    }
    table[i] = key;
    if (++size * 2 > table.length) {
      rehash(table.length * 2);
    }
    return true;
  }

  /** Removes {@code key}; false if it was not there. */
  boolean remove(long key) {
    if (key == EMPTY) {
      boolean removed = hasZero;
      hasZero = false;
      return removed;
    }
    int i = slot(key);
    for (; ; i = (i + 1) & mask) {
      long k = table[i];
      if (k == key) {
        break;
      }
      if (k == EMPTY) {
        return false;
      }
    }
    // backward-shift: move later entries of the probe run into the hole when their home slot allows it
    int hole = i;
    for (int j = (hole + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
      int home = slot(table[j]);
      // j's entry may fill the hole if its home is not cyclically within (hole, j]
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        table[hole] = table[j];
        hole = j;
      }
    }
    table[hole] = EMPTY;
    size--;
    return true;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void rehash(int capacity) {
    long[] old = table;
    table = new long[capacity];
    mask = capacity - 1;
    for (long k : old) {
      if (k != EMPTY) {
        int i = slot(k);
        while (table[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        table[i] = k;
      }
    }
  }
}
