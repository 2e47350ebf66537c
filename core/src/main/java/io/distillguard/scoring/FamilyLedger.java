package io.distillguard.scoring;

import io.distillguard.state.AccountSketch;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Keeps each template family's {@link FamilyUsage} up to date as accounts change, instead of aggregating over every
 * account at every evaluation: an account's contribution is replaced when its profile or traffic changed, families
 * found to be one template merge their usage, and every family whose usage changed in a way that can change its
 * score is reported once ({@link #drainTouched}). Also remembers which accounts have used each family, so that the
 * accounts affected by a change in a family's score can be found without a pass over all accounts.
 *
 * <p>Family ids given to it may be stale (absorbed by a merge); it maps them with the caller's canonical naming.
 * Memory: one small record per (account, family) pair an account's top families hold, and one user entry per
 * (family, account) pair seen, dropped with the family ({@link #forgetFamily}). Not thread-safe.
 */
public final class FamilyLedger {

  /** An account's requests in one (canonical) family, and the usage record they were added to. */
  private record Contribution(String family, long inFamily, FamilyUsage usage) {}

  private record AccountPart(long total, double profile, FamilyUsage.Standing standing, String owner,
      List<Contribution> parts) {}

  private final Map<String, AccountPart> accounts = new HashMap<>();
  private final Map<String, FamilyUsage> usage = new HashMap<>();
  private final Map<String, Set<String>> users = new HashMap<>();
  private Set<String> touched = new HashSet<>();
  private Set<String> movedUsers = new HashSet<>();

  /** Notes that {@code account} sent a request in (canonical) family {@code family}. */
  public void used(String family, String account) {
    users.computeIfAbsent(family, k -> new HashSet<>()).add(account);
  }

  /**
   * Replaces the contribution of account {@code a}, whose own profile score is {@code profile} and whose own
   * behaviour says {@code standing} ({@link AccountScorer#standing}); an allowlisted
   * account ({@code counts == false}) contributes nothing. Only the difference is applied: a family the account
   * still uses keeps its usage record (most families have one user, and would otherwise be dropped and made again).
   */
  public void update(AccountSketch a, double profile, FamilyUsage.Standing standing, boolean counts,
      UnaryOperator<String> canonical) {
    if (!counts) {
      remove(a.accountId(), canonical);
      return;
    }
    AccountPart old = accounts.get(a.accountId());
    List<Map.Entry<String, Long>> fams = a.families().sorted();
    Contribution[] parts = new Contribution[fams.size()];
    boolean[] sharedBefore = new boolean[parts.length];
    // the new contributions first, then the old ones out (under their current ids: a merge may have renamed them)
    String owner = a.owner();
    for (int i = 0; i < parts.length; i++) {
      Map.Entry<String, Long> e = fams.get(i);
      String family = canonical.apply(e.getKey());
      FamilyUsage u = old == null ? null : still(old, family);
      if (u == null) {
        u = usage.computeIfAbsent(family, k -> new FamilyUsage());
      }
      sharedBefore[i] = u.shared();
      u.add(e.getValue(), a.requests(), profile, owner, standing);
      parts[i] = new Contribution(family, e.getValue(), u);
    }
    withdraw(old, canonical, parts);
    for (int i = 0; i < parts.length; i++) {
      touch(parts[i].family(), sharedBefore[i], parts[i].usage());
    }
    accounts.put(a.accountId(), new AccountPart(a.requests(), profile, standing, owner, List.of(parts)));
  }

  /**
   * The usage record of (canonical) family {@code family} when the account's earlier contribution was added to it
   * under that same id and it is still the family's record (not emptied or merged away since), else null: most of an
   * account's families are the ones it had, and their records are found without a lookup among all families.
   */
  private static FamilyUsage still(AccountPart old, String family) {
    for (Contribution c : old.parts()) {
      if ((c.family() == family || c.family().equals(family)) && !c.usage().retired) {
        return c.usage();
      }
    }
    return null;
  }

  /** Removes an account's contribution (evicted, or allowlisted). */
  public void remove(String accountId, UnaryOperator<String> canonical) {
    withdraw(accounts.remove(accountId), canonical, NO_PARTS);
  }

  private static final Contribution[] NO_PARTS = new Contribution[0];

  /**
   * Takes an account's earlier contribution ({@code null}: none) out of its families' usage. {@code parts} are the
   * account's new contributions, already added, with their usage records: a family the account still uses is found
   * there, reported by the caller, and never emptied here.
   */
  private void withdraw(AccountPart old, UnaryOperator<String> canonical, Contribution[] parts) {
    if (old == null) {
      return;
    }
    for (Contribution c : old.parts()) {
      String fam = canonical.apply(c.family());
      FamilyUsage kept = null; // most of an account's families are the ones it had
      for (int i = 0; i < parts.length && kept == null; i++) {
        if (parts[i].family().equals(fam)) {
          kept = parts[i].usage();
        }
      }
      if (kept != null) {
        kept.remove(c.inFamily(), old.total(), old.profile(), old.owner(), old.standing());
        continue;
      }
      FamilyUsage u = usage.get(fam);
      if (u != null) {
        boolean before = u.shared();
        u.remove(c.inFamily(), old.total(), old.profile(), old.owner(), old.standing());
        if (u.isEmpty()) {
          usage.remove(fam);
          u.retired = true;
        }
        touch(fam, before, u);
      }
    }
  }

  /**
   * Reports a family whose usage changed, if it was or now is {@link FamilyUsage#shared}: only such a family has a
   * score, or gets or loses one.
   */
  private void touch(String family, boolean sharedBefore, FamilyUsage now) {
    if (sharedBefore || now.shared()) {
      touched.add(family);
    }
  }

  /** Family {@code absorbed} was found to be a wording of {@code into}: their usage and users are one now. */
  public void merge(String absorbed, String into) {
    FamilyUsage gone = usage.remove(absorbed);
    if (gone != null) {
      gone.retired = true;
      usage.computeIfAbsent(into, k -> new FamilyUsage()).merge(gone);
    }
    Set<String> goneUsers = users.remove(absorbed);
    if (goneUsers != null) {
      users.computeIfAbsent(into, k -> new HashSet<>()).addAll(goneUsers);
      movedUsers.addAll(goneUsers);
    }
    touched.add(absorbed);
    touched.add(into);
  }

  /** The usage of a (canonical) family, or null when no tracked account contributes to it. */
  public FamilyUsage usage(String family) {
    return usage.get(family);
  }

  /** The accounts that used a (canonical) family since it was last forgotten; may include evicted accounts. */
  public Set<String> users(String family) {
    Set<String> u = users.get(family);
    return u == null ? Set.of() : u;
  }

  /** Forgets who used a family whose state was evicted. */
  public void forgetFamily(String family) {
    users.remove(family);
  }

  /** The accounts whose families were absorbed by a merge since the last call (their family ids changed). */
  public Set<String> drainMovedUsers() {
    Set<String> out = movedUsers;
    movedUsers = new HashSet<>();
    return out;
  }

  /**
   * The families whose usage changed since the last call while they had, or came to have, more than one devoted
   * owner, and both families of every merge (ids as they were then; map them to canonical ones).
   */
  public Set<String> drainTouched() {
    Set<String> out = touched;
    touched = new HashSet<>();
    return out;
  }
}
