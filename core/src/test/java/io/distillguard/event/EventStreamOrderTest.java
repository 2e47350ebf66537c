package io.distillguard.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded: a sorted stream, spread over files and shuffled within (or past) the bound, read back. */
class EventStreamOrderTest {

  private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
  private static final Duration BOUND = Duration.ofMinutes(1);

  @TempDir Path dir;

  /** One line to write: its event (null for junk), and when it "arrives" in its file. */
  private record Arrival(String id, Instant ts, long arrivalMillis, int seq, int file, String text) {}

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 25);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void shuffledWithinTheBound_comesOutInExactOrder_withCounts(long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    int files = r.nextInt(1, 6);
    int n = r.nextInt(500, 4000);
    long boundMillis = BOUND.toMillis();
    List<Arrival> arrivals = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    int replays = 0;
    int junk = 0;
    Instant ts = T0;
    for (int i = 0; i < n; i++) {
      // strictly increasing times; gaps sometimes longer than the bound
      ts = ts.plusMillis(r.nextInt(8) == 0 ? r.nextLong(1, 5 * boundMillis) : r.nextLong(1, boundMillis / 4));
      String id = "ev-" + i;
      expected.add(id);
      String line = RandomEvents.minimalLine(id, ts);
      int copies = r.nextInt(20) == 0 ? 2 : 1;
      replays += copies - 1;
      for (int c = 0; c < copies; c++) {
        long delay = r.nextLong(boundMillis + 1);
        arrivals.add(new Arrival(id, ts, ts.toEpochMilli() + delay, arrivals.size(), r.nextInt(files), line));
      }
      if (r.nextInt(50) == 0) {
        junk++;
        arrivals.add(
            new Arrival(null, ts, ts.toEpochMilli(), arrivals.size(), r.nextInt(files), "{\"event_id\":" + i + "}"));
      }
    }
    List<Path> paths = writeFiles(r, files, arrivals);

    EventStreamTest.Result result = EventStreamTest.readAll(paths, options(r));

    assertThat(result.ids()).as("seed %d", seed).isEqualTo(expected);
    assertThat(result.stats())
        .as("seed %d", seed)
        .isEqualTo(
            new StreamStats(
                files, result.stats().lines(), result.stats().bytes(), n, junk, replays, 0));
    assertThat(result.rejects()).as("seed %d", seed).hasSize(junk);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void someFarPastTheBound_areReleasedLate_andTheRestInOrder(long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    int files = r.nextInt(1, 4);
    int n = r.nextInt(1000, 4000);
    long boundMillis = BOUND.toMillis();
    List<Arrival> arrivals = new ArrayList<>();
    Set<String> lateIds = new HashSet<>();
    List<String> inOrder = new ArrayList<>();
    Instant ts = T0;
    for (int i = 0; i < n; i++) {
      ts = ts.plusMillis(r.nextLong(1, boundMillis / 20));
      String id = "ev-" + i;
      long delay = r.nextLong(boundMillis + 1);
      // far past the bound; never near the end, where nothing newer would be released before it
      if (i < n * 0.7 && r.nextInt(40) == 0) {
        delay = boundMillis * 10 + r.nextLong(boundMillis * 10);
        lateIds.add(id);
      } else {
        inOrder.add(id);
      }
      arrivals.add(
          new Arrival(
              id, ts, ts.toEpochMilli() + delay, arrivals.size(), r.nextInt(files), RandomEvents.minimalLine(id, ts)));
    }
    List<Path> paths = writeFiles(r, files, arrivals);

    EventStreamTest.Result result = EventStreamTest.readAll(paths, options(r));

    assertThat(result.ids()).as("seed %d", seed).hasSize(n);
    assertThat(result.ids().stream().filter(id -> !lateIds.contains(id)).toList())
        .as("seed %d", seed)
        .isEqualTo(inOrder);
    assertThat(result.ids()).as("seed %d", seed).containsAll(lateIds);
    assertThat(result.stats().late()).as("seed %d", seed).isEqualTo(lateIds.size());
    assertThat(result.stats().duplicates()).as("seed %d", seed).isZero();
    // every late event keeps its own time
    Map<String, Instant> written = new HashMap<>();
    arrivals.forEach(a -> written.put(a.id(), a.ts()));
    for (Event e : result.events()) {
      assertThat(e.ts()).as("seed %d, %s", seed, e.eventId()).isEqualTo(written.get(e.eventId()));
    }
  }

  private static ReaderOptions options(SplittableRandom r) {
    // a large buffer, so only the time bound matters
    return new ReaderOptions(1 << 20, BOUND, 1_000_000, Duration.ofHours(r.nextInt(1, 3)));
  }

  private List<Path> writeFiles(SplittableRandom r, int files, List<Arrival> arrivals) throws IOException {
    List<Path> paths = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      int file = f;
      List<Arrival> mine =
          arrivals.stream()
              .filter(a -> a.file() == file)
              .sorted(Comparator.comparingLong(Arrival::arrivalMillis).thenComparingInt(Arrival::seq))
              .toList();
      StringBuilder text = new StringBuilder();
      for (Arrival a : mine) {
        text.append(a.text()).append(r.nextInt(10) == 0 ? "\r\n" : "\n");
        if (r.nextInt(100) == 0) {
          text.append("\n");
        }
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      boolean gzip = r.nextBoolean();
      Path p = dir.resolve(String.format("part-%02d.jsonl%s", f, gzip ? ".gz" : ""));
      try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
        out.write(bytes);
      }
      paths.add(p);
    }
    return paths;
  }
}
