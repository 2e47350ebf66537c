package io.distillguard.pipeline;

import io.distillguard.event.Event;
import io.distillguard.policy.Allowlist;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.Reason;
import io.distillguard.scoring.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The detection stages wired in order, fed one event at a time in event-time order (the reader's ordering stage
 * guarantees it; late events are accepted and never move the watermark back).
 *
 * <p>Today the pipeline tracks which accounts it has seen and applies the allowlist; the feature, keyed-state,
 * linking and scoring stages of ARCHITECTURE.md plug in here as they land, in this order:
 *
 * <ol>
 *   <li>features: per-request normalization, template family, capability, chain-of-thought elicitation;
 *   <li>keyed state: per account, per template family, per infrastructure key;
 *   <li>linking: accounts into campaigns;
 *   <li>scoring: account and campaign scores with reasons, thresholds to verdicts;
 *   <li>policy: the allowlist turns verdicts of allowlisted accounts into {@code allowed}.
 * </ol>
 *
 * Not thread-safe: one pipeline per stream partition.
 */
public final class DetectionPipeline {

  private final Allowlist allowlist;
  private final Map<String, AccountSeen> accounts = new HashMap<>();
  private Instant watermark = Instant.EPOCH;

  public DetectionPipeline(Allowlist allowlist) {
    this.allowlist = allowlist;
  }

  /** Feeds one event. */
  public void accept(Event e) {
    if (e.ts().isAfter(watermark)) {
      watermark = e.ts();
    }
    AccountSeen seen = accounts.computeIfAbsent(e.accountId(), id -> new AccountSeen());
    seen.events++;
    if (e.orgId() != null) {
      seen.orgId = e.orgId();
    }
  }

  /** Event time of the newest event accepted so far ({@link Instant#EPOCH} before the first). */
  public Instant watermark() {
    return watermark;
  }

  /** Number of distinct accounts seen so far. */
  public int accountCount() {
    return accounts.size();
  }

  /** The verdicts and campaigns as of the events accepted so far. */
  public ScanResult result() {
    List<AccountVerdict> verdicts = new ArrayList<>(accounts.size());
    accounts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            en -> {
              AccountSeen s = en.getValue();
              boolean allowed = allowlist.allows(en.getKey(), s.orgId);
              List<Reason> reasons =
                  allowed
                      ? List.of(new Reason("allowlist", 0.0, "account or its organisation is on the allowlist"))
                      : List.of();
              verdicts.add(
                  new AccountVerdict(
                      en.getKey(), allowed ? Verdict.ALLOWED : Verdict.BENIGN, 0.0, null, null, reasons));
            });
    return new ScanResult(verdicts, List.of(), watermark);
  }

  private static final class AccountSeen {
    long events;
    String orgId;
  }
}
