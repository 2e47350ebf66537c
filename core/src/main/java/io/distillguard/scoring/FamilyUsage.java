package io.distillguard.scoring;

import java.util.HashMap;
import java.util.Map;

/**
 * How a template family is used, aggregated over the accounts that use it: requests from tracked accounts, those
 * requests weighted by each account's own harvest profile, and the accounts (and their unrelated owners) that devote
 * a real part of their traffic to the family. Contributions can be added, removed and merged in any order with the
 * same result (profile weights are summed in fixed point), so the aggregate can be kept up to date incrementally.
 * Mutable; not thread-safe.
 */
public final class FamilyUsage {

  /**
   * An account devotes itself to a family when at least this share of its requests is in it. Low: an operator that
   * rotates many short wrappers request by request sends each a few percent of an account's traffic (80 wrappers:
   * about 1.3% each), and at 15% its wrapper families had no devoted users until rotation naming joined them days
   * later; users who send a family only a little of their traffic also count as ordinary users of it, which lowers
   * the suspicion of templates ordinary customers share with a campaign ({@link #harvestLikeShare}).
   */
  public static final double DEVOTION = 0.05;
  static final int MAX_OWNERS = 64;
  /** Profile scores are summed in units of 1e-9, so that removing a contribution restores the sum exactly. */
  private static final double FIXED = 1e9;

  /**
   * What an account's own behaviour says, for the family's judgement of its devoted users: it shows a harvest tell
   * ({@link AccountScorer#harvestTells}), or it was watched long enough (see {@link AccountScorer#standing}) and shows
   * none, or it is too early to say.
   */
  public enum Standing { TELLS, CLEAR, UNJUDGED }

  long requests;
  long profileWeighted;
  int tellAccounts;
  int clearAccounts;
  /** Set by {@link FamilyLedger} when this record leaves its ledger (emptied, or merged into another family's). */
  boolean retired;
  int devotedAccounts;
  private final Map<String, Integer> devotedOwners = new HashMap<>();

  /**
   * Adds an account's requests in this family, given its total requests, own profile score, owner and what its own
   * behaviour says.
   */
  public void add(long inFamily, long total, double profile, String owner, Standing standing) {
    apply(inFamily, total, profile, owner, standing, 1);
  }

  /** Removes a contribution made earlier with {@link #add} and the same arguments. */
  public void remove(long inFamily, long total, double profile, String owner, Standing standing) {
    apply(inFamily, total, profile, owner, standing, -1);
  }

  private void apply(long inFamily, long total, double profile, String owner, Standing standing, int sign) {
    requests += sign * inFamily;
    profileWeighted += sign * inFamily * Math.round(profile * FIXED);
    if (devoted(inFamily, total)) {
      devotedAccounts += sign;
      devotedOwners.merge(owner, sign, (x, y) -> x + y == 0 ? null : x + y);
      if (standing == Standing.TELLS) {
        tellAccounts += sign;
      } else if (standing == Standing.CLEAR) {
        clearAccounts += sign;
      }
    }
  }

  /** Whether an account with {@code inFamily} of its {@code total} requests in a family is devoted to it. */
  public static boolean devoted(long inFamily, long total) {
    return total > 0 && (double) inFamily / total >= DEVOTION;
  }

  /** Adds all of {@code other}'s contributions (two families found to be one template). */
  public void merge(FamilyUsage other) {
    requests += other.requests;
    profileWeighted += other.profileWeighted;
    devotedAccounts += other.devotedAccounts;
    tellAccounts += other.tellAccounts;
    clearAccounts += other.clearAccounts;
    other.devotedOwners.forEach((o, c) -> devotedOwners.merge(o, c, (x, y) -> x + y == 0 ? null : x + y));
  }

  /** Whether no contribution is left. */
  public boolean isEmpty() {
    return requests == 0 && devotedAccounts == 0 && devotedOwners.isEmpty();
  }

  /** The request-weighted mean of the users' own profile scores: how harvest-like the family's traffic is. */
  public double harvestUsage() {
    return requests <= 0 ? 0 : profileWeighted / FIXED / requests;
  }

  public int devotedAccounts() {
    return devotedAccounts;
  }

  /** Devoted accounts that show a harvest tell of their own. */
  public int tellAccounts() {
    return tellAccounts;
  }

  /** Devoted accounts watched long enough that show no harvest tell. */
  public int clearAccounts() {
    return clearAccounts;
  }

  /**
   * The share of the judged devoted accounts that show a harvest tell, with two tell-showing accounts assumed (so
   * that a family nobody has been judged in yet keeps its suspicion, and one clear user does not clear it): low for a
   * popular tool's or benchmark's template, which many ordinary users devote themselves to, even when a campaign
   * rides it.
   */
  public double harvestLikeShare() {
    return (tellAccounts + PRIOR_TELLS) / (double) (tellAccounts + clearAccounts + PRIOR_TELLS);
  }

  private static final int PRIOR_TELLS = 5;

  /**
   * Whether more than one owner devotes itself to the family: only such a family is scored (one owner's devoted
   * family is its own template, however busy).
   */
  public boolean shared() {
    return devotedOwners() > 1;
  }

  /** Distinct owners among devoted accounts (capped at {@value #MAX_OWNERS}). */
  public int devotedOwners() {
    return Math.min(MAX_OWNERS, devotedOwners.size());
  }
}
