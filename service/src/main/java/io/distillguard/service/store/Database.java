package io.distillguard.service.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens the service's store: an SQLite file in the data directory by default, or a PostgreSQL server given by a JDBC
 * URL, and brings its schema up to date ({@link Migrations}). SQLite runs in WAL mode with {@code synchronous=FULL},
 * so a committed transaction survives a crash of the process or the machine.
 */
public final class Database {

  private final String url;
  private final Properties props;
  private final boolean sqlite;

  private Database(String url, Properties props) {
    this.url = url;
    this.props = props;
    this.sqlite = url.startsWith("jdbc:sqlite:");
  }

  /** The embedded default: {@code DIR/distillguard.db}. */
  public static Database sqlite(Path dataDir) throws IOException, SQLException {
    Files.createDirectories(dataDir);
    Database db = new Database("jdbc:sqlite:" + dataDir.resolve("distillguard.db").toAbsolutePath(), new Properties());
    db.migrate();
    return db;
  }

  /** A database at a JDBC URL ({@code jdbc:postgresql://...} or {@code jdbc:sqlite:...}). */
  public static Database at(String url, String user, String password) throws SQLException {
    Properties p = new Properties();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    Database db = new Database(url, p);
    db.migrate();
    return db;
  }

  /** A new connection, configured for durability; the caller closes it. */
  public Connection connect() throws SQLException {
    Properties p = props;
    if (sqlite) {
      // a transaction takes the write lock when it begins: one that read first and wrote later could otherwise fail
      // at once with SQLITE_BUSY when another connection committed in between (busy_timeout does not help there)
      p = new Properties();
      p.putAll(props);
      p.setProperty("transaction_mode", "IMMEDIATE");
    }
    Connection c = DriverManager.getConnection(url, p);
    if (sqlite) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=10000");
      }
    }
    return c;
  }

  public boolean isSqlite() {
    return sqlite;
  }

  /** The JDBC URL without credentials (for logs). */
  public String describe() {
    return url.replaceAll("password=[^&;]*", "password=***");
  }

  private void migrate() throws SQLException {
    try (Connection c = connect()) {
      Migrations.apply(c, Database::resource);
    }
  }

  static String resource(String name) {
    try (InputStream in = Database.class.getResourceAsStream("/db/migration/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + name, e);
    }
  }
}
