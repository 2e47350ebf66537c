package io.distillguard.event;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Splits one file into lines on {@code \n}, through one growable buffer: the line terminator and a preceding
 * {@code \r} are stripped, a UTF-8 byte order mark at the start of the file is dropped, and the last line needs no
 * terminator. gzip is recognised by its magic bytes, whatever the file is called.
 *
 * <p>A line longer than {@code maxLineBytes} is never held whole: once that many bytes have arrived without a newline
 * the reader skips to the next newline and reports the line as {@link #oversized()}. The buffer starts small and grows
 * only as far as the longest line that fits the limit. Not thread-safe.
 */
final class LineReader implements Closeable {

  static final int INITIAL_BUFFER = 64 * 1024;
  private static final int GZIP_BUFFER = 64 * 1024;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private final InputStream raw;
  private final boolean gzip;
  private final boolean readAhead;
  private final int maxLineBytes;
  private final int capacityLimit;
  private InputStream in;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean started;
  private long lineNumber;
  private long bytes;
  private int lineOff;
  private int lineLen;
  private boolean oversized;

  private LineReader(InputStream raw, boolean gzip, boolean readAhead, int maxLineBytes) {
    this.raw = raw;
    this.gzip = gzip;
    this.readAhead = readAhead;
    this.maxLineBytes = maxLineBytes;
    // room for the longest allowed line, a '\r' and the '\n' that ends it
    this.capacityLimit = Math.max(INITIAL_BUFFER, maxLineBytes + 2);
    this.buf = new byte[Math.min(INITIAL_BUFFER, capacityLimit)];
  }

  /**
   * Opens a file and sniffs its first two bytes for gzip. Fails only if the file cannot be opened; a broken gzip
   * stream surfaces later, from {@link #next()}. With {@code readAhead}, gzip is inflated ahead on a background thread
   * ({@link ReadAheadInputStream}).
   */
  static LineReader open(Path file, int maxLineBytes, boolean readAhead) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      return over(raw, maxLineBytes, readAhead);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** A reader over a stream (gzip or plain, sniffed); the reader owns and closes it. */
  static LineReader over(InputStream raw, int maxLineBytes, boolean readAhead) throws IOException {
    PushbackInputStream pb = new PushbackInputStream(raw, 2);
    byte[] magic = new byte[2];
    int n = 0;
    while (n < 2) {
      int r = pb.read(magic, n, 2 - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    if (n > 0) {
      pb.unread(magic, 0, n);
    }
    boolean gz = n == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
    return new LineReader(pb, gz, readAhead, maxLineBytes);
  }

  /** Whether the file is gzip-compressed. */
  boolean gzip() {
    return gzip;
  }

  /**
   * Moves to the next line; false at the end of the file. Throws when the file cannot be read on (for gzip: a
   * truncated or corrupt stream); the partial line at that point is lost.
   */
  boolean next() throws IOException {
    if (!started) {
      start();
    }
    int scan = pos;
    while (true) {
      int nl = indexOfNewline(buf, scan, limit);
      if (nl >= 0) {
        setLine(pos, nl - pos);
        bytes += nl + 1 - pos;
        pos = nl + 1;
        return true;
      }
      if (eof) {
        if (pos >= limit) {
          return false;
        }
        setLine(pos, limit - pos);
        bytes += limit - pos;
        pos = limit;
        return true;
      }
      int pending = limit - pos;
      if (pending > maxLineBytes + 1) {
        skipOversized();
        return true;
      }
      int scanned = limit - pos;
      compactAndFill();
      scan = pos + scanned;
    }
  }

  /** 1-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** Bytes consumed so far, after decompression, terminators included. */
  long bytes() {
    return bytes;
  }

  /** The buffer holding the current line; valid until the next call to {@link #next()}. */
  byte[] buffer() {
    return buf;
  }

  int lineOffset() {
    return lineOff;
  }

  int lineLength() {
    return lineLen;
  }

  /** Whether the current line was longer than the limit (and so was skipped; its content is not available). */
  boolean oversized() {
    return oversized;
  }

  /** The size the buffer has grown to; for tests of the memory bound. */
  int bufferCapacity() {
    return buf.length;
  }

  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
    } else {
      raw.close();
    }
  }

  private void start() throws IOException {
    started = true;
    if (gzip) {
      GZIPInputStream inflated = new GZIPInputStream(raw, GZIP_BUFFER);
      in = readAhead ? new ReadAheadInputStream(inflated) : inflated;
    } else {
      in = raw;
    }
    while (!eof && limit < 3) {
      fill();
    }
    if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
      pos = 3;
      bytes = 3;
    }
  }

  private void setLine(int off, int len) {
    lineNumber++;
    if (len > 0 && buf[off + len - 1] == '\r') {
      len--;
    }
    lineOff = off;
    lineLen = len;
    oversized = len > maxLineBytes;
  }

  /** Discards the current line up to and including its newline (or the end of the file). */
  private void skipOversized() throws IOException {
    lineNumber++;
    oversized = true;
    lineOff = 0;
    lineLen = 0;
    while (true) {
      int nl = indexOfNewline(buf, pos, limit);
      if (nl >= 0) {
        bytes += nl + 1 - pos;
        pos = nl + 1;
        return;
      }
      bytes += limit - pos;
      pos = 0;
      limit = 0;
      if (eof) {
        return;
      }
      fill();
    }
  }

  /** Moves the pending bytes to the front, grows the buffer if full, and reads more. */
  private void compactAndFill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      byte[] bigger = new byte[(int) Math.min((long) buf.length * 2, capacityLimit)];
      System.arraycopy(buf, 0, bigger, 0, limit);
      buf = bigger;
    }
    fill();
  }

  private void fill() throws IOException {
    int r = in.read(buf, limit, buf.length - limit);
    if (r < 0) {
      eof = true;
    } else {
      limit += r;
    }
  }

  /** The first {@code \n} in {@code b[from, to)}, or -1; eight bytes at a time (SWAR zero-byte test). */
  static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ NEWLINES;
      // high bit set in each byte of x that is zero; exact up to and including the lowest such byte
      long zero = (x - ONES) & ~x & HIGHS;
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
