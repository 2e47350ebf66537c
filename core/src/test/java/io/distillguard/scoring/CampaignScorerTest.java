package io.distillguard.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.linking.CampaignLinker;
import io.distillguard.linking.LinkedGroup;
import io.distillguard.state.KeyedState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CampaignScorerTest {

  static final int MEMBERS = 40;

  /**
   * Lockstep is weighed by how harvest-like members are on their own: members who only look suspicious through a
   * template family they share with a campaign (a class's homework template) give weak lockstep evidence.
   */
  @Test
  void lockstepEvidence_followsMembersOwnProfiles_notScoresBorrowedFromSharedFamilies() {
    double borrowed = lockstepWeight(0.1, 0.5);
    double own = lockstepWeight(0.5, 0.5);
    assertThat(own).isGreaterThan(0.5);
    assertThat(borrowed).isLessThan(own / 3);
  }

  private static double lockstepWeight(double profile, double assessed) {
    List<String> ids = new ArrayList<>();
    Map<String, AccountAssessment> profiles = new HashMap<>();
    Map<String, AccountAssessment> base = new HashMap<>();
    for (int i = 0; i < MEMBERS; i++) {
      String id = String.format("acct-%03d", i);
      ids.add(id);
      profiles.put(id, new AccountAssessment(id, profile, 50, List.of()));
      base.put(id, new AccountAssessment(id, assessed, 50, List.of()));
    }
    LinkedGroup g = new LinkedGroup(ids, Map.of(CampaignLinker.LOCKSTEP, MEMBERS), Map.of(), Set.copyOf(ids));
    CampaignAssessment ca = new CampaignScorer(DetectionConfig.defaults())
        .score(g, new KeyedState(), profiles, base, Map.of(), 0L);
    return ca.campaign().reasons().stream().filter(r -> r.signal().equals("lockstep_families"))
        .mapToDouble(Reason::weight).findFirst().orElse(0);
  }
}
