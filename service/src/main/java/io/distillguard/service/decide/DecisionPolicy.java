package io.distillguard.service.decide;

import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.Reason;
import io.distillguard.scoring.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns verdicts into actions: {@code attack} to the configured enforcement action (block by default),
 * {@code suspicious} to the review action (review by default: served, queued for an analyst), {@code benign} and
 * {@code allowed} to allow; an account without a verdict yet is allowed. In shadow mode every decision is
 * {@code allow} and the action that would have been taken is reported beside it. Immutable and thread-safe.
 */
public record DecisionPolicy(Action onAttack, Action onSuspicious, boolean shadow, Duration ttl) {

  public static DecisionPolicy defaults() {
    return new DecisionPolicy(Action.BLOCK, Action.REVIEW, false, Duration.ofMinutes(5));
  }

  /** Reasons are cut to this many in a decision; the analyst API has them all. */
  static final int MAX_REASONS = 5;

  public Decision decide(String accountId, AccountVerdict v, Instant evaluatedAt) {
    if (v == null) {
      return new Decision(accountId, Action.ALLOW, null, "unknown", 0, null,
          List.of(new Reason("no_verdict", 0, "no evaluated traffic for this account yet")), evaluatedAt,
          ttl.toSeconds());
    }
    Action a = switch (v.verdict()) {
      case ATTACK -> onAttack;
      case SUSPICIOUS -> onSuspicious;
      case BENIGN, ALLOWED -> Action.ALLOW;
    };
    List<Reason> reasons = v.reasons().size() > MAX_REASONS ? v.reasons().subList(0, MAX_REASONS) : v.reasons();
    return new Decision(accountId, shadow ? Action.ALLOW : a, shadow ? a : null, v.verdict().wireName(), v.score(),
        v.verdict() == Verdict.ATTACK ? v.campaignId() : null, reasons, evaluatedAt, ttl.toSeconds());
  }
}
