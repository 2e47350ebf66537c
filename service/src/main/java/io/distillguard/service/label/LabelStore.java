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

/**
 * Labels in the store, append-only (an audit trail: a later label overrides, nothing is deleted). Thread-safe (one
 * connection, serialized).
 */
public final class LabelStore implements AutoCloseable {

  private final Connection c;
  private long nextId;

  public LabelStore(Database db) throws SQLException {
    this.c = db.connect();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(id) FROM labels")) {
      nextId = r.next() ? r.getLong(1) + 1 : 1;
    }
  }

  /** Appends one label on an account. */
  public synchronized Label add(String accountId, Label.Kind kind, String note, String author, Instant at,
      long appliedSeq) throws SQLException {
    return add(Label.Target.ACCOUNT, accountId, kind, note, author, at, appliedSeq, List.of()).get(0);
  }

  /**
   * Appends a label on {@code subject} and, in the same transaction, the same label on each of {@code members} (a
   * campaign's accounts when it is labelled, so that they stay labelled if the campaign is later renamed or split).
   * Returns the subject's label first, then the members'.
   */
  public synchronized List<Label> add(Label.Target target, String subject, Label.Kind kind, String note,
      String author, Instant at, long appliedSeq, List<String> members) throws SQLException {
    String n = note.length() > 500 ? note.substring(0, 500) : note;
    String a = author.length() > 128 ? author.substring(0, 128) : author;
    List<Label> out = new ArrayList<>();
    out.add(new Label(nextId, target, subject, kind, n, a, at, appliedSeq));
    if (!members.isEmpty()) {
      String via = (target.wireName() + " " + subject + " (label #" + nextId + ")" + (n.isEmpty() ? "" : ": " + n));
      String memberNote = via.length() > 500 ? via.substring(0, 500) : via;
      for (int i = 0; i < members.size(); i++) {
        out.add(new Label(nextId + 1 + i, Label.Target.ACCOUNT, members.get(i), kind, memberNote, a, at, appliedSeq));
      }
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO labels (id, target, account_id, label, note, author,"
        + " created_at, applied_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Label l : out) {
        p.setLong(1, l.id());
        p.setString(2, l.target().wireName());
        p.setString(3, l.subject());
        p.setString(4, kind.wireName());
        p.setString(5, l.note());
        p.setString(6, l.author());
        p.setLong(7, at.toEpochMilli());
        p.setLong(8, appliedSeq);
        p.addBatch();
      }
      p.executeBatch();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
    nextId += out.size();
    return out;
  }

  /** Every label, oldest first. */
  public synchronized List<Label> all() throws SQLException {
    return query("SELECT * FROM labels ORDER BY id", null);
  }

  /** An account's labels, newest first. */
  public synchronized List<Label> of(String accountId) throws SQLException {
    return of(Label.Target.ACCOUNT, accountId);
  }

  /** The labels naming {@code subject}, newest first. */
  public synchronized List<Label> of(Label.Target target, String subject) throws SQLException {
    return query("SELECT * FROM labels WHERE account_id = ? AND target = '" + target.wireName()
        + "' ORDER BY id DESC", subject);
  }

  /** The newest {@code limit} labels, newest first (the audit trail). */
  public synchronized List<Label> recent(int limit) throws SQLException {
    return query("SELECT * FROM labels ORDER BY id DESC LIMIT " + Math.max(1, limit), null);
  }

  private List<Label> query(String sql, String arg) throws SQLException {
    List<Label> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      if (arg != null) {
        p.setString(1, arg);
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new Label(r.getLong("id"), Label.Target.parse(r.getString("target")).orElseThrow(),
              r.getString("account_id"),
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
