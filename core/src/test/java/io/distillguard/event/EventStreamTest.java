package io.distillguard.event;

import static io.distillguard.event.RandomEvents.minimalLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStreamTest {

  private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
  private static final Duration BOUND = Duration.ofMinutes(5);
  private static final ReaderOptions OPTIONS = ReaderOptions.defaults();

  @TempDir Path dir;

  record Result(List<Event> events, List<Reject> rejects, StreamStats stats) {
    List<String> ids() {
      return events.stream().map(Event::eventId).toList();
    }
  }

  static Result readAll(List<Path> inputs, ReaderOptions options) throws IOException {
    List<Reject> rejects = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    try (EventStream s = EventStream.open(inputs, options, rejects::add)) {
      while (s.hasNext()) {
        events.add(s.next());
      }
      return new Result(events, rejects, s.stats());
    }
  }

  private Result readAll(Path... inputs) throws IOException {
    return readAll(List.of(inputs), OPTIONS);
  }

  private static String at(String id, Duration offset) {
    return minimalLine(id, T0.plus(offset));
  }

  private static Duration sec(long s) {
    return Duration.ofSeconds(s);
  }

  private Path write(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, String.join("\n", lines) + (lines.length > 0 ? "\n" : ""), StandardCharsets.UTF_8);
    return p;
  }

  private Path writeGzip(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(content);
    }
    return p;
  }

  private static byte[] lines(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void plainFile_givesItsEventsAndStats() throws IOException {
    Path f = write("a.jsonl", at("e1", sec(0)), at("e2", sec(1)));

    Result r = readAll(f);

    assertThat(r.ids()).containsExactly("e1", "e2");
    assertThat(r.rejects()).isEmpty();
    assertThat(r.stats()).isEqualTo(new StreamStats(1, 2, Files.size(f), 2, 0, 0, 0));
  }

  @Test
  void gzipFile_isReadLikePlain_evenWithoutTheExtension() throws IOException {
    Path gz = writeGzip("a.jsonl.gz", lines(at("e1", sec(0)), at("e2", sec(1))));
    Path disguised = writeGzip("b.jsonl", lines(at("e3", sec(2))));

    Result r = readAll(gz, disguised);

    assertThat(r.ids()).containsExactly("e1", "e2", "e3");
    assertThat(r.stats().files()).isEqualTo(2);
  }

  @Test
  void folder_perServerFiles_mergedInTimeOrder_tiesByInputOrder() throws IOException {
    Path logs = Files.createDirectory(dir.resolve("logs"));
    Files.writeString(logs.resolve("server-b.jsonl"), at("b0", sec(0)) + "\n" + at("b2", sec(2)) + "\n" + at("b5", sec(5)));
    Files.writeString(logs.resolve("server-a.jsonl.gz.txt"), at("ignored", sec(0)));
    Files.writeString(logs.resolve(".hidden.jsonl"), at("hidden", sec(0)));
    Files.createDirectory(logs.resolve("nested.jsonl"));
    Files.writeString(logs.resolve("nested.jsonl").resolve("x.jsonl"), at("nested", sec(0)));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(logs.resolve("server-a.jsonl.gz")))) {
      out.write(lines(at("a0", sec(0)), at("a1", sec(1)), at("a3", sec(3)), at("a4", sec(4))));
    }
    Files.writeString(logs.resolve("server-c.ndjson"), at("c2", sec(2)) + "\n" + at("c6", sec(6)));

    Result r = readAll(logs);

    assertThat(r.ids()).containsExactly("a0", "b0", "a1", "b2", "c2", "a3", "a4", "b5", "c6");
    assertThat(r.stats().files()).isEqualTo(3);
    assertThat(r.stats().late()).isZero();
  }

  @Test
  void inputs_fileAndFolder_rejectsNameTheFileAsGiven() throws IOException {
    Path logs = Files.createDirectory(dir.resolve("logs"));
    Files.writeString(logs.resolve("x.jsonl"), "not json\n");
    Path single = write("single.json", "[]");

    Result r = readAll(single, logs);

    assertThat(r.rejects())
        .containsExactly(
            new Reject(single.toString(), 1, "expected a JSON object, got array"),
            new Reject(logs.resolve("x.jsonl").toString(), 1, "invalid JSON at byte 0"));
  }

  @Test
  void unorderedWithinTheBound_comesOutSorted() throws IOException {
    Path f =
        write(
            "a.jsonl", at("e3", sec(180)), at("e1", sec(0)), at("e5", sec(400)), at("e2", sec(100)),
            at("e4", sec(300)), at("e6", sec(401)));

    Result r = readAll(f);

    assertThat(r.ids()).containsExactly("e1", "e2", "e3", "e4", "e5", "e6");
    assertThat(r.stats().late()).isZero();
  }

  @Test
  void equalTimes_keepLineOrder() throws IOException {
    Path f = write("a.jsonl", at("x", sec(5)), at("p", sec(0)), at("y", sec(5)), at("q", sec(0)), at("z", sec(5)));

    assertThat(readAll(f).ids()).containsExactly("p", "q", "x", "y", "z");
  }

  @Test
  void latePastTheBound_isReleasedWithItsOwnTime_andCounted() throws IOException {
    Path f =
        write(
            "a.jsonl", at("e0", sec(0)), at("e1", sec(100)), at("e2", sec(1000)), at("old", sec(50)),
            at("e3", sec(1001)));

    Result r = readAll(f);

    assertThat(r.ids()).containsExactly("e0", "e1", "old", "e2", "e3");
    assertThat(r.events().get(2).ts()).isEqualTo(T0.plus(sec(50)));
    assertThat(r.stats().late()).isEqualTo(1);
    assertThat(r.stats().events()).isEqualTo(5);
  }

  @Test
  void lateAcrossFiles_isCountedOnce() throws IOException {
    Path a = write("a.jsonl", at("a0", sec(0)), at("a1", sec(1000)), at("a2", sec(2000)));
    Path b =
        write(
            "b.jsonl", at("b0", sec(10)), at("b1", sec(1500)), at("b2", sec(2500)), at("b-old", sec(20)),
            at("b3", sec(3000)));

    Result r = readAll(a, b);

    assertThat(r.ids()).containsExactly("a0", "b0", "a1", "b1", "b-old", "a2", "b2", "b3");
    assertThat(r.stats().late()).isEqualTo(1);
  }

  @Test
  void fullReorderBuffer_releasesTheOldestEarly() throws IOException {
    Path f = write("a.jsonl", at("e3", sec(3)), at("e2", sec(2)), at("e1", sec(1)), at("e0", sec(0)));

    Result r = readAll(List.of(f), new ReaderOptions(1 << 20, BOUND, 2, Duration.ofHours(1)));

    // 3 and 2 held; 1 makes three, so 1 leaves; 0 then is late
    assertThat(r.ids()).containsExactly("e1", "e0", "e2", "e3");
    assertThat(r.stats().late()).isEqualTo(1);
  }

  @Test
  void duplicates_inOneFileAndAcrossFiles_areDroppedAndCounted() throws IOException {
    Path a = write("a.jsonl", at("e1", sec(0)), at("e2", sec(1)), at("e1", sec(0)), at("e3", sec(2)));
    Path b = write("b.jsonl", at("e2", sec(1)), at("e4", sec(3)), at("e3", sec(2)));

    Result r = readAll(a, b);

    assertThat(r.ids()).containsExactly("e1", "e2", "e3", "e4");
    assertThat(r.stats().duplicates()).isEqualTo(3);
    assertThat(r.stats().events()).isEqualTo(4);
  }

  @Test
  void duplicate_fartherApartThanTheWindow_isNotCaught() throws IOException {
    Path f = write("a.jsonl", at("e1", sec(0)), at("e2", Duration.ofHours(2)), at("e1", Duration.ofHours(3)));

    Result r = readAll(f);

    assertThat(r.ids()).containsExactly("e1", "e2", "e1");
    assertThat(r.stats().duplicates()).isZero();
  }

  @Test
  void oversizedLine_isRejected_andTheNextLineRead() throws IOException {
    String big = minimalLine("big", T0).replace("\"m\"", "\"" + "m".repeat(200_000) + "\"");
    String small = minimalLine("smallbutover", T0).replace("\"m\"", "\"" + "m".repeat(1_000) + "\"");
    Path f = write("a.jsonl", at("e1", sec(0)), big, small, at("e2", sec(1)));

    Result r = readAll(List.of(f), new ReaderOptions(500, BOUND, 1000, Duration.ofHours(1)));

    assertThat(r.ids()).containsExactly("e1", "e2");
    assertThat(r.rejects())
        .containsExactly(
            new Reject(f.toString(), 2, "line exceeds 500 bytes"), new Reject(f.toString(), 3, "line exceeds 500 bytes"));
    assertThat(r.stats().lines()).isEqualTo(4);
    assertThat(r.stats().bytes()).isEqualTo(Files.size(f));
  }

  @Test
  void emptyFileAndEmptyFolder_giveNoEvents() throws IOException {
    Path empty = write("empty.jsonl");
    Path folder = Files.createDirectory(dir.resolve("none"));
    Path emptyGz = writeGzip("empty.jsonl.gz", new byte[0]);

    Result r = readAll(empty, folder, emptyGz);

    assertThat(r.events()).isEmpty();
    assertThat(r.rejects()).isEmpty();
    assertThat(r.stats()).isEqualTo(new StreamStats(2, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void noInputs_giveNoEvents() throws IOException {
    Result r = readAll(List.of(), OPTIONS);

    assertThat(r.events()).isEmpty();
  }

  @Test
  void blankLines_areSkippedSilently_butCountedForLineNumbers() throws IOException {
    Path f = write("a.jsonl", "", at("e1", sec(0)), "   ", "\t", "bad", "", at("e2", sec(1)), "");

    Result r = readAll(f);

    assertThat(r.ids()).containsExactly("e1", "e2");
    assertThat(r.rejects()).containsExactly(new Reject(f.toString(), 5, "invalid JSON at byte 0"));
    assertThat(r.stats().lines()).isEqualTo(8);
  }

  @Test
  void crlfLineEndings_andABom_areHandled() throws IOException {
    Path f = dir.resolve("win.jsonl");
    Files.write(
        f,
        ("\uFEFF" + at("e1", sec(0)) + "\r\n" + at("e2", sec(1)) + "\r\n\r\n" + at("e3", sec(2)))
            .getBytes(StandardCharsets.UTF_8));

    Result r = readAll(f);

    assertThat(r.ids()).containsExactly("e1", "e2", "e3");
    assertThat(r.rejects()).isEmpty();
  }

  @Test
  void truncatedGzip_givesOneReject_andOtherFilesAreStillRead() throws IOException {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(whole)) {
      for (int i = 0; i < 5_000; i++) {
        gz.write(lines(at("t" + i, sec(i))));
      }
    }
    Path truncated = dir.resolve("a-truncated.jsonl.gz");
    Files.write(truncated, Arrays.copyOf(whole.toByteArray(), whole.size() * 2 / 3));
    Path corrupt = dir.resolve("b-corrupt.jsonl.gz");
    byte[] bad = whole.toByteArray().clone();
    bad[bad.length - 5] ^= 0x5a; // the length in the trailer
    Files.write(corrupt, bad);
    Path headerOnly = dir.resolve("c-header.jsonl.gz");
    Files.write(headerOnly, new byte[] {0x1f, (byte) 0x8b, 8});
    Path good = write("d-good.jsonl", at("g1", sec(1)));

    Result r = readAll(truncated, corrupt, headerOnly, good);

    assertThat(r.rejects()).hasSize(3);
    assertThat(r.rejects()).extracting(Reject::file)
        .containsExactlyInAnyOrder(truncated.toString(), corrupt.toString(), headerOnly.toString());
    assertThat(r.rejects()).allSatisfy(j -> assertThat(j.reason()).contains("gzip").contains("truncated"));
    assertThat(r.ids()).contains("g1", "t0");
    assertThat(r.stats().rejected()).isEqualTo(3);
  }

  @Test
  void missingPath_throwsIOExceptionNamingIt() {
    Path missing = dir.resolve("nope.jsonl");

    assertThatThrownBy(() -> EventStream.open(List.of(missing), OPTIONS, j -> {}))
        .isInstanceOf(IOException.class)
        .hasMessage("input not found: " + missing);
  }

  @Test
  void badLines_areRejectedWithFileLineAndReason_andTheRunGoesOn() throws IOException {
    Path f =
        write(
            "a.jsonl", at("e1", sec(0)), "{\"event_id\":\"x\"}", "[]", at("e2", sec(1)).replace("\"m\"", "5"),
            at("e3", sec(2)));

    Result r = readAll(f);

    assertThat(r.ids()).containsExactly("e1", "e3");
    assertThat(r.rejects())
        .containsExactly(
            new Reject(f.toString(), 2, "ts: missing"),
            new Reject(f.toString(), 3, "expected a JSON object, got array"),
            new Reject(f.toString(), 4, "request.model: expected string, got integer"));
    assertThat(r.stats()).isEqualTo(new StreamStats(1, 5, Files.size(f), 2, 3, 0, 0));
  }

  @Test
  void moreFilesThanCanBeOpen_timePartitioned_stillComeOutInOrder() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("hourly"));
    int files = EventStream.MAX_OPEN_FILES + 44;
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      String a = "h" + i + "a";
      String b = "h" + i + "b";
      Files.writeString(
          folder.resolve(String.format("part-%05d.jsonl", i)),
          at(b, Duration.ofHours(i).plusSeconds(30)) + "\n" + at(a, Duration.ofHours(i)) + "\n");
      expected.add(a);
      expected.add(b);
    }

    Result r = readAll(folder);

    assertThat(r.ids()).isEqualTo(expected);
    assertThat(r.stats().files()).isEqualTo(files);
    assertThat(r.stats().late()).isZero();
  }

  @Test
  void runs_splitManyFilesIntoContiguousRuns() {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      files.add(Path.of("f" + i));
    }

    List<List<Path>> runs = EventStream.runs(files, 4);

    assertThat(runs).hasSize(4);
    assertThat(runs.stream().flatMap(List::stream).toList()).isEqualTo(files);
    assertThat(runs).allSatisfy(run -> assertThat(run).hasSizeBetween(2, 3));
    assertThat(EventStream.runs(files, 20)).hasSize(10);
  }

  @Test
  void stats_areLive() throws IOException {
    Path f = write("a.jsonl", at("e1", sec(0)), at("e2", sec(1000)), at("e3", sec(2000)));

    try (EventStream s = EventStream.open(List.of(f), OPTIONS, j -> {})) {
      assertThat(s.stats().events()).isZero();
      s.next();
      assertThat(s.stats().events()).isEqualTo(1);
      assertThat(s.stats().files()).isEqualTo(1);
    }
  }

  @Test
  void next_pastTheEnd_throws_andClosedStreamIsEmpty() throws IOException {
    Path f = write("a.jsonl", at("e1", sec(0)), at("e2", sec(1)));

    EventStream s = EventStream.open(List.of(f), OPTIONS, j -> {});
    s.next();
    s.close();

    assertThat(s.hasNext()).isFalse();
    assertThatThrownBy(s::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void fileDeletedAfterOpen_isRejected_notThrown() throws IOException {
    Path a = write("a.jsonl", at("e1", sec(0)));
    Path b = write("b.jsonl", at("e2", sec(1)));
    List<Reject> rejects = new ArrayList<>();

    try (EventStream s = EventStream.open(List.of(a, b), OPTIONS, rejects::add)) {
      Files.delete(b);
      List<String> ids = new ArrayList<>();
      s.forEachRemaining(e -> ids.add(e.eventId()));

      assertThat(ids).containsExactly("e1");
      assertThat(rejects).singleElement().satisfies(j -> assertThat(j.reason()).startsWith("cannot open file"));
    }
  }

  @Test
  void eventsWrittenByTheWriter_roundTripThroughAFile() throws IOException {
    SplittableRandom rnd = new SplittableRandom(99);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      events.add(RandomEvents.event(rnd, "ev-" + i, T0.plusMillis(i * 37L)));
    }
    Path f = dir.resolve("w.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(RandomEvents.write(events));
    }

    Result r = readAll(f);

    assertThat(r.events()).isEqualTo(events);
    assertThat(r.rejects()).isEmpty();
  }
}
