package io.distillguard.scoring;

import io.distillguard.linking.Campaign;
import java.util.Map;

/**
 * A scored campaign and, for each member account, how much of the campaign's score lifts it: 1 for a member joined
 * through a shared template family, less for one joined through infrastructure only; and the links each member
 * joined through ({@link io.distillguard.linking.LinkedGroup#memberLinks}).
 */
public record CampaignAssessment(Campaign campaign, Map<String, Double> memberTies, boolean modelPivot,
    Map<String, java.util.List<String>> memberLinks) {
  public CampaignAssessment {
    memberTies = Map.copyOf(memberTies);
    memberLinks = Map.copyOf(memberLinks);
  }

  /** The links {@code member} joined through (empty when none is recorded). */
  public java.util.List<String> linksOf(String member) {
    return memberLinks.getOrDefault(member, java.util.List.of());
  }
}
