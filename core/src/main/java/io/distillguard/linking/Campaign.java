package io.distillguard.linking;

import io.distillguard.scoring.Reason;
import io.distillguard.scoring.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of {@code campaigns.jsonl} ({@code spec/scan-v1.md}): a group of linked accounts, its verdict and score,
 * traffic shares by capability and by model, the reasons behind the score and the evidence that links the accounts.
 * Evidence values are fingerprints, ranges and truncated, escaped example prompts, never whole prompts.
 */
public record Campaign(
    String campaignId,
    Verdict verdict,
    double score,
    List<String> accounts,
    long events,
    Instant firstSeen,
    Instant lastSeen,
    Map<String, Double> capabilities,
    Map<String, Double> models,
    List<Reason> reasons,
    Map<String, List<String>> evidence) {

  public Campaign {
    Objects.requireNonNull(campaignId, "campaign_id");
    Objects.requireNonNull(verdict, "verdict");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
    accounts = List.copyOf(accounts);
    capabilities = Map.copyOf(capabilities);
    models = Map.copyOf(models);
    reasons = List.copyOf(reasons);
    evidence = Map.copyOf(evidence);
  }

  public int accountCount() {
    return accounts.size();
  }
}
