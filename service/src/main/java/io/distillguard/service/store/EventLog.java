package io.distillguard.service.store;

import io.distillguard.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable event log: {@link #append} returns only after the batch is committed, so an acknowledged event
 * survives a crash; an {@code event_id} already in the log is skipped (ingest is idempotent). Events are numbered
 * ({@code seq}) in the order they were acknowledged; detection reads them back in that order ({@link #read}), which
 * makes a replay after a restart reproduce the same state. Appends are serialized; reads may run concurrently (SQLite
 * in WAL mode, or PostgreSQL).
 *
 * <p>The log keeps each event's JSON as received (bounded per event by ingest): it holds customers' prompts, so the
 * data directory is as sensitive as the gateway's own logs. {@link #pruneBodies} blanks bodies the detector no longer
 * needs (behind its checkpoint) once they are older than the retention; a blank body reads back as {@code ""}.
 */
public final class EventLog implements AutoCloseable {

  /** One event to append: its parsed form (for keys) and the exact JSON it arrived as. */
  public record Entry(Event event, String json) {}

  /** What an append did: how many events were new, and the ids of those already in the log. */
  public record Appended(int inserted, List<String> duplicates, long lastSeq) {}

  /** One stored event. */
  public record Stored(long seq, String json) {}

  private final Connection writer;
  private final Connection reader;
  private final boolean sqlite;
  private long nextSeq;

  public EventLog(Database db) throws SQLException {
    this.writer = db.connect();
    this.reader = db.connect();
    this.sqlite = db.isSqlite();
    try (Statement s = writer.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(seq) FROM events")) {
      nextSeq = r.next() ? r.getLong(1) + 1 : 1;
    }
  }

  /**
   * Appends a batch in one transaction; returns once it is durable. Events whose id is already in the log, or earlier
   * in the batch, are skipped and reported; the others get consecutive sequence numbers.
   */
  public synchronized Appended append(List<Entry> batch) throws SQLException {
    if (batch.isEmpty()) {
      return new Appended(0, List.of(), nextSeq - 1);
    }
    long seq = nextSeq;
    writer.setAutoCommit(false);
    try {
      java.util.Set<String> seen = existing(batch);
      List<String> dup = new ArrayList<>();
      try (PreparedStatement p = writer.prepareStatement(
          "INSERT INTO events (seq, event_id, account_id, ts, received_at, body) VALUES (?, ?, ?, ?, ?, ?)")) {
        long now = System.currentTimeMillis();
        for (Entry e : batch) {
          if (!seen.add(e.event().eventId())) {
            dup.add(e.event().eventId());
            continue;
          }
          p.setLong(1, seq++);
          p.setString(2, e.event().eventId());
          p.setString(3, e.event().accountId());
          p.setLong(4, e.event().ts().toEpochMilli());
          p.setLong(5, now);
          p.setString(6, e.json());
          p.addBatch();
        }
        p.executeBatch();
      }
      writer.commit();
      int inserted = (int) (seq - nextSeq);
      nextSeq = seq;
      return new Appended(inserted, dup, nextSeq - 1);
    } catch (SQLException | RuntimeException e) {
      writer.rollback();
      throw e;
    } finally {
      writer.setAutoCommit(true);
    }
  }

  /** The ids of the batch already in the log. */
  private java.util.Set<String> existing(List<Entry> batch) throws SQLException {
    java.util.Set<String> found = new java.util.HashSet<>();
    int chunk = 500;
    for (int from = 0; from < batch.size(); from += chunk) {
      int to = Math.min(batch.size(), from + chunk);
      StringBuilder sql = new StringBuilder("SELECT event_id FROM events WHERE event_id IN (");
      for (int i = from; i < to; i++) {
        sql.append(i == from ? "?" : ",?");
      }
      sql.append(')');
      try (PreparedStatement p = writer.prepareStatement(sql.toString())) {
        for (int i = from; i < to; i++) {
          p.setString(i - from + 1, batch.get(i).event().eventId());
        }
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            found.add(r.getString(1));
          }
        }
      }
    }
    return found;
  }

  /** Up to {@code limit} events after {@code afterSeq}, in order. */
  public synchronized List<Stored> read(long afterSeq, int limit) throws SQLException {
    List<Stored> out = new ArrayList<>();
    try (PreparedStatement p = reader.prepareStatement(
        "SELECT seq, body FROM events WHERE seq > ? ORDER BY seq LIMIT ?")) {
      p.setLong(1, afterSeq);
      p.setInt(2, limit);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new Stored(r.getLong(1), r.getString(2)));
        }
      }
    }
    return out;
  }

  /**
   * Blanks the bodies of events at or before {@code throughSeq} that were received before {@code receivedBefore}
   * (epoch millis), in chunks of {@code chunk} events per transaction so that ingest never waits long; the rows stay
   * (their {@code event_id} keeps ingest idempotent). Resumes where the previous call stopped (kept in the store).
   * Returns the number of events blanked.
   */
  public long pruneBodies(long throughSeq, long receivedBefore, int chunk) throws SQLException {
    long from;
    synchronized (this) {
      from = prunedThrough() + 1;
    }
    long blanked = 0;
    while (from <= throughSeq) {
      long to = Math.min(throughSeq, from + chunk - 1);
      synchronized (this) {
        // received_at grows with seq (both assigned at append): stop at the first event too young to prune
        long youngest;
        try (PreparedStatement p = writer.prepareStatement(
            "SELECT MIN(seq) FROM events WHERE seq BETWEEN ? AND ? AND received_at >= ?")) {
          p.setLong(1, from);
          p.setLong(2, to);
          p.setLong(3, receivedBefore);
          try (ResultSet r = p.executeQuery()) {
            youngest = r.next() && r.getObject(1) != null ? r.getLong(1) : Long.MAX_VALUE;
          }
        }
        long end = Math.min(to, youngest - 1);
        if (end < from) {
          return blanked;
        }
        writer.setAutoCommit(false);
        try {
          try (PreparedStatement p = writer.prepareStatement(
              "UPDATE events SET body = '' WHERE seq BETWEEN ? AND ? AND body <> ''")) {
            p.setLong(1, from);
            p.setLong(2, end);
            blanked += p.executeUpdate();
          }
          try (PreparedStatement p = writer.prepareStatement(
              "UPDATE log_state SET value = ? WHERE name = 'pruned_through'")) {
            p.setLong(1, end);
            p.executeUpdate();
          }
          writer.commit();
        } catch (SQLException | RuntimeException e) {
          writer.rollback();
          throw e;
        } finally {
          writer.setAutoCommit(true);
        }
        if (end < to) {
          return blanked;
        }
        from = end + 1;
      }
    }
    return blanked;
  }

  /** The log position up to which bodies have been blanked by {@link #pruneBodies} (0: none). */
  public synchronized long prunedThrough() throws SQLException {
    try (Statement s = writer.createStatement();
        ResultSet r = s.executeQuery("SELECT value FROM log_state WHERE name = 'pruned_through'")) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

  /** The highest sequence number handed out so far (0 when the log is empty). */
  public synchronized long lastSeq() {
    return nextSeq - 1;
  }

  /** Events in the log. */
  public long count() throws SQLException {
    synchronized (this) {
      try (Statement s = reader.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM events")) {
        return r.next() ? r.getLong(1) : 0;
      }
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    try {
      writer.close();
    } finally {
      reader.close();
    }
  }

  boolean sqlite() {
    return sqlite;
  }
}
