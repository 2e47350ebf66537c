package io.distillguard.service.policy;

import io.distillguard.service.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned policy rules: every accepted rule set is stored as a new version and activated at once; a rule set that
 * does not compile is rejected with its message and the active one stays. Rules come from the API
 * ({@link #submit}) or from a file that is watched for changes ({@link #watch}): the file is hot-reloaded without a
 * restart. The latest version is active again after a restart. Thread-safe.
 */
public final class PolicyStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyStore.class);
  static final int MAX_BYTES = 1 << 20;

  private final Database db;
  private final Consumer<PolicyRules> activate;
  private volatile PolicyRules active = PolicyRules.none();
  private volatile String lastError;
  private volatile Thread watcher;
  private volatile boolean stop;

  /** Loads the latest stored version and hands it to {@code activate}. */
  public PolicyStore(Database db, Consumer<PolicyRules> activate) throws SQLException {
    this.db = db;
    this.activate = activate;
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT version, body FROM policies ORDER BY version DESC LIMIT 1")) {
      if (r.next()) {
        try {
          active = PolicyRules.compile(r.getString(2), r.getLong(1));
        } catch (PolicyException e) {
          lastError = "stored version " + r.getLong(1) + " no longer compiles: " + e.getMessage();
          LOG.error("policy: {}", lastError);
        }
      }
    }
    activate.accept(active);
  }

  /** Compiles, stores and activates a rule set; throws with the reason (the active set stays) when it is bad. */
  public synchronized PolicyRules submit(String text, String origin) throws PolicyException, SQLException {
    if (text.length() > MAX_BYTES) {
      throw new PolicyException("rule file larger than " + MAX_BYTES + " bytes");
    }
    PolicyRules next;
    try {
      next = PolicyRules.compile(text, active.version() + 1);
    } catch (PolicyException e) {
      lastError = e.getMessage();
      throw e;
    }
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "INSERT INTO policies (version, created_at, origin, body) VALUES (?, ?, ?, ?)")) {
      p.setLong(1, next.version());
      p.setLong(2, System.currentTimeMillis());
      p.setString(3, origin.length() > 200 ? origin.substring(0, 200) : origin);
      p.setString(4, text);
      p.executeUpdate();
    }
    active = next;
    lastError = null;
    activate.accept(next);
    LOG.info("policy version {} active ({} rules, from {})", next.version(), next.rules().size(), origin);
    return next;
  }

  /**
   * Watches {@code file}: loads it now if it differs from the active rules, then again whenever it changes (checked
   * every {@code pollMillis}).
   */
  public synchronized void watch(Path file, long pollMillis) {
    if (watcher != null) {
      throw new IllegalStateException("already watching a policy file");
    }
    reloadIfChanged(file);
    Thread t = new Thread(() -> {
      while (!stop) {
        try {
          Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
          return;
        }
        reloadIfChanged(file);
      }
    }, "policy-watch");
    t.setDaemon(true);
    watcher = t;
    t.start();
  }

  private String lastSeen;

  private void reloadIfChanged(Path file) {
    String text;
    try {
      if (Files.size(file) > MAX_BYTES) {
        lastError = file + ": larger than " + MAX_BYTES + " bytes";
        return;
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      lastError = file + ": cannot read (" + e.getClass().getSimpleName() + ")";
      return;
    }
    synchronized (this) {
      if (text.equals(lastSeen) || text.equals(active.source())) {
        lastSeen = text;
        return;
      }
      lastSeen = text;
      try {
        submit(text, "file " + file.getFileName());
      } catch (PolicyException e) {
        LOG.error("policy file {} rejected, version {} stays active: {}", file, active.version(), e.getMessage());
      } catch (SQLException e) {
        lastError = "cannot store the new version: " + e.getClass().getSimpleName();
        LOG.error("policy: {}", lastError);
      }
    }
  }

  public PolicyRules active() {
    return active;
  }

  /** Why the last submitted or reloaded rule set was rejected, or null when the last one was accepted. */
  public String lastError() {
    return lastError;
  }

  @Override
  public void close() {
    stop = true;
    Thread t = watcher;
    if (t != null) {
      t.interrupt();
    }
  }
}
