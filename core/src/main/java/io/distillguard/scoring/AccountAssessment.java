package io.distillguard.scoring;

import java.util.List;
import java.util.Objects;

/** An account's own score before campaign evidence: a noisy-or of its signals, each kept as a reason. */
public record AccountAssessment(String accountId, double score, long requests, List<Reason> reasons) {
  public AccountAssessment {
    Objects.requireNonNull(accountId, "accountId");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
    reasons = List.copyOf(reasons);
  }
}
