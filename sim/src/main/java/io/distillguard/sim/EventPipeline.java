package io.distillguard.sim;

import io.distillguard.event.Event;
import io.distillguard.event.EventWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Serializes events on a background thread: the generator hands over batches in order and one thread writes them
 * through the {@link EventWriter}, so generation and JSON encoding overlap. Order, and so the bytes, are exactly as
 * if the events were written directly. Single producer.
 */
final class EventPipeline implements AutoCloseable {

  private static final int BATCH = 2048;
  private static final Event[] END = new Event[0];

  private final BlockingQueue<Event[]> queue = new ArrayBlockingQueue<>(8);
  private final Thread worker;
  private volatile Throwable failure;
  private Event[] batch = new Event[BATCH];
  private int size;

  EventPipeline(EventWriter writer) {
    worker =
        new Thread(
            () -> {
              try {
                while (true) {
                  Event[] b = queue.take();
                  if (b == END) {
                    break;
                  }
                  for (Event e : b) {
                    if (e == null) {
                      break;
                    }
                    writer.write(e);
                  }
                }
                writer.flush();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException | Error e) {
                failure = e;
                queue.clear();
              }
            },
            "distillguard-sim-serializer");
    worker.setDaemon(true);
    worker.start();
  }

  void accept(Event e) throws IOException {
    batch[size++] = e;
    if (size == BATCH) {
      ship();
    }
  }

  private void ship() throws IOException {
    check();
    if (size == 0) {
      return;
    }
    try {
      queue.put(batch);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while queueing events");
    }
    batch = new Event[BATCH];
    size = 0;
  }

  private void check() throws IOException {
    if (failure != null) {
      throw new IOException("event serializer failed", failure);
    }
  }

  /** Writes what is queued and waits for the serializer to finish; does not close the writer. */
  @Override
  public void close() throws IOException {
    ship();
    try {
      queue.put(END);
      worker.join();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while finishing events");
    }
    check();
  }
}
