package io.distillguard.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The heaviest keys of a stream with their counts, in bounded space: the space-saving summary (Metwally et al.,
 * 2005). While at most {@code capacity} distinct keys have been seen the counts are exact; after that a new key
 * replaces the lightest one and inherits its count plus one, so a count over-estimates by at most the total divided
 * by the capacity. Keys are strings (fingerprints, ids, model names).
 */
public final class TopK {

  /** Longer keys are truncated, which bounds memory and serialized size whatever the input. */
  public static final int MAX_KEY_CHARS = 256;
  /** Summaries are small (a key is found by a linear scan over at most this many slots). */
  public static final int MAX_CAPACITY = 256;

  private final int capacity;
  // slots 0..size-1: parallel arrays, no boxing (updated on every request); they grow to the capacity as keys come
  // (most summaries of an account's or a family's traffic hold one or two keys)
  private String[] keys;
  private int[] hashes;
  private long[] counts;
  /** Slots made up front. */
  static final int INITIAL_SLOTS = 2;
  private int size;
  private long total;
  /** {@link #sorted()} memoized until the next change. */
  private List<Map.Entry<String, Long>> sortedCache;

  public TopK(int capacity) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity must be in [1, " + MAX_CAPACITY + "]: " + capacity);
    }
    this.capacity = capacity;
    int slots = Math.min(capacity, INITIAL_SLOTS);
    this.keys = new String[slots];
    this.hashes = new int[slots];
    this.counts = new long[slots];
  }

  public int capacity() {
    return capacity;
  }

  /** Counts one occurrence of {@code key}; {@code null} keys are ignored. */
  public void update(String key) {
    update(key, 1);
  }

  public void update(String key, long n) {
    if (key == null || n <= 0) {
      return;
    }
    if (key.length() > MAX_KEY_CHARS) {
      key = key.substring(0, MAX_KEY_CHARS);
    }
    sortedCache = null;
    total += n;
    int slot = slot(key);
    if (slot >= 0) {
      counts[slot] += n;
    } else if (size < capacity) {
      put(size++, key, n);
    } else {
      int min = lightest();
      put(min, key, counts[min] + n);
    }
  }

  private void put(int slot, String key, long count) {
    if (slot >= keys.length) {
      int slots = Math.min(capacity, Math.max(slot + 1, 2 * keys.length));
      keys = java.util.Arrays.copyOf(keys, slots);
      hashes = java.util.Arrays.copyOf(hashes, slots);
      counts = java.util.Arrays.copyOf(counts, slots);
    }
    keys[slot] = key;
    hashes[slot] = key.hashCode();
    counts[slot] = count;
  }

  /** The slot holding {@code key}, or -1. */
  private int slot(String key) {
    int h = key.hashCode();
    for (int i = 0; i < size; i++) {
      if (hashes[i] == h && (keys[i] == key || keys[i].equals(key))) {
        return i;
      }
    }
    return -1;
  }

  /** The slot of the lightest key, the greatest key among equally light ones (it sorts last). */
  private int lightest() {
    int min = 0;
    for (int i = 1; i < size; i++) {
      if (counts[i] < counts[min] || (counts[i] == counts[min] && keys[i].compareTo(keys[min]) > 0)) {
        min = i;
      }
    }
    return min;
  }

  /** Adds {@code other}'s counts, keeping the {@code capacity} heaviest keys (ties broken by key). */
  public void merge(TopK other) {
    if (other.capacity != capacity) {
      throw new IllegalArgumentException("cannot merge TopK of capacity " + other.capacity + " into " + capacity);
    }
    sortedCache = null;
    total += other.total;
    Map<String, Long> all = new HashMap<>(2 * (size + other.size));
    for (int i = 0; i < size; i++) {
      all.merge(keys[i], counts[i], Long::sum);
    }
    for (int i = 0; i < other.size; i++) {
      all.merge(other.keys[i], other.counts[i], Long::sum);
    }
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(all.entrySet());
    sorted.sort(ORDER);
    size = 0;
    for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(capacity, sorted.size()))) {
      put(size++, e.getKey(), e.getValue());
    }
  }

  private static final Comparator<Map.Entry<String, Long>> ORDER =
      Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey());

  /** Replaces this summary's content with {@code other}'s (same capacity). */
  void clearAndMerge(TopK other) {
    sortedCache = null;
    size = 0;
    total = 0;
    merge(other);
  }

  /** Entries heaviest first, ties by key. */
  public List<Map.Entry<String, Long>> sorted() {
    if (sortedCache == null) {
      List<Map.Entry<String, Long>> all = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        all.add(Map.entry(keys[i], counts[i]));
      }
      all.sort(ORDER);
      sortedCache = List.copyOf(all);
    }
    return sortedCache;
  }

  /** The count of {@code key}, 0 when it is not tracked. */
  public long count(String key) {
    int slot = key == null ? -1 : slot(key);
    return slot < 0 ? 0 : counts[slot];
  }

  /** The heaviest key, or {@code null} when empty. */
  public String top() {
    List<Map.Entry<String, Long>> s = sorted();
    return s.isEmpty() ? null : s.get(0).getKey();
  }

  /** Sum of all updates, tracked or not. */
  public long total() {
    return total;
  }

  /** Number of keys tracked (at most the capacity). */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  void write(DataOutput out) throws IOException {
    out.writeShort(capacity);
    out.writeLong(total);
    List<Map.Entry<String, Long>> s = sorted();
    out.writeShort(s.size());
    for (Map.Entry<String, Long> e : s) {
      out.writeUTF(e.getKey());
      out.writeLong(e.getValue());
    }
  }

  static TopK read(DataInput in) throws IOException {
    TopK t = new TopK(in.readShort());
    t.total = in.readLong();
    int n = in.readShort();
    if (n > t.capacity) {
      throw new IOException("TopK of capacity " + t.capacity + " with " + n + " keys");
    }
    for (int i = 0; i < n; i++) {
      t.put(t.size++, in.readUTF(), in.readLong());
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopK t && t.capacity == capacity && t.total == total && t.sorted().equals(sorted());
  }

  @Override
  public int hashCode() {
    return Objects.hash(capacity, total, sorted());
  }

  @Override
  public String toString() {
    return "TopK" + sorted();
  }
}
