package io.distillguard.sim;

import java.util.Arrays;

/**
 * A binary min-heap of actor indices keyed by (next event time, actor index), so equal times always come out in
 * index order. Holds primitive arrays only; {@code O(log n)} per operation.
 */
final class ActorQueue {

  private int[] heap;
  private long[] time;
  private int size;

  ActorQueue(int capacity) {
    heap = new int[Math.max(16, capacity)];
    time = new long[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  void add(int actor, long t) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
      time = Arrays.copyOf(time, size * 2);
    }
    heap[size] = actor;
    time[size] = t;
    up(size++);
  }

  int peekActor() {
    return heap[0];
  }

  long peekTime() {
    return time[0];
  }

  /** Re-keys the head (after it emitted) and restores the heap; removes it when {@code t} is {@link Actor#DONE}. */
  void updateHead(long t) {
    if (t == Actor.DONE) {
      size--;
      if (size > 0) {
        heap[0] = heap[size];
        time[0] = time[size];
        down(0);
      }
      return;
    }
    time[0] = t;
    down(0);
  }

  private boolean less(int i, int j) {
    return time[i] < time[j] || (time[i] == time[j] && heap[i] < heap[j]);
  }

  private void swap(int i, int j) {
    int a = heap[i];
    heap[i] = heap[j];
    heap[j] = a;
    long t = time[i];
    time[i] = time[j];
    time[j] = t;
  }

  private void up(int i) {
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (!less(i, p)) {
        break;
      }
      swap(i, p);
      i = p;
    }
  }

  private void down(int i) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int m = l + 1 < size && less(l + 1, l) ? l + 1 : l;
      if (!less(m, i)) {
        return;
      }
      swap(i, m);
      i = m;
    }
  }
}
