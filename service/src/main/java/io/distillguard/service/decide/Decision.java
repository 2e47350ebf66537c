package io.distillguard.service.decide;

import io.distillguard.scoring.Reason;
import java.time.Instant;
import java.util.List;

/**
 * The answer for one account: the action to apply ({@code allow} in shadow mode, with {@code shadowAction} naming what
 * would have been done), the verdict and score it rests on, the reasons, the campaign, the policy rule that chose the
 * action ({@code null}: the verdict's default action) and the policy version, the evaluation time, and how long a
 * gateway may cache it ({@code ttlSeconds}).
 */
public record Decision(
    String accountId,
    Action action,
    Action shadowAction,
    String verdict,
    double score,
    String campaignId,
    List<Reason> reasons,
    String rule,
    long policyVersion,
    Instant evaluatedAt,
    long ttlSeconds) {

  public Decision {
    reasons = List.copyOf(reasons);
  }
}
