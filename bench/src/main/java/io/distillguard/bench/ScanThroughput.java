package io.distillguard.bench;

import io.distillguard.event.EventStream;
import io.distillguard.event.ReaderOptions;
import io.distillguard.features.FeatureExtractor;
import io.distillguard.features.RequestFeatures;
import io.distillguard.pipeline.DetectionPipeline;
import io.distillguard.policy.Allowlist;
import io.distillguard.scoring.DetectionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * End-to-end detection throughput next to a bare Jackson parse of the same file, in one run, without JMH: the bare
 * token scan ({@link TokenCounter}), then the reader alone, then feature extraction alone (single thread), then the
 * whole {@link DetectionPipeline} (single thread). Prints events/s for each and the ratio to the bare parse, so a
 * slowdown can be placed in its stage.
 *
 * <pre>
 * ./mvnw -q -B -pl core,sim,bench -am package -DskipTests
 * java -Xmx4g -cp bench/target/benchmarks.jar io.distillguard.bench.ScanThroughput run/sim/events.jsonl
 * </pre>
 *
 * The scan command runs feature extraction on all cores, so it is faster than the last line here on a multi-core
 * machine. One pass is noisy on a shared machine: check {@code uptime} and run it twice.
 */
public final class ScanThroughput {

  private static long sink;

  private ScanThroughput() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ScanThroughput EVENTS_FILE");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    System.out.printf("file: %s (%,.1f MB on disk)%n", file, Files.size(file) / 1e6);

    long t0 = System.nanoTime();
    TokenCounter.Count base = TokenCounter.count(file);
    double parse = (System.nanoTime() - t0) / 1e9;
    long n = base.lines();
    report("bare Jackson parse", n, parse, parse);

    t0 = System.nanoTime();
    long read = 0;
    try (EventStream s = EventStream.open(List.of(file), ReaderOptions.defaults(), r -> { })) {
      while (s.hasNext()) {
        sink += s.next().ts().getEpochSecond();
        read++;
      }
    }
    report("reader (EventStream)", read, (System.nanoTime() - t0) / 1e9, parse);

    FeatureExtractor x = FeatureExtractor.withBundledModel();
    t0 = System.nanoTime();
    try (EventStream s = EventStream.open(List.of(file), ReaderOptions.defaults(), r -> { })) {
      while (s.hasNext()) {
        RequestFeatures f = x.extract(s.next());
        sink += f.shingles().length;
      }
    }
    report("reader + features", read, (System.nanoTime() - t0) / 1e9, parse);

    t0 = System.nanoTime();
    DetectionPipeline p = new DetectionPipeline(Allowlist.empty(), DetectionConfig.defaults(), x);
    try (EventStream s = EventStream.open(List.of(file), ReaderOptions.defaults(), r -> { })) {
      while (s.hasNext()) {
        p.accept(s.next());
      }
    }
    sink += p.result().verdicts().size();
    report("whole pipeline", read, (System.nanoTime() - t0) / 1e9, parse);
    if (sink == 42) {
      System.out.println(); // keeps the JIT from discarding the work
    }
  }

  private static void report(String what, long events, double secs, double parseSecs) {
    System.out.printf("%-22s %,12d events in %7.1f s = %,9.0f events/s  (%.2fx the bare parse time)%n", what,
        events, secs, events / secs, secs / parseSecs);
  }
}
