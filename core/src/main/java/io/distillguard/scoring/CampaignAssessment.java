package io.distillguard.scoring;

import io.distillguard.linking.Campaign;
import java.util.Map;

/**
 * A scored campaign and, for each member account, how much of the campaign's score lifts it: 1 for a member joined
 * through a shared template family, less for one joined through infrastructure only.
 */
public record CampaignAssessment(Campaign campaign, Map<String, Double> memberTies, boolean modelPivot) {
  public CampaignAssessment {
    memberTies = Map.copyOf(memberTies);
  }
}
