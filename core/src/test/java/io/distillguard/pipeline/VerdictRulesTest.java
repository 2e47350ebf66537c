package io.distillguard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.scoring.AccountAssessment;
import io.distillguard.scoring.DetectionConfig;
import io.distillguard.scoring.Reason;
import io.distillguard.scoring.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that turn an account's scores and campaign membership into a verdict ({@link DetectionPipeline#decide}). */
class VerdictRulesTest {

  static final DetectionConfig CONFIG = DetectionConfig.defaults(); // attack 0.7, suspicious 0.4, 10 requests

  static final List<Reason> SHARED_FAMILY = List.of(new Reason("shared_template_family", 0.35, "x"));
  static final List<Reason> MEMBER = List.of(new Reason("campaign_member", 0.8, "x"));
  static final List<Reason> OWN_ONLY = List.of(new Reason("cot_elicitation", 0.3, "x"));

  /** An account's own assessment with a harvest tell of its own (activity around the clock). */
  static AccountAssessment own(double score, long requests) {
    return new AccountAssessment("a", score, requests, List.of(new Reason("no_daily_cycle", 0.3, "x")));
  }

  static Verdict decide(AccountAssessment own, double lifted, Verdict campaign, List<Reason> reasons) {
    return DetectionPipeline.decide(CONFIG, own, lifted, campaign, reasons);
  }

  @Test
  void aLoneAccountIsEnforcedOnlyWithCrossAccountEvidenceAndEnoughRequests() {
    assertThat(decide(own(0.8, 20), 0.8, null, SHARED_FAMILY)).isEqualTo(Verdict.ATTACK);
    assertThat(decide(own(0.8, 20), 0.8, null, OWN_ONLY)).isEqualTo(Verdict.SUSPICIOUS);
    assertThat(decide(own(0.8, 9), 0.8, null, SHARED_FAMILY)).isEqualTo(Verdict.SUSPICIOUS);
    assertThat(decide(own(0.5, 20), 0.5, null, SHARED_FAMILY)).isEqualTo(Verdict.SUSPICIOUS);
    assertThat(decide(own(0.2, 20), 0.2, null, SHARED_FAMILY)).isEqualTo(Verdict.BENIGN);
  }

  @Test
  void aFamilySharedWithACampaign_neverEnforcesAnAccountWithoutAHarvestTellOfItsOwn() {
    // a developer on the campaign's tool: all tool use, large output limits, most traffic in the tool's family
    AccountAssessment dev = new AccountAssessment("a", 0.72, 20, List.of(
        new Reason("shared_template_family", 0.585, "x"), new Reason("capability_concentration", 0.2, "x"),
        new Reason("maximal_budgets", 0.15, "x")));
    assertThat(decide(dev, 0.72, null, dev.reasons())).isEqualTo(Verdict.SUSPICIOUS);
    // the same with reasoning elicited in a fifth of its requests
    List<Reason> told = new java.util.ArrayList<>(dev.reasons());
    told.add(new Reason("cot_elicitation", 0.06, "x"));
    AccountAssessment harvester = new AccountAssessment("a", 0.74, 20, told);
    assertThat(decide(harvester, 0.74, null, told)).isEqualTo(Verdict.ATTACK);
  }

  @Test
  void anEnforcedCampaignLiftsAMemberThatLooksLikeAHarvesterOnItsOwn() {
    // its own score would only be reviewed; the campaign's lift, and five requests of its own, enforce it
    assertThat(decide(own(0.45, 5), 0.9, Verdict.ATTACK, MEMBER)).isEqualTo(Verdict.ATTACK);
    assertThat(decide(own(0.45, 4), 0.9, Verdict.ATTACK, MEMBER)).isEqualTo(Verdict.SUSPICIOUS);
    // one that looks ordinary on its own is only reviewed
    assertThat(decide(own(0.25, 50), 0.9, Verdict.ATTACK, MEMBER)).isEqualTo(Verdict.SUSPICIOUS);
  }

  @Test
  void aCampaignUnderReviewNeverEnforcesItsMembers() {
    // lifted over the attack threshold by a campaign under review, with a shared family of its own: reviewed
    assertThat(decide(own(0.45, 50), 0.75, Verdict.SUSPICIOUS, SHARED_FAMILY)).isEqualTo(Verdict.SUSPICIOUS);
    // one that is an attack on its own stays one
    assertThat(decide(own(0.75, 50), 0.85, Verdict.SUSPICIOUS, SHARED_FAMILY)).isEqualTo(Verdict.ATTACK);
    // the request minimum of a lone account holds for it (an enforced campaign's does not apply)
    assertThat(decide(own(0.75, 6), 0.85, Verdict.SUSPICIOUS, SHARED_FAMILY)).isEqualTo(Verdict.SUSPICIOUS);
  }
}
