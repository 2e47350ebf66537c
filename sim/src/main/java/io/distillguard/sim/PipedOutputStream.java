package io.distillguard.sim;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands filled buffers to a background thread that writes them, in order, to the underlying stream (for example a
 * gzip stream, whose compression then runs beside generation). The bytes reaching the underlying stream are exactly
 * those written here, so output stays deterministic. Counts the bytes written. Not thread-safe for writers.
 */
final class PipedOutputStream extends OutputStream {

  private static final int BUFFER = 1 << 20;
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> full = new ArrayBlockingQueue<>(4);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(6);
  private final Thread worker;
  private volatile IOException failure;
  private byte[] buf = new byte[BUFFER + 4];
  private int pos;
  private long count;
  private boolean closed;

  PipedOutputStream(OutputStream sink, String name) {
    worker =
        new Thread(
            () -> {
              try (OutputStream s = sink) {
                while (true) {
                  byte[] b = full.take();
                  if (b == END) {
                    break;
                  }
                  int len = lengthOf(b);
                  s.write(b, 4, len);
                  free.offer(b);
                }
              } catch (IOException e) {
                failure = e;
                drain();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
    worker.setDaemon(true);
    worker.start();
    pos = 4;
  }

  private void drain() {
    while (true) {
      byte[] b = full.poll();
      if (b == null || b == END) {
        return;
      }
    }
  }

  private static int lengthOf(byte[] b) {
    return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
  }

  long count() {
    return count;
  }

  @Override
  public void write(int b) throws IOException {
    if (pos == buf.length) {
      ship();
    }
    buf[pos++] = (byte) b;
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    count += len;
    while (len > 0) {
      if (pos == buf.length) {
        ship();
      }
      int n = Math.min(len, buf.length - pos);
      System.arraycopy(b, off, buf, pos, n);
      pos += n;
      off += n;
      len -= n;
    }
  }

  private void ship() throws IOException {
    check();
    int len = pos - 4;
    if (len == 0) {
      return;
    }
    buf[0] = (byte) (len >>> 24);
    buf[1] = (byte) (len >>> 16);
    buf[2] = (byte) (len >>> 8);
    buf[3] = (byte) len;
    try {
      full.put(buf);
      byte[] next = free.poll();
      buf = next != null ? next : new byte[BUFFER + 4];
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing");
    }
    pos = 4;
  }

  private void check() throws IOException {
    if (failure != null) {
      throw new IOException("background writer failed", failure);
    }
  }

  @Override
  public void flush() {
    // buffers are shipped when full and on close; flushing earlier would only add small writes
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    ship();
    try {
      full.put(END);
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while closing");
    }
    check();
  }
}
