package io.distillguard.service.decide;

import io.distillguard.linking.Campaign;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.service.detect.Detector;
import io.distillguard.service.policy.PolicyRules;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Decisions from the detector's latest evaluation under the active policy rules, which can be swapped at any time
 * ({@link #activate}); every gateway path (HTTP, LiteLLM, Envoy) asks here. Thread-safe.
 */
public final class Decider {

  private final Detector detector;
  private final DecisionPolicy policy;
  private final AtomicReference<PolicyRules> rules = new AtomicReference<>(PolicyRules.none());
  private final Consumer<String> ruleErrors;
  private final Consumer<Action> decided;
  private final java.util.concurrent.ConcurrentHashMap<String, io.distillguard.service.label.Label> labels =
      new java.util.concurrent.ConcurrentHashMap<>();

  public Decider(Detector detector, DecisionPolicy policy, Consumer<String> ruleErrors, Consumer<Action> decided) {
    this.detector = detector;
    this.policy = policy;
    this.ruleErrors = ruleErrors;
    this.decided = decided;
  }

  public Decision decide(String accountId) {
    Detector.Snapshot s = detector.snapshot();
    AccountVerdict v = s.verdicts().get(accountId);
    Campaign c = v == null || v.campaignId() == null ? null : s.campaignsById().get(v.campaignId());
    io.distillguard.service.label.Label l = labels.get(accountId);
    PolicyRules.Match byLabel = l == null ? null
        : new PolicyRules.Match(l.kind().action, "label " + l.kind().wireName() + " #" + l.id());
    Decision d = policy.decide(accountId, v, c, s.at(), rules.get(), ruleErrors, byLabel);
    decided.accept(d.action());
    return d;
  }

  /** An analyst's label: the latest per account decides before lists and rules. */
  public void label(io.distillguard.service.label.Label l) {
    labels.merge(l.accountId(), l, (a, b) -> b.id() > a.id() ? b : a);
  }

  /** Makes {@code next} the active rule set. */
  public void activate(PolicyRules next) {
    rules.set(next);
  }

  public PolicyRules rules() {
    return rules.get();
  }

  public DecisionPolicy policy() {
    return policy;
  }

  public boolean ready() {
    return detector.ready();
  }
}
