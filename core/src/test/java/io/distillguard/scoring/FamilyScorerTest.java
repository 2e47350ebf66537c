package io.distillguard.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.scoring.FamilyUsage.Standing;
import io.distillguard.state.FamilySketch;
import org.junit.jupiter.api.Test;

class FamilyScorerTest {

  private final FamilyScorer scorer = new FamilyScorer();
  private final FamilySketch sketch = new FamilySketch("tf-1");

  /** A campaign: {@code n} unrelated owners' accounts devoted to the family, harvest-like on their own. */
  private static void campaign(FamilyUsage u, int n, Standing standing) {
    for (int i = 0; i < n; i++) {
      u.add(200, 220, 0.7, "pay:h" + i, standing);
    }
  }

  @Test
  void manyUnrelatedHarvestLikeOwnersMakeAFamilySuspicious_oneOwnerDoesNot() {
    FamilyUsage shared = new FamilyUsage();
    campaign(shared, 40, Standing.TELLS);
    assertThat(scorer.assess(sketch, shared).suspicion()).isEqualTo(1.0);

    FamilyUsage own = new FamilyUsage();
    for (int i = 0; i < 40; i++) {
      own.add(200, 220, 0.7, "org:one", Standing.TELLS);
    }
    assertThat(scorer.assess(sketch, own).suspicion()).isZero();
  }

  @Test
  void aTemplateThatManyOrdinaryUsersDevoteThemselvesToIsCommonGround_evenWhenACampaignRidesIt() {
    FamilyUsage tool = new FamilyUsage();
    campaign(tool, 40, Standing.TELLS);
    for (int i = 0; i < 300; i++) { // developers running one coding agent: watched for days, no tell of their own
      tool.add(60, 80, 0.3, "pay:dev" + i, Standing.CLEAR);
    }
    FamilyAssessment a = scorer.assess(sketch, tool);
    assertThat(a.suspicion()).isLessThan(0.2);
    assertThat(a.describe()).contains("40 of 340 judged devoted accounts show a harvest tell of their own");
  }

  @Test
  void aCampaignsFamilyKeepsItsSuspicionBeforeItsAccountsCanBeJudged() {
    FamilyUsage early = new FamilyUsage();
    campaign(early, 40, Standing.UNJUDGED);
    early.add(60, 80, 0.05, "pay:someone", Standing.CLEAR);
    assertThat(scorer.assess(sketch, early).suspicion()).isGreaterThanOrEqualTo(0.7);
  }
}
