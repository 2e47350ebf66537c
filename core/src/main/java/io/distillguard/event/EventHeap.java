package io.distillguard.event;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by {@code ts}, then by a sequence number the caller gives (its reading order),
 * so that ties come out in reading order. Parallel arrays hold the keys, so sifting never touches the events
 * themselves; no per-event node objects.
 */
final class EventHeap {

  private Event[] events = new Event[64];
  private long[] seconds = new long[64];
  private int[] nanos = new int[64];
  private long[] seqs = new long[64];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void add(Event e, long seq) {
    if (size == events.length) {
      int n = size * 2;
      events = Arrays.copyOf(events, n);
      seconds = Arrays.copyOf(seconds, n);
      nanos = Arrays.copyOf(nanos, n);
      seqs = Arrays.copyOf(seqs, n);
    }
    long sec = e.ts().getEpochSecond();
    int nano = e.ts().getNano();
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(sec, nano, seq, parent)) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, e, sec, nano, seq);
  }

  /** The oldest event; {@code null} when empty. */
  Event peek() {
    return size == 0 ? null : events[0];
  }

  /** The sequence number of {@link #peek()}. */
  long peekSeq() {
    return seqs[0];
  }

  /** Removes and returns the oldest event; {@code null} when empty. */
  Event poll() {
    if (size == 0) {
      return null;
    }
    Event top = events[0];
    int last = --size;
    Event e = events[last];
    long sec = seconds[last];
    int nano = nanos[last];
    long seq = seqs[last];
    events[last] = null;
    if (last > 0) {
      int i = 0;
      int half = last >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        int right = child + 1;
        if (right < last && less(seconds[right], nanos[right], seqs[right], child)) {
          child = right;
        }
        if (!less(seconds[child], nanos[child], seqs[child], sec, nano, seq)) {
          break;
        }
        move(child, i);
        i = child;
      }
      set(i, e, sec, nano, seq);
    }
    return top;
  }

  private void set(int i, Event e, long sec, int nano, long seq) {
    events[i] = e;
    seconds[i] = sec;
    nanos[i] = nano;
    seqs[i] = seq;
  }

  private void move(int from, int to) {
    events[to] = events[from];
    seconds[to] = seconds[from];
    nanos[to] = nanos[from];
    seqs[to] = seqs[from];
  }

  private boolean less(long sec, int nano, long seq, int j) {
    return less(sec, nano, seq, seconds[j], nanos[j], seqs[j]);
  }

  private static boolean less(long secA, int nanoA, long seqA, long secB, int nanoB, long seqB) {
    if (secA != secB) {
      return secA < secB;
    }
    if (nanoA != nanoB) {
      return nanoA < nanoB;
    }
    return seqA < seqB;
  }
}
