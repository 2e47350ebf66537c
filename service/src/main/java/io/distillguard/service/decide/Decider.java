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
    Decision d = policy.decide(accountId, v, c, s.at(), rules.get(), ruleErrors);
    decided.accept(d.action());
    return d;
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
