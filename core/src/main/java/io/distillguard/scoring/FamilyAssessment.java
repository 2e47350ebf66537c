package io.distillguard.scoring;

import java.util.Objects;

/**
 * How suspicious one template family is, from how many unrelated owners devote their traffic to it, how harvest-like
 * its users look on their own, and how many of its devoted users, once watched long enough, show a harvest tell of
 * their own ({@code tellAccounts} of {@code tellAccounts + clearAccounts}); with what it asks for and its rhythm, for
 * the analyst. {@code suspicion} in [0, 1]; the other components are the counts an analyst can check.
 */
public record FamilyAssessment(
    String familyId,
    double suspicion,
    long requests,
    long accounts,
    long owners,
    int devotedAccounts,
    int devotedOwners,
    int tellAccounts,
    int clearAccounts,
    double harvestUsage,
    double requestsPerAccount,
    double harvestShare,
    double cotShare,
    double reconstructionShare,
    double aroundTheClock) {

  public FamilyAssessment {
    Objects.requireNonNull(familyId, "familyId");
    if (!(suspicion >= 0 && suspicion <= 1)) {
      throw new IllegalArgumentException("suspicion must be in [0, 1]: " + suspicion);
    }
  }

  /**
   * The share of the devoted accounts that show a harvest tell of their own, with {@value #PRIOR_DEVOTED} untold
   * accounts assumed: how much using this family says about an account that shows no tell itself. Low for a template
   * that ordinary users also devote themselves to (a popular tool's, a shared coding task's), even when a campaign
   * rides it and makes it suspicious. In steps of 0.05, rounded down (as the suspicion): users' assessments read it,
   * and are made again only when a step changes.
   */
  public double tellShare() {
    return Math.floor(20.0 * tellAccounts / (devotedAccounts + PRIOR_DEVOTED)) / 20.0;
  }

  static final int PRIOR_DEVOTED = 2;

  /** A one-line description citing the counts, with no prompt text. */
  public String describe() {
    return String.format(
        "template family %s: %d requests from %d accounts of %d unrelated owners (%.0f per account); %d accounts of"
            + " %d owners devote %.0f%%+ of their traffic to it; %d of %d judged devoted accounts show a harvest tell of"
            + " their own; its users' own harvest profile averages %.2f; %.0f%% harvest capabilities, %.0f%%"
            + " chain-of-thought elicitation, %.0f%% answer-given reconstruction",
        familyId, requests, accounts, owners, requestsPerAccount, devotedAccounts, devotedOwners,
        100 * FamilyUsage.DEVOTION, tellAccounts, tellAccounts + clearAccounts, harvestUsage, 100 * harvestShare,
        100 * cotShare, 100 * reconstructionShare);
  }
}
