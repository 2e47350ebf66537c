package io.distillguard.linking;

import java.util.Arrays;

/**
 * Groups int values by a long key (LSH band keys, say) without an object per entry: {@link #add} them, then read
 * each group's values in the order they were added with {@link #groups}, {@link #size} and {@link #value}. Open
 * addressing over the keys; memory is a few ints per entry. Single use; not thread-safe.
 */
final class LongBuckets {

  private long[] slotKeys;
  private int[] slotGroups; // -1: empty
  private int groups;
  private int[] entryGroup;
  private int[] entryValue;
  private int entries;
  /** After {@link #close}: values by group, and where each group's values start. */
  private int[] start;
  private int[] values;

  LongBuckets(int expectedEntries) {
    int cap = Integer.highestOneBit(Math.max(16, expectedEntries * 2) - 1) << 1;
    slotKeys = new long[cap];
    slotGroups = new int[cap];
    Arrays.fill(slotGroups, -1);
    entryGroup = new int[Math.max(16, expectedEntries)];
    entryValue = new int[entryGroup.length];
  }

  /** Adds {@code value} to the group of {@code key}. */
  void add(long key, int value) {
    if (start != null) {
      throw new IllegalStateException("closed");
    }
    if (2 * (groups + 1) > slotKeys.length) {
      grow();
    }
    int mask = slotKeys.length - 1;
    int slot = (int) mix(key) & mask;
    while (slotGroups[slot] >= 0 && slotKeys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (slotGroups[slot] < 0) {
      slotKeys[slot] = key;
      slotGroups[slot] = groups++;
    }
    if (entries == entryGroup.length) {
      entryGroup = Arrays.copyOf(entryGroup, entries * 2);
      entryValue = Arrays.copyOf(entryValue, entries * 2);
    }
    entryGroup[entries] = slotGroups[slot];
    entryValue[entries++] = value;
  }

  /** Number of distinct keys added; lays the groups out on first call. */
  int groups() {
    close();
    return groups;
  }

  /** Number of values in group {@code g}. */
  int size(int g) {
    return start[g + 1] - start[g];
  }

  /** The {@code k}th value added to group {@code g}. */
  int value(int g, int k) {
    return values[start[g] + k];
  }

  private void close() {
    if (start != null) {
      return;
    }
    // counting sort of the entries by group, stable: each group keeps the order of addition
    start = new int[groups + 1];
    for (int i = 0; i < entries; i++) {
      start[entryGroup[i] + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    int[] next = Arrays.copyOf(start, groups);
    values = new int[entries];
    for (int i = 0; i < entries; i++) {
      values[next[entryGroup[i]]++] = entryValue[i];
    }
  }

  private void grow() {
    long[] oldKeys = slotKeys;
    int[] oldGroups = slotGroups;
    slotKeys = new long[oldKeys.length * 2];
    slotGroups = new int[oldKeys.length * 2];
    Arrays.fill(slotGroups, -1);
    int mask = slotKeys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldGroups[i] >= 0) {
        int slot = (int) mix(oldKeys[i]) & mask;
        while (slotGroups[slot] >= 0) {
          slot = (slot + 1) & mask;
        }
        slotKeys[slot] = oldKeys[i];
        slotGroups[slot] = oldGroups[i];
      }
    }
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    return h ^ (h >>> 33);
  }
}
