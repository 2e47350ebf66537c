package io.distillguard.sim;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip with compression spread over worker threads (as pigz does): the input is cut into fixed 4 MiB chunks, each
 * compressed at the fastest level into a complete gzip member, and the members are written in input order. The
 * result is a valid multi-member gzip file that {@link java.util.zip.GZIPInputStream} and {@code zcat} read as one
 * stream, and, since chunk boundaries and settings are fixed, the same input always gives the same bytes.
 */
final class ParallelGzipOutputStream extends OutputStream {

  private static final int CHUNK = 4 << 20;
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final OutputStream out;
  private final ExecutorService pool;
  private final int maxInFlight;
  private final ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
  private byte[] buf = new byte[CHUNK];
  private int pos;
  private boolean closed;

  ParallelGzipOutputStream(OutputStream out, int threads) {
    this.out = out;
    this.maxInFlight = threads * 2;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "distillguard-sim-gzip");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void write(int b) throws IOException {
    if (pos == CHUNK) {
      submit();
    }
    buf[pos++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (pos == CHUNK) {
        submit();
      }
      int n = Math.min(len, CHUNK - pos);
      System.arraycopy(b, off, buf, pos, n);
      pos += n;
      off += n;
      len -= n;
    }
  }

  private void submit() throws IOException {
    if (pos == 0) {
      return;
    }
    byte[] data = buf;
    int len = pos;
    inFlight.addLast(pool.submit(() -> member(data, len)));
    buf = new byte[CHUNK];
    pos = 0;
    while (inFlight.size() > maxInFlight) {
      writeOldest();
    }
  }

  private void writeOldest() throws IOException {
    try {
      out.write(inFlight.removeFirst().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while compressing");
    } catch (ExecutionException e) {
      throw new IOException("compression failed", e.getCause());
    }
  }

  /** One complete gzip member holding {@code data[0, len)}. */
  static byte[] member(byte[] data, int len) {
    Deflater d = new Deflater(Deflater.BEST_SPEED, true);
    try {
      d.setInput(data, 0, len);
      d.finish();
      byte[] out = new byte[len / 3 + 1024];
      System.arraycopy(HEADER, 0, out, 0, HEADER.length);
      int n = HEADER.length;
      while (!d.finished()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        n += d.deflate(out, n, out.length - n);
      }
      CRC32 crc = new CRC32();
      crc.update(data, 0, len);
      if (n + 8 > out.length) {
        out = Arrays.copyOf(out, n + 8);
      }
      int c = (int) crc.getValue();
      for (int i = 0; i < 4; i++) {
        out[n++] = (byte) (c >>> (8 * i));
      }
      for (int i = 0; i < 4; i++) {
        out[n++] = (byte) (len >>> (8 * i));
      }
      return Arrays.copyOf(out, n);
    } finally {
      d.end();
    }
  }

  @Override
  public void flush() {
    // members are written as they complete; a partial chunk is only compressed on close
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      submit();
      while (!inFlight.isEmpty()) {
        writeOldest();
      }
    } finally {
      pool.shutdownNow();
      out.close();
    }
  }
}
