package io.distillguard.event;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Events from event-v1 files, parsed, in event-time order and without repeats. Inputs are files ({@code .jsonl},
 * {@code .ndjson}, {@code .json}, each optionally {@code .gz}; gzip is recognised by content) or folders of them (not
 * recursive, in name order, hidden files skipped). A bad line, an over-long line, or a truncated gzip file goes to
 * the {@link RejectSink} with its file and line and the run goes on; only an input path that cannot be read at
 * {@link #open} fails.
 *
 * <p><b>Ordering contract.</b> Each input file has its own reorder buffer. An event is released once it is at least
 * {@code maxOutOfOrder} behind the newest event read from the same file, or when that file holds more than
 * {@code maxBuffered} events (the oldest goes first), or at the file's end; files are merged k-way by time, ties in
 * input order and then line order, so a folder of per-server logs comes out in global time order. Hence: an event
 * that is at most {@code maxOutOfOrder} older than every event read before it in its file comes out in order. An event
 * older than one already released is <em>late</em>: it is not dropped but released at once with its own {@code ts}
 * (so the output's times can step back), and counted in {@link StreamStats#late()}. Memory: at most
 * {@code maxBuffered + 1} events per open input, and at most {@value #MAX_OPEN_FILES} inputs open at once. With more
 * files than that, the files (in input order) are split into {@value #MAX_OPEN_FILES} contiguous runs, and each run
 * is read as one input, file after file through one buffer: exact for time-partitioned file names (one run is then
 * in time order), otherwise events out of order by more than the bound become late.
 *
 * <p><b>Dedupe contract.</b> Repeats of an {@code event_id} are dropped after ordering, the first released copy kept,
 * and counted in {@link StreamStats#duplicates()}. Memory is bounded by remembering only the ids of events within
 * {@code dedupeWindow} of the newest released time. Because ordering comes first, an exact replay (same id, same
 * {@code ts}) in another file, or within the reorder bound in the same file, comes out next to its original and is
 * caught. Not caught: a repeat whose {@code ts} differs from the original's by more than the window, and a late
 * repeat released more than the window behind the newest event. Ids are kept as 64-bit hashes; a collision (odds
 * about n in 2^64 for n remembered ids) would drop a distinct event.
 *
 * <p>Single-threaded for the caller. With at most {@value #READ_AHEAD_MAX_INPUTS} inputs, gzip files are inflated
 * ahead on one shared background thread (inflating costs about as much as parsing), about 384 KiB per open gzip
 * file. {@link #close()} closes any file still open.
 */
public final class EventStream implements Iterator<Event>, AutoCloseable {

  /** Inputs read concurrently by the merge; more files than this are grouped into runs. */
  static final int MAX_OPEN_FILES = 256;

  /** Up to this many inputs, gzip files are inflated ahead on a background thread; beyond, inline (less memory). */
  static final int READ_AHEAD_MAX_INPUTS = 32;

  private static final List<String> SUFFIXES = List.of(".jsonl", ".ndjson", ".json");

  private final List<FileSource> sources;
  private final PriorityQueue<FileSource> heads = new PriorityQueue<>(EventStream::compareHeads);
  private final FileSource.Counts counts = new FileSource.Counts();
  private final Deduplicator dedupe;
  private boolean started;
  private boolean closed;
  private Event next;
  private Instant newestReleased;
  private long events;
  private long duplicates;
  private long late;

  private EventStream(List<Path> files, ReaderOptions options, RejectSink rejects) {
    this.dedupe = new Deduplicator(options.dedupeWindow());
    EventParser parser = new EventParser();
    List<List<Path>> runs = runs(files, MAX_OPEN_FILES);
    this.sources = new ArrayList<>(runs.size());
    for (int i = 0; i < runs.size(); i++) {
      boolean readAhead = runs.size() <= READ_AHEAD_MAX_INPUTS;
      sources.add(new FileSource(i, runs.get(i), parser, options, readAhead, rejects, counts));
    }
  }

  /**
   * Opens the inputs: each a file, or a folder whose event files are read in name order. Throws an
   * {@link IOException} with a one-line message naming the path when an input does not exist or cannot be read;
   * files are opened later, as the stream needs them.
   */
  public static EventStream open(List<Path> inputs, ReaderOptions options, RejectSink rejects) throws IOException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(rejects, "rejects");
    return new EventStream(expand(inputs), options, rejects);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !closed) {
      next = compute();
    }
    return next != null;
  }

  @Override
  public Event next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Event e = next;
    next = null;
    return e;
  }

  /** Live counts so far. */
  public StreamStats stats() {
    return new StreamStats(
        counts.files, counts.lines, counts.bytes, events, counts.rejected, duplicates, late);
  }

  @Override
  public void close() {
    closed = true;
    next = null;
    for (FileSource s : sources) {
      s.close();
    }
    heads.clear();
  }

  private Event compute() {
    if (!started) {
      started = true;
      for (FileSource s : sources) {
        if (s.advance()) {
          heads.add(s);
        }
      }
    }
    while (!heads.isEmpty()) {
      FileSource s = heads.poll();
      Event e = s.pop();
      if (s.advance()) {
        heads.add(s);
      } else {
        s.close();
      }
      if (!dedupe.firstSeen(e.eventId(), e.ts())) {
        duplicates++;
        continue;
      }
      if (newestReleased != null && e.ts().isBefore(newestReleased)) {
        late++;
      } else {
        newestReleased = e.ts();
      }
      events++;
      return e;
    }
    return null;
  }

  private static int compareHeads(FileSource a, FileSource b) {
    int c = a.head().ts().compareTo(b.head().ts());
    if (c != 0) {
      return c;
    }
    return Integer.compare(a.index, b.index);
  }

  /** Splits files into at most {@code max} contiguous runs of near-equal length, in order. */
  static List<List<Path>> runs(List<Path> files, int max) {
    int n = files.size();
    List<List<Path>> runs = new ArrayList<>();
    if (n <= max) {
      for (Path f : files) {
        runs.add(List.of(f));
      }
      return runs;
    }
    int from = 0;
    for (int i = 0; i < max; i++) {
      int to = (int) ((long) n * (i + 1) / max);
      runs.add(List.copyOf(files.subList(from, to)));
      from = to;
    }
    return runs;
  }

  /** Inputs to files: a folder becomes its event files in name order. */
  static List<Path> expand(List<Path> inputs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      Objects.requireNonNull(in, "input path");
      if (Files.isDirectory(in)) {
        List<Path> inFolder = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(in)) {
          for (Path p : dir) {
            if (isEventFile(p) && Files.isRegularFile(p)) {
              inFolder.add(p);
            }
          }
        } catch (IOException e) {
          throw new IOException("cannot list input folder " + in + " (" + e.getClass().getSimpleName() + ")", e);
        }
        inFolder.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        for (Path p : inFolder) {
          if (!Files.isReadable(p)) {
            throw new IOException("input file is not readable: " + p);
          }
        }
        files.addAll(inFolder);
      } else if (Files.isRegularFile(in)) {
        if (!Files.isReadable(in)) {
          throw new IOException("input file is not readable: " + in);
        }
        files.add(in);
      } else if (Files.exists(in)) {
        throw new IOException("input is neither a file nor a folder: " + in);
      } else {
        throw new IOException("input not found: " + in);
      }
    }
    return files;
  }

  private static boolean isEventFile(Path p) {
    String name = p.getFileName().toString();
    if (name.startsWith(".")) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz")) {
      lower = lower.substring(0, lower.length() - 3);
    }
    for (String s : SUFFIXES) {
      if (lower.endsWith(s)) {
        return true;
      }
    }
    return false;
  }
}
