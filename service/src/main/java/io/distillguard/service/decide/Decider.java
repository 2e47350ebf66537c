package io.distillguard.service.decide;

import io.distillguard.linking.Campaign;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.service.detect.Detector;
import io.distillguard.service.policy.PolicyRules;
import io.distillguard.service.label.Label;
import java.util.concurrent.ConcurrentHashMap;
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
  private final ConcurrentHashMap<String, Label> accountLabels = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Label> campaignLabels = new ConcurrentHashMap<>();

  public Decider(Detector detector, DecisionPolicy policy, Consumer<String> ruleErrors, Consumer<Action> decided) {
    this.detector = detector;
    this.policy = policy;
    this.ruleErrors = ruleErrors;
    this.decided = decided;
  }

  public Decision decide(String accountId) {
    Detector.Snapshot s = detector.snapshot();
    AccountVerdict v = s.verdicts().get(accountId);
    Campaign c = s.campaignOf(accountId);
    Decision d = policy.decide(accountId, v, c, s.at(), rules.get(), ruleErrors, labelMatch(accountId, c));
    decided.accept(d.action());
    return d;
  }

  /**
   * The action imposed by the label that decides for an account in campaign {@code c} (may be null): the newer of
   * its own and its campaign's; null when there is none or it is a {@code clear}.
   */
  private PolicyRules.Match labelMatch(String accountId, Campaign c) {
    Label own = accountLabels.get(accountId);
    Label camp = c == null ? null : campaignLabels.get(c.campaignId());
    Label l = own == null ? camp : camp == null || own.id() > camp.id() ? own : camp;
    return l == null || l.kind().action == null ? null
        : new PolicyRules.Match(l.kind().action, "label " + l.kind().wireName() + " #" + l.id());
  }

  /**
   * An analyst's label: per account or campaign, the latest decides before lists and rules; an account label that
   * allows (dismiss, allowlist) also makes detection treat the account as allowlisted from the label's log position.
   */
  public void label(Label l) {
    (l.target() == Label.Target.CAMPAIGN ? campaignLabels : accountLabels)
        .merge(l.subject(), l, (a, b) -> b.id() > a.id() ? b : a);
    if (l.kind().allows() && l.target() == Label.Target.ACCOUNT) {
      detector.allowAfter(l.appliedSeq(), l.subject());
    }
  }

  /** One account whose action a candidate rule set would change. */
  public record Change(String accountId, String verdict, Action from, Action to, String rule) {}

  /**
   * What {@code candidate} would change if it replaced the active rules, on the latest evaluation (labels still
   * decide first): the accounts whose action changes, sorted by account id.
   */
  public java.util.List<Change> backtest(PolicyRules candidate) {
    Detector.Snapshot s = detector.snapshot();
    java.util.List<Change> out = new java.util.ArrayList<>();
    PolicyRules active = rules.get();
    for (AccountVerdict v : new java.util.TreeMap<>(s.verdicts()).values()) {
      Campaign c = s.campaignOf(v.accountId());
      PolicyRules.Match byLabel = labelMatch(v.accountId(), c);
      Decision now = policy.decide(v.accountId(), v, c, s.at(), active, r -> { }, byLabel);
      Decision then = policy.decide(v.accountId(), v, c, s.at(), candidate, r -> { }, byLabel);
      Action a = now.shadowAction() != null ? now.shadowAction() : now.action();
      Action b = then.shadowAction() != null ? then.shadowAction() : then.action();
      if (a != b) {
        out.add(new Change(v.accountId(), v.verdict().wireName(), a, b, then.rule()));
      }
    }
    return out;
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
