package io.distillguard.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * Accounts and organisations that may distil under an agreement ({@code scan --allowlist}). One entry a line,
 * {@code account:<id>} or {@code org:<id>}; {@code #} starts a comment; blank lines are ignored. Immutable.
 */
public final class Allowlist {

  private static final Allowlist EMPTY = new Allowlist(Set.of(), Set.of());

  private final Set<String> accounts;
  private final Set<String> orgs;

  private Allowlist(Set<String> accounts, Set<String> orgs) {
    this.accounts = Set.copyOf(accounts);
    this.orgs = Set.copyOf(orgs);
  }

  public static Allowlist empty() {
    return EMPTY;
  }

  public static Allowlist of(Set<String> accounts, Set<String> orgs) {
    return new Allowlist(accounts, orgs);
  }

  /**
   * Reads an allowlist file. Throws {@link IllegalArgumentException} naming the file and line for an entry that is
   * neither {@code account:<id>} nor {@code org:<id>}.
   */
  public static Allowlist read(Path file) throws IOException {
    Set<String> accounts = new TreeSet<>();
    Set<String> orgs = new TreeSet<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        int hash = line.indexOf('#');
        String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (entry.isEmpty()) {
          continue;
        }
        if (entry.startsWith("account:") && entry.length() > "account:".length()) {
          accounts.add(entry.substring("account:".length()).strip());
        } else if (entry.startsWith("org:") && entry.length() > "org:".length()) {
          orgs.add(entry.substring("org:".length()).strip());
        } else {
          throw new IllegalArgumentException(
              file + ":" + n + ": expected 'account:<id>' or 'org:<id>'");
        }
      }
    }
    return new Allowlist(accounts, orgs);
  }

  /** Whether the account, or the organisation it belongs to ({@code orgId} may be null), is allowlisted. */
  public boolean allows(String accountId, String orgId) {
    return accounts.contains(accountId) || (orgId != null && orgs.contains(orgId));
  }

  public int size() {
    return accounts.size() + orgs.size();
  }
}
