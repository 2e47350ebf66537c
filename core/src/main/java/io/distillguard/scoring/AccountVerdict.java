package io.distillguard.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of {@code verdicts.jsonl} ({@code spec/scan-v1.md}): the account's verdict, its score in [0, 1], the
 * campaign it was linked into (or {@code null}), the event time it first reached {@code attack} (or {@code null}),
 * and its reasons, strongest first.
 */
public record AccountVerdict(
    String accountId,
    Verdict verdict,
    double score,
    String campaignId,
    Instant firstFlaggedAt,
    List<Reason> reasons) {

  public AccountVerdict {
    Objects.requireNonNull(accountId, "account_id");
    Objects.requireNonNull(verdict, "verdict");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
