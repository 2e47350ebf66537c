package io.distillguard.eval;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds a run is checked against. Ratios are in [0, 1]; {@link #ISSUE_3} holds the project's targets.
 *
 * @param precision minimum account precision, attack verdicts
 * @param recall minimum account recall, attack verdicts
 * @param familyRecall minimum recall of every campaign family
 * @param personaAttackRate maximum share of any benign persona's accounts with verdict attack
 * @param grouping minimum share of every family's attack accounts in its most common detected campaign
 * @param benignShareInCampaigns maximum share of benign or allowed accounts among detected campaign members
 * @param highVolumeFirstFlag maximum median time to first flag of a high-volume family
 * @param lowAndSlowFirstFlag maximum median time to first flag of a low-and-slow family
 */
public record Targets(
    double precision,
    double recall,
    double familyRecall,
    double personaAttackRate,
    double grouping,
    double benignShareInCampaigns,
    Duration highVolumeFirstFlag,
    Duration lowAndSlowFirstFlag) {

  /** The targets of issue 3. */
  public static final Targets ISSUE_3 =
      new Targets(0.995, 0.98, 0.95, 0.005, 0.95, 0.01, Duration.ofHours(6), Duration.ofHours(48));

  public Targets {
    double[] ratios = {precision, recall, familyRecall, personaAttackRate, grouping, benignShareInCampaigns};
    for (double r : ratios) {
      if (!(r >= 0.0 && r <= 1.0)) {
        throw new IllegalArgumentException("ratio target must be in [0, 1]: " + r);
      }
    }
    Objects.requireNonNull(highVolumeFirstFlag, "highVolumeFirstFlag");
    Objects.requireNonNull(lowAndSlowFirstFlag, "lowAndSlowFirstFlag");
    if (highVolumeFirstFlag.isNegative() || lowAndSlowFirstFlag.isNegative()) {
      throw new IllegalArgumentException("time targets must not be negative");
    }
  }

  /** The maximum median time to first flag for a family of this pace. */
  public Duration firstFlag(Pace pace) {
    return pace == Pace.HIGH_VOLUME ? highVolumeFirstFlag : lowAndSlowFirstFlag;
  }
}
