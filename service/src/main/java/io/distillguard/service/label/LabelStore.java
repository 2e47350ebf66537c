package io.distillguard.service.label;

import io.distillguard.service.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Labels in the store, append-only (an audit trail). Thread-safe (one connection, serialized). */
public final class LabelStore implements AutoCloseable {

  private final Connection c;
  private long nextId;

  public LabelStore(Database db) throws SQLException {
    this.c = db.connect();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(id) FROM labels")) {
      nextId = r.next() ? r.getLong(1) + 1 : 1;
    }
  }

  public synchronized Label add(String accountId, Label.Kind kind, String note, String author, Instant at,
      long appliedSeq) throws SQLException {
    Label l = new Label(nextId, accountId, kind, note.length() > 500 ? note.substring(0, 500) : note,
        author.length() > 128 ? author.substring(0, 128) : author, at, appliedSeq);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO labels (id, account_id, label, note, author,"
        + " created_at, applied_seq) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      p.setLong(1, l.id());
      p.setString(2, l.accountId());
      p.setString(3, kind.wireName());
      p.setString(4, l.note());
      p.setString(5, l.author());
      p.setLong(6, at.toEpochMilli());
      p.setLong(7, appliedSeq);
      p.executeUpdate();
    }
    nextId++;
    return l;
  }

  /** Every label, oldest first. */
  public synchronized List<Label> all() throws SQLException {
    return query("SELECT * FROM labels ORDER BY id", null);
  }

  /** An account's labels, newest first. */
  public synchronized List<Label> of(String accountId) throws SQLException {
    return query("SELECT * FROM labels WHERE account_id = ? ORDER BY id DESC", accountId);
  }

  private List<Label> query(String sql, String arg) throws SQLException {
    List<Label> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      if (arg != null) {
        p.setString(1, arg);
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new Label(r.getLong("id"), r.getString("account_id"),
              Label.Kind.parse(r.getString("label")).orElseThrow(), r.getString("note"), r.getString("author"),
              Instant.ofEpochMilli(r.getLong("created_at")), r.getLong("applied_seq")));
        }
      }
    }
    return out;
  }

  @Override
  public synchronized void close() throws SQLException {
    c.close();
  }
}
