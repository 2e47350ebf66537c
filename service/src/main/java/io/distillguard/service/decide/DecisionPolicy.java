package io.distillguard.service.decide;

import io.distillguard.linking.Campaign;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.Reason;
import io.distillguard.scoring.Verdict;
import io.distillguard.service.policy.PolicyRules;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns verdicts into actions. Each verdict has a default action: {@code attack} the configured enforcement action
 * (block by default), {@code suspicious} the review action (review: served, queued for an analyst), {@code benign}
 * and {@code allowed} allow; an account without a verdict yet is allowed. Policy rules ({@link PolicyRules}) may
 * then choose another action. In shadow mode every decision is {@code allow} and the action that would have been
 * taken is reported beside it. Immutable and thread-safe.
 */
public record DecisionPolicy(Action onAttack, Action onSuspicious, boolean shadow, Duration ttl) {

  public static DecisionPolicy defaults() {
    return new DecisionPolicy(Action.BLOCK, Action.REVIEW, false, Duration.ofMinutes(5));
  }

  /** Reasons are cut to this many in a decision; the analyst API has them all. */
  static final int MAX_REASONS = 5;

  /** The verdict's own action, before rules. */
  public Action defaultAction(AccountVerdict v) {
    if (v == null) {
      return Action.ALLOW;
    }
    return switch (v.verdict()) {
      case ATTACK -> onAttack;
      case SUSPICIOUS -> onSuspicious;
      case BENIGN, ALLOWED -> Action.ALLOW;
    };
  }

  /** Decides without rules. */
  public Decision decide(String accountId, AccountVerdict v, Instant evaluatedAt) {
    return decide(accountId, v, null, evaluatedAt, PolicyRules.none(), r -> { });
  }

  /**
   * Decides for an account with verdict {@code v} (null: none yet) in campaign {@code c} (null: none), applying
   * {@code rules}; {@code ruleErrors} hears the name of each rule that failed to evaluate.
   */
  public Decision decide(String accountId, AccountVerdict v, Campaign c, Instant evaluatedAt, PolicyRules rules,
      Consumer<String> ruleErrors) {
    return decide(accountId, v, c, evaluatedAt, rules, ruleErrors, null);
  }

  /** As above, with an analyst's label ({@code label}, may be null) deciding before any list or rule. */
  public Decision decide(String accountId, AccountVerdict v, Campaign c, Instant evaluatedAt, PolicyRules rules,
      Consumer<String> ruleErrors, PolicyRules.Match label) {
    Action base = defaultAction(v);
    Map<String, Double> signals = Map.of(); // only rules read signals: the common path allocates nothing here
    if (v != null && label == null && !rules.rules().isEmpty()) {
      signals = new HashMap<>();
      for (Reason r : v.reasons()) {
        signals.merge(r.signal(), r.weight(), Math::max);
      }
    }
    PolicyRules.Match m = label != null ? label : rules.match(new PolicyRules.Facts(accountId,
        v == null ? "unknown" : v.verdict().wireName(), v == null ? 0 : v.score(), base, signals,
        c == null ? null : c.campaignId(), c == null ? null : c.verdict().wireName(), c == null ? 0 : c.score(),
        c == null ? 0 : c.accountCount()), ruleErrors);
    Action a = m == null ? base : m.action();
    List<Reason> reasons = v == null
        ? List.of(new Reason("no_verdict", 0, "no evaluated traffic for this account yet"))
        : v.reasons().size() > MAX_REASONS ? v.reasons().subList(0, MAX_REASONS) : v.reasons();
    return new Decision(accountId, shadow ? Action.ALLOW : a, shadow ? a : null,
        v == null ? "unknown" : v.verdict().wireName(), v == null ? 0 : v.score(),
        v != null && v.verdict() == Verdict.ATTACK ? v.campaignId() : null, reasons, m == null ? null : m.rule(),
        rules.version(), evaluatedAt, ttl.toSeconds());
  }
}
