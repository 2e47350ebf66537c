package io.distillguard.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.event.EventParser;
import io.distillguard.service.ServiceApiTest;
import io.distillguard.service.alert.AlertRules;
import io.distillguard.service.alert.AlertStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest appends (read, then write, in one transaction) while another connection keeps committing (alerts): on
 * SQLite such a transaction must take the write lock when it begins, or it fails at once with SQLITE_BUSY.
 */
class ConcurrentWritersTest {

  @TempDir Path dir;

  @Test
  void appendsNeverFailWhileAnotherConnectionCommits() throws Exception {
    Database db = Database.sqlite(dir);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread other = new Thread(() -> {
      try (AlertStore alerts = new AlertStore(db)) {
        for (int i = 0; !stop.get(); i++) {
          alerts.raise(new AlertRules.Candidate("k" + i, "campaign_attack", "cmp-" + i, "{}"), Instant.EPOCH,
              Instant.now());
          Thread.sleep(2); // alerts are occasional; a writer that never pauses would only measure lock fairness
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    other.start();
    Random r = new Random(5);
    EventParser parser = new EventParser();
    try (EventLog log = new EventLog(db)) {
      for (int b = 0; b < 60; b++) {
        List<EventLog.Entry> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          String json = ServiceApiTest.event(r, "acct-" + i, Instant.parse("2026-03-01T00:00:00Z").plusSeconds(b), "p");
          batch.add(new EventLog.Entry(parser.parse(json), json));
        }
        assertThat(log.append(batch).inserted()).isEqualTo(20);
      }
      assertThat(log.count()).isEqualTo(1200);
    } finally {
      stop.set(true);
      other.join();
    }
    assertThat(failure.get()).isNull();
  }
}
