package io.distillguard.event;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the reading stage.
 *
 * @param maxLineBytes longer lines (in bytes, without the line terminator) are rejected without being buffered
 * @param maxOutOfOrder how far back in event time, behind the newest event read from the same file, an event may
 *     arrive and still be released in order; older ones are released as late
 * @param maxBuffered events held per input file for reordering; past it the oldest is released early
 * @param dedupeWindow a repeated {@code event_id} is dropped when its event time is within this window of the newest
 *     released event
 */
public record ReaderOptions(int maxLineBytes, Duration maxOutOfOrder, int maxBuffered, Duration dedupeWindow) {

  public ReaderOptions {
    Objects.requireNonNull(maxOutOfOrder, "maxOutOfOrder");
    Objects.requireNonNull(dedupeWindow, "dedupeWindow");
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
    }
    if (maxLineBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxLineBytes too large: " + maxLineBytes);
    }
    if (maxOutOfOrder.isNegative()) {
      throw new IllegalArgumentException("maxOutOfOrder must not be negative: " + maxOutOfOrder);
    }
    if (maxBuffered < 1) {
      throw new IllegalArgumentException("maxBuffered must be positive: " + maxBuffered);
    }
    if (dedupeWindow.isNegative()) {
      throw new IllegalArgumentException("dedupeWindow must not be negative: " + dedupeWindow);
    }
  }

  /** 1 MiB lines, 5 minutes out of order, 1,000,000 buffered events per file, a 1 hour dedupe window. */
  public static ReaderOptions defaults() {
    return new ReaderOptions(1 << 20, Duration.ofMinutes(5), 1_000_000, Duration.ofHours(1));
  }
}
