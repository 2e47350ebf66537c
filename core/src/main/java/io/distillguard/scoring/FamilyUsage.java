package io.distillguard.scoring;

import java.util.HashSet;
import java.util.Set;

/**
 * How a template family is used, aggregated over the accounts that use it at one evaluation: requests from tracked
 * accounts, those requests weighted by each account's own harvest profile, and the accounts (and their unrelated
 * owners) that devote a real part of their traffic to the family. Mutable while it is being aggregated.
 */
public final class FamilyUsage {

  /** An account devotes itself to a family when at least this share of its requests is in it. */
  public static final double DEVOTION = 0.15;
  static final int MAX_OWNERS = 64;

  long requests;
  double profileWeighted;
  int devotedAccounts;
  private final Set<String> devotedOwners = new HashSet<>();

  /** Adds an account's requests in this family, given its total requests, own profile score and owner. */
  public void add(long inFamily, long total, double profile, String owner) {
    requests += inFamily;
    profileWeighted += inFamily * profile;
    if (total > 0 && (double) inFamily / total >= DEVOTION) {
      devotedAccounts++;
      if (devotedOwners.size() < MAX_OWNERS) {
        devotedOwners.add(owner);
      }
    }
  }

  /** The request-weighted mean of the users' own profile scores: how harvest-like the family's traffic is. */
  public double harvestUsage() {
    return requests == 0 ? 0 : profileWeighted / requests;
  }

  public int devotedAccounts() {
    return devotedAccounts;
  }

  /** Distinct owners among devoted accounts (capped at {@value #MAX_OWNERS}). */
  public int devotedOwners() {
    return devotedOwners.size();
  }
}
