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

  private final int capacity;
  private final HashMap<String, Long> counts;
  private long total;
  /** {@link #sorted()} memoized until the next change. */
  private List<Map.Entry<String, Long>> sortedCache;

  public TopK(int capacity) {
    if (capacity < 1 || capacity > 4096) {
      throw new IllegalArgumentException("capacity must be in [1, 4096]: " + capacity);
    }
    this.capacity = capacity;
    this.counts = new HashMap<>(Math.min(capacity, 16) * 2);
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
    Long c = counts.get(key);
    if (c != null) {
      counts.put(key, c + n);
    } else if (counts.size() < capacity) {
      counts.put(key, n);
    } else {
      String min = lightest();
      long m = counts.remove(min);
      counts.put(key, m + n);
    }
  }

  private String lightest() {
    String min = null;
    long mc = Long.MAX_VALUE;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      long c = e.getValue();
      if (c < mc || (c == mc && e.getKey().compareTo(min) > 0)) {
        min = e.getKey();
        mc = c;
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
    other.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
    if (counts.size() > capacity) {
      List<Map.Entry<String, Long>> all = sorted();
      counts.clear();
      for (Map.Entry<String, Long> e : all.subList(0, capacity)) {
        counts.put(e.getKey(), e.getValue());
      }
    }
  }

  /** Replaces this summary's content with {@code other}'s (same capacity). */
  void clearAndMerge(TopK other) {
    sortedCache = null;
    counts.clear();
    total = 0;
    merge(other);
  }

  /** Entries heaviest first, ties by key. */
  public List<Map.Entry<String, Long>> sorted() {
    if (sortedCache == null) {
      List<Map.Entry<String, Long>> all = new ArrayList<>(counts.size());
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        all.add(Map.entry(e.getKey(), e.getValue()));
      }
      all.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
          .thenComparing(Map.Entry.comparingByKey()));
      sortedCache = List.copyOf(all);
    }
    return sortedCache;
  }

  /** The count of {@code key}, 0 when it is not tracked. */
  public long count(String key) {
    return counts.getOrDefault(key, 0L);
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
    return counts.size();
  }

  public boolean isEmpty() {
    return counts.isEmpty();
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
    for (int i = 0; i < n; i++) {
      t.counts.put(in.readUTF(), in.readLong());
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopK t && t.capacity == capacity && t.total == total && t.counts.equals(counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(capacity, total, counts);
  }

  @Override
  public String toString() {
    return "TopK" + sorted();
  }
}
