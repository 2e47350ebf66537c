package io.distillguard.scoring;

import java.util.Objects;

/**
 * How suspicious one template family is, from its spread over unrelated owners, the volume each account sends in it,
 * what it asks for, and whether it runs around the clock. {@code suspicion} in [0, 1]; the other components are the
 * counts an analyst can check.
 */
public record FamilyAssessment(
    String familyId,
    double suspicion,
    long requests,
    long accounts,
    long owners,
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

  /** A one-line description citing the counts, with no prompt text. */
  public String describe() {
    return String.format(
        "template family %s: %d requests from %d accounts of %d unrelated owners (%.0f per account); %.0f%% harvest"
            + " capabilities, %.0f%% chain-of-thought elicitation, %.0f%% answer-given reasoning reconstruction",
        familyId, requests, accounts, owners, requestsPerAccount, 100 * harvestShare, 100 * cotShare,
        100 * reconstructionShare);
  }
}
