package io.distillguard.features;

import io.distillguard.event.Message;
import io.distillguard.event.Request;
import net.openhft.hashing.LongHashFunction;

/**
 * The 64-bit hashes by which sketches take string keys: {@link #of} for distinct counts (accounts, owners, ranges
 * per family or infrastructure key), {@link #sample} for bottom-k evidence samples (event ids), {@link #task} for the
 * task a request belongs to. The feature threads
 * compute a request's hashes once, so the keyed-state thread folds numbers, not strings. Changing either function
 * changes every stored sketch: checkpoints say which they were made with by their version.
 */
public final class KeyHash {

  private static final LongHashFunction DISTINCT = LongHashFunction.xx3(0x5EEDL);
  private static final LongHashFunction SAMPLE = LongHashFunction.xx3();

  private KeyHash() {}

  /** The hash a distinct count takes {@code key} by (its chars, not its UTF-8 bytes). */
  public static long of(String key) {
    return DISTINCT.hashChars(key);
  }

  /**
   * The task a request belongs to: its system prompt and first user message (their first {@value #TASK_CHARS} chars
   * each), which every turn of one conversation or agent run repeats; never 0 (0 means no task).
   */
  public static long task(Request q) {
    String system = q.system() == null ? "" : q.system();
    String first = "";
    for (Message m : q.messages()) {
      if ("user".equals(m.role())) {
        first = m.text();
        break;
      }
    }
    long h = DISTINCT.hashChars(system, 0, Math.min(system.length(), TASK_CHARS)) * 0x9E3779B97F4A7C15L
        + DISTINCT.hashChars(first, 0, Math.min(first.length(), TASK_CHARS));
    return h == 0 ? 1 : h;
  }

  static final int TASK_CHARS = 8192;

  /** The hash that orders an event in a bottom-k sample. */
  public static long sample(String eventId) {
    return SAMPLE.hashChars(eventId);
  }
}
