package io.distillguard.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a slow source (gzip: inflating costs about as much as parsing) ahead of its consumer, on one background
 * thread shared by all streams, so that decompressing the next chunks overlaps parsing the current one. At most
 * {@value #DEPTH} chunks of {@value #CHUNK} bytes are ahead per stream. End of input and errors reach the consumer in
 * order, after the data read before them; an error is rethrown as the same {@link IOException}.
 *
 * <p>The consumer side is single-threaded, like any {@link InputStream}. {@link #close()} waits for a chunk in
 * flight, then closes the source.
 */
final class ReadAheadInputStream extends InputStream {

  static final int CHUNK = 128 * 1024;
  static final int DEPTH = 2;

  private static final ThreadPoolExecutor WORKER = worker();

  private final InputStream source;
  // guarded by this
  private final ArrayDeque<Chunk> ready = new ArrayDeque<>(DEPTH + 1);
  private final ArrayDeque<byte[]> spare = new ArrayDeque<>(DEPTH);
  private boolean scheduled;
  private boolean ended;
  private boolean closed;
  // consumer only
  private boolean shut;
  private Chunk current;
  private int pos;

  /** A piece of the source: data, or its end (length -1), or the error that ended it. */
  private record Chunk(byte[] data, int length, IOException error) {}

  ReadAheadInputStream(InputStream source) {
    this.source = source;
    for (int i = 0; i < DEPTH; i++) {
      spare.add(new byte[CHUNK]);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (shut) {
      throw new IOException("stream closed");
    }
    if (len == 0) {
      return 0;
    }
    if (current == null || (current.length >= 0 && pos == current.length)) {
      nextChunk();
    }
    if (current.error != null) {
      throw current.error;
    }
    if (current.length < 0) {
      return -1;
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current.data, pos, b, off, n);
    pos += n;
    return n;
  }

  private synchronized void nextChunk() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (current != null && current.data != null) {
      spare.add(current.data);
    }
    current = null;
    schedule();
    while (ready.isEmpty()) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading ahead");
      }
    }
    current = ready.poll();
    pos = 0;
    schedule();
  }

  /** Caller holds the lock. */
  private void schedule() {
    if (!scheduled && !ended && !closed && !spare.isEmpty()) {
      scheduled = true;
      WORKER.execute(this::fill);
    }
  }

  /** On the worker: fills spare buffers until none is left, the source ends, or the stream is closed. */
  private void fill() {
    while (true) {
      byte[] buf;
      synchronized (this) {
        if (closed || ended || spare.isEmpty()) {
          scheduled = false;
          notifyAll();
          return;
        }
        buf = spare.poll();
      }
      // read a full chunk; bytes read before an error still go out, ahead of the error
      int n = 0;
      IOException error = null;
      boolean end = false;
      try {
        while (n < buf.length) {
          int r = source.read(buf, n, buf.length - n);
          if (r < 0) {
            end = true;
            break;
          }
          n += r;
        }
      } catch (IOException e) {
        error = e;
      } catch (RuntimeException | Error e) {
        error = new IOException("read failed: " + e.getClass().getSimpleName(), e);
      }
      synchronized (this) {
        if (n > 0) {
          ready.add(new Chunk(buf, n, null));
        } else {
          spare.add(buf);
        }
        if (error != null || (end && n == 0)) {
          ready.add(new Chunk(null, -1, error));
          ended = true;
        }
        notifyAll();
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (shut) {
      return;
    }
    shut = true;
    synchronized (this) {
      closed = true;
      boolean interrupted = false;
      while (scheduled) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      ready.clear();
    }
    source.close();
  }

  private static ThreadPoolExecutor worker() {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            1,
            1,
            5,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "distillguard-read-ahead-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
