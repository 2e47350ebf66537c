package io.distillguard.service.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens with roles. Only SHA-256 hashes are stored; a token is shown once, when {@link #create} makes it.
 * Lookups are cached in memory (revocation clears the cache). Thread-safe.
 */
public final class TokenStore {

  /** What a token may do. {@code ADMIN} may do everything; {@code ANALYST} reads and labels; {@code INGEST} sends
   * events and asks for decisions (a gateway). */
  public enum Role {
    INGEST, ANALYST, ADMIN;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Role> parse(String s) {
      for (Role r : values()) {
        if (r.wireName().equals(s)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  /** A token's role and name. */
  public record Principal(String name, Role role) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Database db;
  private final ConcurrentHashMap<String, Principal> cache = new ConcurrentHashMap<>();

  public TokenStore(Database db) {
    this.db = db;
  }

  /** Makes a new token for {@code role}; returns the token itself (not stored). */
  public String create(Role role, String name) throws SQLException {
    byte[] raw = new byte[24];
    RANDOM.nextBytes(raw);
    String token = "dg_" + role.wireName().charAt(0) + "_" + HexFormat.of().formatHex(raw);
    add(token, role, name);
    return token;
  }

  /** Registers a token chosen elsewhere (the admin token from the environment); no-op when already present. */
  public void add(String token, Role role, String name) throws SQLException {
    if (token.length() < 16) {
      throw new IllegalArgumentException("a token needs at least 16 characters");
    }
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "INSERT INTO tokens (token_hash, role, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (token_hash) DO NOTHING")) {
      p.setString(1, hash(token));
      p.setString(2, role.wireName());
      p.setString(3, name.length() > 128 ? name.substring(0, 128) : name);
      p.setLong(4, System.currentTimeMillis());
      p.executeUpdate();
    }
    cache.remove(hash(token));
  }

  /** Whether any unrevoked admin token exists. */
  public boolean hasAdmin() throws SQLException {
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "SELECT COUNT(*) FROM tokens WHERE role = 'admin' AND revoked_at IS NULL"); ResultSet r = p.executeQuery()) {
      return r.next() && r.getLong(1) > 0;
    }
  }

  /** The principal of a presented token, if it is known and not revoked. Unknown tokens are not cached. */
  public Optional<Principal> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 256) {
      return Optional.empty();
    }
    String h = hash(token);
    Principal known = cache.get(h);
    if (known != null) {
      return Optional.of(known);
    }
    try (Connection c = db.connect(); PreparedStatement p = c.prepareStatement(
        "SELECT name, role FROM tokens WHERE token_hash = ? AND revoked_at IS NULL")) {
      p.setString(1, h);
      try (ResultSet r = p.executeQuery()) {
        if (r.next()) {
          Optional<Principal> found = Role.parse(r.getString(2)).map(role -> new Principal(safeName(r), role));
          found.ifPresent(pr -> cache.put(h, pr));
          return found;
        }
        return Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("token store unavailable", e);
    }
  }

  private static String safeName(ResultSet r) {
    try {
      return r.getString(1);
    } catch (SQLException e) {
      return "?";
    }
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
