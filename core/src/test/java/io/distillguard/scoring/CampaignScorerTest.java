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

  /**
   * One payer behind many accounts is one operator; whether that operator harvests is in its accounts' own profiles:
   * harvesters who share cards are an enforceable campaign, a company whose ordinary staff share one card is not.
   */
  @Test
  void sharedPayment_isStrongAsMembersLookLikeHarvestersOnTheirOwn() {
    CampaignAssessment harvesters = paying(0.55);
    CampaignAssessment staff = paying(0.1);

    assertThat(weight(harvesters, "shared_payment")).isEqualTo(CampaignScorer.PAYMENT_WEIGHT);
    assertThat(weight(staff, "shared_payment")).isLessThan(CampaignScorer.PAYMENT_WEIGHT / 3);
    // (no traffic in this state, so compare scores with the threshold rather than verdicts)
    double attack = DetectionConfig.defaults().attackThreshold();
    assertThat(harvesters.campaign().score()).isGreaterThanOrEqualTo(attack);
    assertThat(staff.campaign().score()).isLessThan(attack);
    assertThat(harvesters.campaign().reasons()).filteredOn(r -> r.signal().equals("shared_payment"))
        .singleElement().satisfies(r -> assertThat(r.detail()).contains("40 of 40 members", "0.55 on average"));
  }

  /**
   * An address range is what a campaign's proxy exits share with the carrier's other customers: a member linked
   * through ranges alone shares in the campaign's score in full only when its own traffic shows harvesting (the
   * reasoning asked for) or a proxy pool (rotating ranges); a late-working customer with large budgets on the same
   * mobile ranges shares less, enough for review, not for enforcement.
   */
  @Test
  void membersLinkedThroughAddressRangesAlone_shareInFullOnlyWithATellOfTheirOwn() {
    List<String> ids = new ArrayList<>();
    Map<String, AccountAssessment> profiles = new HashMap<>();
    Map<String, List<String>> links = new HashMap<>();
    for (int i = 0; i < MEMBERS; i++) {
      String id = String.format("acct-%03d", i);
      ids.add(id);
      profiles.put(id, new AccountAssessment(id, 0.6, 500, List.of(new Reason("cot_elicitation", 0.3, "x"))));
      links.put(id, List.of("tf-1", "ip:100.64.1.0/24"));
    }
    List<Reason> lateWithBudgets = List.of(new Reason("no_daily_cycle", 0.2, "x"),
        new Reason("maximal_budgets", 0.15, "x"), new Reason("cot_elicitation", 0.05, "x"));
    member(ids, profiles, links, "neighbour", lateWithBudgets, "ip:100.64.1.0/24", "ip:100.64.7.0/24");
    member(ids, profiles, links, "asker", List.of(new Reason("cot_elicitation", 0.3, "x")), "ip:100.64.1.0/24");
    member(ids, profiles, links, "rotator", List.of(new Reason("rotating_addresses", 0.3, "x")), "ip:100.64.1.0/24");
    member(ids, profiles, links, "harness", lateWithBudgets, "ip:100.64.1.0/24", "cfg:0123456789abcdef");
    LinkedGroup g = new LinkedGroup(ids, Map.of("tf-1", MEMBERS), Map.of("ip:100.64.1.0/24", MEMBERS + 4),
        Set.copyOf(ids.subList(0, MEMBERS)), links);
    CampaignAssessment ca = new CampaignScorer(DetectionConfig.defaults())
        .score(g, new KeyedState(), profiles, profiles, Map.of(), 0L);

    assertThat(ca.memberTies().get("acct-000")).isEqualTo(CampaignScorer.FAMILY_TIE);
    assertThat(ca.memberTies().get("neighbour")).isEqualTo(CampaignScorer.ADDRESS_TIE);
    assertThat(ca.memberTies().get("asker")).isEqualTo(CampaignScorer.INFRASTRUCTURE_TIE);
    assertThat(ca.memberTies().get("rotator")).isEqualTo(CampaignScorer.INFRASTRUCTURE_TIE);
    assertThat(ca.memberTies().get("harness")).isEqualTo(CampaignScorer.INFRASTRUCTURE_TIE);
    assertThat(CampaignScorer.ADDRESS_TIE).isLessThan(CampaignScorer.INFRASTRUCTURE_TIE);
  }

  private static void member(List<String> ids, Map<String, AccountAssessment> profiles,
      Map<String, List<String>> links, String id, List<Reason> reasons, String... through) {
    ids.add(id);
    profiles.put(id, new AccountAssessment(id, 0.37, 30, reasons));
    links.put(id, List.of(through));
  }

  /** 40 members, each with this own profile score, in two payer groups of 20; their assessed scores equal it. */
  private static CampaignAssessment paying(double profile) {
    List<String> ids = new ArrayList<>();
    Map<String, AccountAssessment> profiles = new HashMap<>();
    for (int i = 0; i < MEMBERS; i++) {
      String id = String.format("acct-%03d", i);
      ids.add(id);
      profiles.put(id, new AccountAssessment(id, profile, 500, List.of()));
    }
    LinkedGroup g = new LinkedGroup(ids, Map.of(), Map.of("pay:pf-1", MEMBERS / 2, "pay:pf-2", MEMBERS / 2),
        Set.copyOf(ids));
    return new CampaignScorer(DetectionConfig.defaults()).score(g, new KeyedState(), profiles, profiles, Map.of(),
        0L);
  }

  private static double weight(CampaignAssessment ca, String signal) {
    return ca.campaign().reasons().stream().filter(r -> r.signal().equals(signal)).mapToDouble(Reason::weight)
        .findFirst().orElse(0);
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
