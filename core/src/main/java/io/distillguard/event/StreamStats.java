package io.distillguard.event;

/**
 * Counts of an {@link EventStream} so far.
 *
 * @param files input files opened
 * @param lines physical lines read, blank ones included
 * @param bytes bytes read, after decompression, line terminators included
 * @param events events released (after dedupe)
 * @param rejected lines rejected, plus one per file that could not be read to its end
 * @param duplicates events dropped because their {@code event_id} was already released
 * @param late events released out of order because they arrived past the out-of-order bound
 */
public record StreamStats(
    long files, long lines, long bytes, long events, long rejected, long duplicates, long late) {

  public StreamStats {
    if (files < 0 || lines < 0 || bytes < 0 || events < 0 || rejected < 0 || duplicates < 0 || late < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }
}
