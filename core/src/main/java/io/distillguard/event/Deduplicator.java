package io.distillguard.event;

import java.time.Duration;
import java.time.Instant;
import net.openhft.hashing.LongHashFunction;

/**
 * Drops repeated {@code event_id}s in bounded memory. It remembers the 64-bit xxh3 hash of each id whose event time
 * is within {@code window} of the watermark (the newest event time seen), in a hash set plus a FIFO of
 * (time, hash) that expires entries as the watermark moves on. Memory is about 24 bytes per event of the last
 * window.
 *
 * <p>The bound: a repeat whose event time is more than {@code window} behind the watermark when it arrives, which
 * includes a repeat whose time differs from the original's by more than the window, is not caught. Two different ids
 * collide with probability about n / 2^64 for n remembered ids, in which case the second is wrongly dropped.
 */
final class Deduplicator {

  private static final LongHashFunction XX3 = LongHashFunction.xx3();

  private final long windowMillis;
  private final LongHashSet seen = new LongHashSet();
  private long[] fifoTime = new long[1024];
  private long[] fifoHash = new long[1024];
  private int head;
  private int count;
  private long watermark = Long.MIN_VALUE;

  Deduplicator(Duration window) {
    long w;
    try {
      w = window.toMillis();
    } catch (ArithmeticException e) {
      w = Long.MAX_VALUE;
    }
    this.windowMillis = w;
  }

  /** True the first time {@code eventId} is offered within the window; the id is then remembered. */
  boolean firstSeen(String eventId, Instant ts) {
    long t = ts.toEpochMilli();
    if (t > watermark) {
      watermark = t;
      expire();
    }
    long h = XX3.hashChars(eventId);
    if (seen.contains(h)) {
      return false;
    }
    if (t >= cutoff()) {
      seen.add(h);
      push(t, h);
    }
    return true;
  }

  /** Ids remembered now. */
  int size() {
    return count;
  }

  private long cutoff() {
    long c = watermark - windowMillis;
    return c <= watermark ? c : Long.MIN_VALUE; // window >= 0, so a larger result means overflow
  }

  private void expire() {
    long cutoff = cutoff();
    while (count > 0 && fifoTime[head] < cutoff) {
      seen.remove(fifoHash[head]);
      head = (head + 1) & (fifoTime.length - 1);
      count--;
    }
  }

  private void push(long t, long h) {
    if (count == fifoTime.length) {
      long[] time = new long[count * 2];
      long[] hash = new long[count * 2];
      for (int i = 0; i < count; i++) {
        int j = (head + i) & (fifoTime.length - 1);
        time[i] = fifoTime[j];
        hash[i] = fifoHash[j];
      }
      fifoTime = time;
      fifoHash = hash;
      head = 0;
    }
    int tail = (head + count) & (fifoTime.length - 1);
    fifoTime[tail] = t;
    fifoHash[tail] = h;
    count++;
  }
}
