package io.distillguard.service.alert;

import io.distillguard.service.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Alerts and their delivery state in the store. {@link #raise} keeps one alert per dedupe key; delivery marks it
 * delivered or schedules the next attempt. Thread-safe (one connection, serialized).
 */
public final class AlertStore implements AutoCloseable {

  private final Connection c;
  private long nextId;

  public AlertStore(Database db) throws SQLException {
    this.c = db.connect();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(id) FROM alerts")) {
      nextId = r.next() ? r.getLong(1) + 1 : 1;
    }
  }

  /** Stores a new alert due now, unless its dedupe key exists; returns whether it was new. */
  public synchronized boolean raise(AlertRules.Candidate a, Instant eventTime, Instant now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM alerts WHERE dedupe_key = ?")) {
      p.setString(1, a.dedupeKey());
      try (ResultSet r = p.executeQuery()) {
        if (r.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO alerts (id, dedupe_key, kind, campaign_id, created_at,"
        + " event_time, payload, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)")) {
      p.setLong(1, nextId);
      p.setString(2, a.dedupeKey());
      p.setString(3, a.kind());
      p.setString(4, a.campaignId());
      p.setLong(5, now.toEpochMilli());
      p.setLong(6, eventTime.toEpochMilli());
      p.setString(7, a.payload());
      p.setLong(8, now.toEpochMilli());
      p.executeUpdate();
    }
    nextId++;
    return true;
  }

  /** Alerts due for a delivery attempt at {@code now}, oldest first. */
  public synchronized List<Alert> due(Instant now, int limit) throws SQLException {
    return query("SELECT * FROM alerts WHERE delivered_at IS NULL AND next_attempt_at IS NOT NULL"
        + " AND next_attempt_at <= " + now.toEpochMilli() + " ORDER BY id LIMIT " + limit);
  }

  /** The latest alerts, newest first. */
  public synchronized List<Alert> recent(int limit) throws SQLException {
    return query("SELECT * FROM alerts ORDER BY id DESC LIMIT " + limit);
  }

  public synchronized void delivered(long id, int attempts, Instant at) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE alerts SET delivered_at = ?, attempts = ?, next_attempt_at = NULL, last_error = NULL WHERE id = ?")) {
      p.setLong(1, at.toEpochMilli());
      p.setInt(2, attempts);
      p.setLong(3, id);
      p.executeUpdate();
    }
  }

  /** Records a failed attempt; {@code next} null gives up. */
  public synchronized void failed(long id, int attempts, Instant next, String error) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE alerts SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
      p.setInt(1, attempts);
      if (next == null) {
        p.setNull(2, java.sql.Types.BIGINT);
      } else {
        p.setLong(2, next.toEpochMilli());
      }
      p.setString(3, error.length() > 300 ? error.substring(0, 300) : error);
      p.setLong(4, id);
      p.executeUpdate();
    }
  }

  private List<Alert> query(String sql) throws SQLException {
    List<Alert> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(new Alert(r.getLong("id"), r.getString("dedupe_key"), r.getString("kind"), r.getString("campaign_id"),
            Instant.ofEpochMilli(r.getLong("created_at")), Instant.ofEpochMilli(r.getLong("event_time")),
            r.getString("payload"), r.getInt("attempts"), instant(r, "next_attempt_at"),
            instant(r, "delivered_at"), r.getString("last_error")));
      }
    }
    return out;
  }

  private static Instant instant(ResultSet r, String col) throws SQLException {
    long v = r.getLong(col);
    return r.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  @Override
  public synchronized void close() throws SQLException {
    c.close();
  }
}
