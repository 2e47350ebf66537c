package io.distillguard.service.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;

/**
 * Versioned schema migrations, the same SQL for SQLite and PostgreSQL: each script {@code V<n>__<name>.sql} runs
 * once, in order, in a transaction, and is recorded in {@code schema_version}. (A dozen lines instead of Flyway, whose
 * SQLite support left its core.) Statements are separated by semicolons at line ends; comments start with
 * {@code --}.
 */
final class Migrations {

  /** The scripts, in order. Append only: a released script never changes. */
  static final List<String> SCRIPTS = List.of("V1__event_log_and_tokens.sql", "V2__policies.sql", "V3__alerts.sql",
      "V4__labels.sql", "V5__retention_and_targets.sql");

  private Migrations() {}

  static void apply(Connection c, Function<String, String> read) throws SQLException {
    boolean auto = c.getAutoCommit();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script VARCHAR(200) NOT NULL,"
          + " applied_at BIGINT NOT NULL)");
    }
    int current = 0;
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      if (r.next()) {
        current = r.getInt(1);
      }
    }
    for (int v = current + 1; v <= SCRIPTS.size(); v++) {
      String name = SCRIPTS.get(v - 1);
      String sql = read.apply(name);
      if (sql == null) {
        throw new IllegalStateException("migration script missing from the classpath: " + name);
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (String stmt : statements(sql)) {
          s.execute(stmt);
        }
        try (PreparedStatement p = c.prepareStatement(
            "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
          p.setInt(1, v);
          p.setString(2, name);
          p.setLong(3, System.currentTimeMillis());
          p.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }

  static List<String> statements(String sql) {
    StringBuilder clean = new StringBuilder();
    for (String line : sql.split("\n")) {
      String t = line.strip();
      if (!t.startsWith("--")) {
        clean.append(line).append('\n');
      }
    }
    return java.util.Arrays.stream(clean.toString().split(";\\s*\n"))
        .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
        .toList();
  }
}
