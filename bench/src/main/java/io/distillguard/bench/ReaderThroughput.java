package io.distillguard.bench;

import io.distillguard.event.Event;
import io.distillguard.event.EventStream;
import io.distillguard.event.ReaderOptions;
import io.distillguard.event.StreamStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One pass over a big file, without JMH: first the bare Jackson token scan ({@link TokenCounter}), then
 * {@link EventStream} into events; prints events/s, MB/s (uncompressed) and the ratio of the two.
 *
 * <pre>
 * java -Xmx2g -cp bench/target/benchmarks.jar io.distillguard.bench.ReaderThroughput [FILE]
 * </pre>
 *
 * Without FILE it reads {@link BenchData#eventsFile()} (generating it once). Both paths first run over the first
 * 50,000 lines untimed, so neither pays for compiling the other's hot code. One pass is noisy on a shared machine:
 * check {@code uptime}, run it twice, or use {@link ReaderBenchmark} for error bars.
 */
public final class ReaderThroughput {

  private static final long WARMUP_LINES = 50_000;
  private static long sink;

  private ReaderThroughput() {}

  public static void main(String[] args) throws IOException {
    Path file = args.length > 0 ? Path.of(args[0]) : BenchData.eventsFile();
    System.out.printf("file: %s (%,.1f MB on disk)%n", file, Files.size(file) / 1e6);
    // compile the hot paths of both before timing either
    TokenCounter.count(file, WARMUP_LINES);
    readEvents(file, WARMUP_LINES);

    long t0 = System.nanoTime();
    TokenCounter.Count base = TokenCounter.count(file);
    double baseSecs = (System.nanoTime() - t0) / 1e9;
    double baseRate = base.lines() / baseSecs;
    System.out.printf(
        "jackson tokens: %,d lines, %,d tokens in %.2f s = %,.0f lines/s, %,.1f MB/s%n",
        base.lines(), base.tokens(), baseSecs, baseRate, base.bytes() / 1e6 / baseSecs);

    long t1 = System.nanoTime();
    StreamStats stats = readEvents(file, Long.MAX_VALUE);
    double secs = (System.nanoTime() - t1) / 1e9;
    double rate = stats.events() / secs;
    System.out.printf(
        "EventStream:    %,d events in %.2f s = %,.0f events/s, %,.1f MB/s (rejected %,d, duplicates %,d, late %,d)%n",
        stats.events(), secs, rate, stats.bytes() / 1e6 / secs, stats.rejected(), stats.duplicates(), stats.late());
    System.out.printf("ratio EventStream / jackson tokens: %.2f%n", rate / baseRate);
    System.out.println("(checksum " + sink + ")");
  }

  private static StreamStats readEvents(Path file, long maxEvents) throws IOException {
    try (EventStream s = EventStream.open(List.of(file), ReaderOptions.defaults(), r -> {})) {
      for (long n = 0; n < maxEvents && s.hasNext(); n++) {
        Event e = s.next();
        sink += e.eventId().length() + e.request().messages().size();
      }
      return s.stats();
    }
  }
}
