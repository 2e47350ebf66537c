package io.distillguard.pipeline;

import io.distillguard.linking.Campaign;
import io.distillguard.scoring.AccountVerdict;
import java.time.Instant;
import java.util.List;

/** What a pipeline run concluded: one verdict per account seen (sorted by account id) and the campaigns found. */
public record ScanResult(List<AccountVerdict> verdicts, List<Campaign> campaigns, Instant watermark) {
  public ScanResult {
    verdicts = List.copyOf(verdicts);
    campaigns = List.copyOf(campaigns);
  }
}
