package io.distillguard.event;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One input of the k-way merge: a file, or a run of files read one after another as if concatenated, parsed into
 * events and passed through its own reorder buffer. The oldest buffered event may leave when it is at least
 * {@code maxOutOfOrder} behind the newest event read, when it is older than an event already released (late), when
 * more than {@code maxBuffered} events are held, or when the input is exhausted. Files are opened one at a time, when
 * first needed, and closed when read to the end. Bad lines and unreadable files go to the reject sink.
 */
final class FileSource implements AutoCloseable {

  /** Counters shared by all sources of one stream. */
  static final class Counts {
    long files;
    long lines;
    long bytes;
    long rejected;
  }

  final int index;
  private final List<Path> files;
  private final EventParser parser;
  private final RejectSink rejects;
  private final Counts counts;
  private final int maxLineBytes;
  private final Duration maxOutOfOrder;
  private final int maxBuffered;
  private final boolean readAhead;
  private final EventHeap heap = new EventHeap();

  private int nextFile;
  private LineReader reader;
  private String fileName;
  private long readerBytes;
  private boolean exhausted;
  private long seq;
  private Instant newest;
  private Instant releaseBound;
  private Instant newestReleased;

  FileSource(
      int index,
      List<Path> files,
      EventParser parser,
      ReaderOptions options,
      boolean readAhead,
      RejectSink rejects,
      Counts counts) {
    this.index = index;
    this.files = List.copyOf(files);
    this.parser = parser;
    this.rejects = rejects;
    this.counts = counts;
    this.maxLineBytes = options.maxLineBytes();
    this.maxOutOfOrder = options.maxOutOfOrder();
    this.maxBuffered = options.maxBuffered();
    this.readAhead = readAhead;
  }

  /** Reads until the oldest buffered event may be released; false when the input is exhausted and nothing is left. */
  boolean advance() {
    while (!(heap.size() > 0 && releasable())) {
      if (!readOne()) {
        return heap.size() > 0;
      }
    }
    return true;
  }

  /** The event {@link #advance()} made releasable. */
  Event head() {
    return heap.peek();
  }

  /** The reading order of {@link #head()} within this source. */
  long headSeq() {
    return heap.peekSeq();
  }

  /** Releases {@link #head()}. */
  Event pop() {
    Event e = heap.poll();
    if (newestReleased == null || e.ts().isAfter(newestReleased)) {
      newestReleased = e.ts();
    }
    return e;
  }

  private boolean releasable() {
    if (exhausted || heap.size() > maxBuffered) {
      return true;
    }
    Instant ts = heap.peek().ts();
    return ts.compareTo(releaseBound) <= 0 || (newestReleased != null && ts.isBefore(newestReleased));
  }

  /** Reads and handles one line; false when every file of this source has been read. */
  private boolean readOne() {
    if (exhausted) {
      return false;
    }
    if (reader == null && !openNext()) {
      exhausted = true;
      return false;
    }
    LineReader r = reader;
    try {
      if (!r.next()) {
        closeReader();
        return true;
      }
    } catch (IOException e) {
      counts.bytes += r.bytes() - readerBytes;
      counts.rejected++;
      String why =
          r.gzip()
              ? "gzip stream truncated or corrupt; rest of file skipped"
              : "read failed (" + e.getClass().getSimpleName() + "); rest of file skipped";
      rejects.reject(new Reject(fileName, r.lineNumber() + 1, why));
      closeReader();
      return true;
    }
    counts.lines++;
    long b = r.bytes();
    counts.bytes += b - readerBytes;
    readerBytes = b;
    if (r.oversized()) {
      reject(r.lineNumber(), "line exceeds " + maxLineBytes + " bytes");
      return true;
    }
    byte[] buf = r.buffer();
    int off = r.lineOffset();
    int len = r.lineLength();
    if (isBlank(buf, off, len)) {
      return true;
    }
    Event e;
    try {
      e = parser.parse(buf, off, len);
    } catch (EventFormatException ex) {
      reject(r.lineNumber(), ex.getMessage());
      return true;
    }
    heap.add(e, seq++);
    if (newest == null || e.ts().isAfter(newest)) {
      newest = e.ts();
      releaseBound = minus(newest, maxOutOfOrder);
    }
    return true;
  }

  private void reject(long line, String reason) {
    counts.rejected++;
    rejects.reject(new Reject(fileName, line, reason));
  }

  private boolean openNext() {
    while (nextFile < files.size()) {
      Path p = files.get(nextFile++);
      fileName = p.toString();
      try {
        reader = LineReader.open(p, maxLineBytes, readAhead);
        readerBytes = 0;
        counts.files++;
        return true;
      } catch (IOException e) {
        counts.rejected++;
        rejects.reject(new Reject(fileName, 1, "cannot open file (" + e.getClass().getSimpleName() + ")"));
      }
    }
    return false;
  }

  private void closeReader() {
    try {
      reader.close();
    } catch (IOException ignored) {
      // nothing more to read from it either way
    }
    reader = null;
  }

  @Override
  public void close() {
    if (reader != null) {
      closeReader();
    }
    exhausted = true;
  }

  private static Instant minus(Instant t, Duration d) {
    try {
      return t.minus(d);
    } catch (DateTimeException | ArithmeticException e) {
      return Instant.MIN;
    }
  }

  private static boolean isBlank(byte[] b, int off, int len) {
    for (int i = off, end = off + len; i < end; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
