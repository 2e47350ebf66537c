package io.distillguard.bench;

import io.distillguard.event.Event;
import io.distillguard.event.EventStream;
import io.distillguard.event.ReaderOptions;
import io.distillguard.event.StreamStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The event reader against its baseline, in the same run and on the same file: {@code jacksonTokens} is a bare
 * Jackson streaming pass over each line (split and tokenized, nothing built; see {@link TokenCounter}), and
 * {@code eventStream} is {@link EventStream} turning the file into ordered, deduplicated events. One operation reads
 * the whole file, so the interesting scores are the secondary ones: {@code :events} is events (lines) per second and
 * {@code :megabytes} is MB/s of uncompressed input; eventStream over jacksonTokens is the cost of building events.
 *
 * <p>Input: {@link BenchData#eventsFile()}, 1,000,000 seeded events (about 3.8 GB, generated once into
 * {@code ${java.io.tmpdir}/distillguard-bench/}), or any file given with {@code -Ddg.bench.events=FILE} (plain or
 * gzip; the forked JVM inherits the property). Settings for a noisy 2-core machine: one fork with a fixed heap,
 * 30-second iterations so each covers a few whole passes, one warmup iteration (the parser's hot methods compile in
 * the first pass). Check {@code uptime} first: another busy process halves the numbers.
 *
 * <pre>
 * ./mvnw -q -B -pl core,bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar ReaderBenchmark -wi 1 -w 30s -i 3 -r 30s -f 1
 * java -Ddg.bench.events=/data/events.jsonl.gz -jar bench/target/benchmarks.jar ReaderBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 30, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 30, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ReaderBenchmark {

  private Path file;

  /** Per-iteration counters, reported by JMH as rates per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long events;
    private long bytes;

    /** Uncompressed megabytes (1e6 bytes) read; as a rate, MB/s. */
    public double megabytes() {
      return bytes / 1e6;
    }

    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
      bytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    file = BenchData.eventsFile();
  }

  @Benchmark
  public long jacksonTokens(Counters c) throws IOException {
    TokenCounter.Count n = TokenCounter.count(file);
    c.events += n.lines();
    c.bytes += n.bytes();
    return n.tokens();
  }

  @Benchmark
  public void eventStream(Counters c, Blackhole bh) throws IOException {
    try (EventStream s = EventStream.open(List.of(file), ReaderOptions.defaults(), bh::consume)) {
      while (s.hasNext()) {
        Event e = s.next();
        bh.consume(e);
      }
      StreamStats stats = s.stats();
      c.events += stats.events();
      c.bytes += stats.bytes();
    }
  }
}
