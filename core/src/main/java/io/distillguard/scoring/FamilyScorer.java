package io.distillguard.scoring;

import io.distillguard.state.FamilySketch;

/**
 * Scores template families. A family is suspicious when many unrelated owners devote a real part of their traffic to
 * it (one organisation's own template, however busy, is not a campaign) and the accounts that use it look like
 * harvesters on their own (their request-weighted profile score). A popular tool's system prompt or a benchmark that
 * ordinary customers also send is common ground, like a large NAT: its users look ordinary, so it stays low; and when
 * a campaign rides it, its request-weighted profile is the campaign's, so the suspicion is also scaled by the share
 * of its judged devoted accounts that show a harvest tell of their own ({@link FamilyUsage#harvestLikeShare}).
 */
public final class FamilyScorer {

  /** Owners at or below this many make a family private, not shared. */
  static final int PRIVATE_OWNERS = 2;

  public FamilyAssessment assess(FamilySketch f, FamilyUsage usage) {
    long n = Math.max(1, f.requests());
    long accounts = Math.max(1, f.accounts());
    long owners = f.owners();
    double perAccount = (double) f.requests() / accounts;
    double harvest = (double) f.harvestCapabilityRequests() / n;
    double cot = (double) f.cotHigh() / n;
    double recon = (double) f.reconstruction() / n;
    double clock = Rhythm.aroundTheClock(f.hourOfDay());

    double spread = Rhythm.clamp((usage.devotedOwners() - PRIVATE_OWNERS) / 6.0);
    double harvestUsage = usage.harvestUsage();
    // in steps of 0.05, rounded down (never more suspicious than measured): users' scores change only when it does
    // (see DetectionPipeline's family rescoring)
    double s = Math.floor(20 * spread * Rhythm.clamp((harvestUsage - 0.15) / 0.35) * usage.harvestLikeShare()) / 20.0;
    return new FamilyAssessment(f.familyId(), s, f.requests(), f.accounts(), owners, usage.devotedAccounts(),
        usage.devotedOwners(), usage.tellAccounts(), usage.clearAccounts(), harvestUsage, perAccount, harvest, cot, recon, clock);
  }
}
