package io.distillguard.scoring;

import io.distillguard.state.FamilySketch;

/**
 * Scores template families. A family is suspicious when it is spread over many unrelated owners (one organisation's
 * own template, however busy, is not a campaign), each account sends it often, and it asks for what distillation
 * harvests (reasoning traces, answer-given reconstructions, reasoning, code, tool use) or runs around the clock. A
 * popular public prompt that many people paste once stays low: its accounts send it rarely.
 */
public final class FamilyScorer {

  /** Owners at or below this many make a family private, not shared. */
  static final int PRIVATE_OWNERS = 2;

  public FamilyAssessment assess(FamilySketch f) {
    long n = Math.max(1, f.requests());
    long accounts = Math.max(1, f.accounts());
    long owners = f.owners();
    double perAccount = (double) f.requests() / accounts;
    double harvest = (double) f.harvestCapabilityRequests() / n;
    double cot = (double) f.cotHigh() / n;
    double recon = (double) f.reconstruction() / n;
    double clock = Rhythm.aroundTheClock(f.hourOfDay());

    double spread = Rhythm.clamp((owners - PRIVATE_OWNERS) / 6.0);
    double intensity = Rhythm.clamp(Math.log10(Math.max(1, perAccount)) / 2);
    double content = Math.max(recon, Math.max(0.8 * cot, 0.6 * harvest));
    double s = spread * Rhythm.clamp(0.45 * content + 0.45 * intensity + 0.3 * clock - 0.1);
    return new FamilyAssessment(f.familyId(), s, f.requests(), f.accounts(), owners, perAccount, harvest, cot,
        recon, clock);
  }
}
