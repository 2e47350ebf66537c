package io.distillguard.service.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the account of a request a gateway asks about: the value of a configured header (set by the gateway after
 * its own authentication), or else the account an API key belongs to, from a key map file whose lines are
 * {@code <sha256 hex of the API key> <account_id>} (so the file holds no usable keys). Keys are read from
 * {@code Authorization: Bearer KEY} or {@code x-api-key}. Immutable and thread-safe.
 */
public final class AccountResolver {

  static final int MAX_ID_CHARS = 256;
  private final String accountHeader;
  private final Map<String, String> keyHashToAccount;

  public AccountResolver(String accountHeader, Map<String, String> keyHashToAccount) {
    this.accountHeader = accountHeader == null ? null : accountHeader.toLowerCase(Locale.ROOT);
    this.keyHashToAccount = Map.copyOf(keyHashToAccount);
  }

  /** Reads a key map file; a malformed line is an error naming its number. */
  public static Map<String, String> readKeyMap(Path file) throws IOException {
    Map<String, String> out = new HashMap<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] parts = t.split("\\s+");
      if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}") || parts[1].length() > MAX_ID_CHARS) {
        throw new IllegalArgumentException(file + ":" + n + ": expected '<sha256 hex of key> <account_id>'");
      }
      out.put(parts[0], parts[1]);
    }
    return out;
  }

  /** The account for request headers given with lower-case names, or null when none can be found. */
  public String resolve(Map<String, String> headers) {
    if (accountHeader != null) {
      String v = headers.get(accountHeader);
      if (v != null && !v.isBlank() && v.length() <= MAX_ID_CHARS) {
        return v.strip();
      }
    }
    if (keyHashToAccount.isEmpty()) {
      return null;
    }
    String key = headers.get("x-api-key");
    String auth = headers.get("authorization");
    if ((key == null || key.isBlank()) && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      key = auth.substring(7).strip();
    }
    return key == null || key.isBlank() || key.length() > 4096 ? null : keyHashToAccount.get(sha256(key));
  }

  /** Lower-case hex SHA-256 of a key, as the key map file wants it. */
  public static String sha256(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
