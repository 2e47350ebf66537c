package io.distillguard.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.distillguard.event.AccountInfo;
import io.distillguard.event.ClientInfo;
import io.distillguard.event.Event;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Tier;
import io.distillguard.features.Capability;
import io.distillguard.features.CotSignal;
import io.distillguard.features.RequestFeatures;
import io.distillguard.state.AccountSketch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AccountScorerTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  /**
   * An account of {@code n} requests an hour apart, the first {@code harvest} of them reasoning (the rest general), the
   * first {@code cot} of them eliciting reasoning.
   */
  private static AccountSketch account(int n, int harvest, int cot) {
    return account(n, harvest, cot, new ClientInfo("203.0.113.7", 64500L, "Example", "sdk/1", "t13d_1", "direct"));
  }

  /** As above, every request from {@code client}. */
  private static AccountSketch account(int n, int harvest, int cot, ClientInfo client) {
    return account(n, harvest, cot, client, n);
  }

  /** As above, the requests spread over {@code tasks} tasks (first user messages), as turns of agent runs. */
  private static AccountSketch account(int n, int harvest, int cot, ClientInfo client, int tasks) {
    return account(n, harvest, cot, client, tasks, new CotSignal(0.9, false));
  }

  /** As above, the eliciting requests scored {@code signal}. */
  private static AccountSketch account(int n, int harvest, int cot, ClientInfo client, int tasks, CotSignal signal) {
    AccountSketch a = new AccountSketch("acct-1");
    AccountInfo info = new AccountInfo(T0.minus(Duration.ofDays(40)), Tier.INDIVIDUAL, false, "pf-1", "mail.example",
        "SG");
    for (int i = 0; i < n; i++) {
      Request q = new Request("model-1", null, null, List.of(Message.text("user", "p" + (i % tasks))), List.of(), 1000,
          null, null, null, null, null, null);
      Event e = new Event("ev-" + i, T0.plus(Duration.ofHours(i)), "acct-1", "org-1", null, null, info, client, q,
          null);
      Capability c = i < harvest ? Capability.REASONING : Capability.GENERAL;
      a.update(new RequestFeatures(e, new long[] {i}, 0L, c, i < cot ? signal : CotSignal.NONE, 100,
          false, 0), null);
    }
    return a;
  }

  private static Optional<Reason> reason(AccountAssessment a, String signal) {
    return a.reasons().stream().filter(r -> r.signal().equals(signal)).findFirst();
  }

  @Test
  void capabilityConcentrationCountsInProportionBelowTenRequests() {
    AccountScorer scorer = new AccountScorer();
    // under five requests a share says nothing
    assertThat(reason(scorer.profile(account(4, 4, 0)), "capability_concentration")).isEmpty();
    // all reasoning: full weight at ten requests and more, n/10 of it below
    for (int n = 5; n <= 12; n++) {
      double w = reason(scorer.profile(account(n, n, 0)), "capability_concentration").orElseThrow().weight();
      assertThat(w).as("n=%d", n).isCloseTo(AccountScorer.CONCENTRATION_WEIGHT * Math.min(1, n / 10.0),
          within(1e-9));
    }
    // a share at or under 60% harvest capabilities is ordinary, however many requests
    assertThat(reason(scorer.profile(account(10, 6, 0)), "capability_concentration")).isEmpty();
    assertThat(reason(scorer.profile(account(8, 4, 0)), "capability_concentration")).isEmpty();
  }

  @Test
  void elicitationShare_countsInFullFromHalfOfSustainedTrafficOverManyTasks_andInProportionOtherwise() {
    AccountScorer scorer = new AccountScorer();
    int n = AccountScorer.RHYTHM_MIN_REQUESTS * 2;
    // sustained traffic: the weight grows with the share until half the requests, then stays
    double quarter = reason(scorer.profile(account(n, n, n / 4)), "cot_elicitation").orElseThrow().weight();
    double half = reason(scorer.profile(account(n, n, n / 2)), "cot_elicitation").orElseThrow().weight();
    double all = reason(scorer.profile(account(n, n, n)), "cot_elicitation").orElseThrow().weight();
    assertThat(quarter).isCloseTo(AccountScorer.COT_WEIGHT / 2, within(1e-9));
    assertThat(half).isCloseTo(AccountScorer.COT_WEIGHT, within(1e-9));
    assertThat(all).isEqualTo(half);
    ClientInfo client = new ClientInfo("203.0.113.7", 64500L, "Example", "sdk/1", "t13d_1", "direct");
    // the same share from the turns of two agent runs (two tasks) is two samples: the plain share counts
    assertThat(reason(scorer.profile(account(n, n, n / 2, client, 2)), "cot_elicitation").orElseThrow().weight())
        .isCloseTo(AccountScorer.COT_WEIGHT / 2, within(1e-9));
    // high only with a reasoning budget's help (the budget has its own signal): half of the plain share counts
    assertThat(reason(scorer.profile(account(n, n, n / 4, client, n, new CotSignal(0.65, false, false))),
        "cot_elicitation").orElseThrow().weight()).isCloseTo(AccountScorer.COT_WEIGHT / 8, within(1e-9));
    // sustained requests that ask for the reasoning in full in one way only count as asked: half of them is all
    assertThat(reason(scorer.profile(account(n, n, n / 2, client, n, new CotSignal(0.4, false, false, true))),
        "cot_elicitation").orElseThrow().weight()).isCloseTo(AccountScorer.COT_WEIGHT, within(1e-9));
    // in a few requests, worded ones alone are no reason (they add to the plain share of an account that has one)
    int some = AccountScorer.RHYTHM_MIN_REQUESTS - 4;
    assertThat(reason(scorer.profile(account(some, some, some / 2, client, some,
        new CotSignal(0.4, false, false, true))), "cot_elicitation")).isEmpty();
    // "step by step" alone (some elicitation, not worded) does not, however sustained
    assertThat(reason(scorer.profile(account(n, n, n, client, n, new CotSignal(0.35, false, false, false))),
        "cot_elicitation")).isEmpty();
    // a few requests are too small a sample to round up: the plain share counts
    int few = AccountScorer.RHYTHM_MIN_REQUESTS - 4;
    assertThat(reason(scorer.profile(account(few, few, few / 2)), "cot_elicitation").orElseThrow().weight())
        .isCloseTo(AccountScorer.COT_WEIGHT * (few / 2) / few, within(1e-9));
  }

  @Test
  void harvestTells_areTheProfileWithoutWhatTheAccountAsksFor() {
    AccountScorer scorer = new AccountScorer();
    // all reasoning, no elicitation, few requests (no rhythm yet): capability concentration alone
    AccountAssessment content = scorer.profile(account(12, 12, 0));
    assertThat(content.score()).isGreaterThan(0);
    assertThat(AccountScorer.harvestTells(content)).isZero();
    // the same with chain-of-thought elicitation in a third of its requests: that is a tell
    AccountAssessment eliciting = scorer.profile(account(12, 12, 4));
    assertThat(AccountScorer.harvestTells(eliciting)).isCloseTo(
        reason(eliciting, "cot_elicitation").orElseThrow().weight(), within(1e-9));
    // dampings apply to the tells as to the score: a damping alone is no tell
    AccountAssessment damped = new AccountAssessment("a", 0.2, 50, List.of(
        new Reason("capability_concentration", 0.2, "x"), new Reason("human_daily_cycle", -0.25, "y")));
    assertThat(AccountScorer.harvestTells(damped)).isZero();
    AccountAssessment dampedTell = new AccountAssessment("a", 0.3, 50, List.of(
        new Reason("no_daily_cycle", 0.3, "x"), new Reason("established_verified_account", -0.4, "y")));
    assertThat(AccountScorer.harvestTells(dampedTell)).isCloseTo(0.3 * 0.6, within(1e-9));
  }

  @Test
  void theTurnsOfOneTaskAreOneSample_untilThereAreEnoughOfThemForARhythm() {
    AccountScorer scorer = new AccountScorer();
    ClientInfo home = new ClientInfo("198.51.100.7", 7922L, "Comcast", "sdk/1", "t13d_1", "direct");
    // nine turns of one agent run whose task asks for the reasoning: says nothing about the account yet
    AccountAssessment oneRun = scorer.profile(account(9, 9, 9, home, 1));
    assertThat(reason(oneRun, "cot_elicitation")).isEmpty();
    assertThat(reason(oneRun, "capability_concentration")).isEmpty();
    assertThat(AccountScorer.harvestTells(oneRun)).isZero();
    // two runs: a share of two samples counts
    assertThat(reason(scorer.profile(account(9, 9, 9, home, 2)), "cot_elicitation")).isPresent();
    // one task sent as often as a rhythm needs is judged all the same (a constant first message hides nothing)
    assertThat(reason(scorer.profile(account(AccountScorer.RHYTHM_MIN_REQUESTS, 24, 24, home, 1)),
        "cot_elicitation")).isPresent();
  }

  /** {@code n} reasoning requests an hour apart, the first {@code cot} eliciting reasoning, all in family tf-1. */
  private static AccountSketch inFamily(int n, int cot) {
    AccountSketch a = new AccountSketch("acct-3");
    AccountInfo info = new AccountInfo(T0.minus(Duration.ofDays(40)), Tier.INDIVIDUAL, false, "pf-3", null, "SG");
    ClientInfo client = new ClientInfo("203.0.113.9", 64500L, "Example", "sdk/1", "t13d_1", "direct");
    for (int i = 0; i < n; i++) {
      Request q = new Request("model-1", null, null, List.of(Message.text("user", "p" + i)), List.of(), 1000, null,
          null, null, null, null, null);
      Event e = new Event("f-" + i, T0.plus(Duration.ofHours(i)), "acct-3", "org-3", null, null, info, client, q, null);
      a.update(new RequestFeatures(e, new long[] {i}, 0L, Capability.REASONING,
          i < cot ? new CotSignal(0.9, false) : CotSignal.NONE, 100, false, 0), "tf-1");
    }
    return a;
  }

  @Test
  void familyEvidence_forAnAccountWithoutATell_isScaledByTheShareOfTheFamilysDevotedUsersShowingOne() {
    AccountScorer scorer = new AccountScorer();
    // a suspicious family that 100 accounts devote themselves to, 20 of them showing a harvest tell of their own (a
    // popular template a campaign rides): it says little about a user that behaves like the other 80
    FamilyAssessment common = new FamilyAssessment("tf-1", 0.8, 5000, 400, 390, 100, 64, 20, 60, 0.4, 12.5, 1, 0.3,
        0, 0.5);
    FamilyAssessment campaign = new FamilyAssessment("tf-1", 0.8, 5000, 400, 390, 100, 64, 98, 0, 0.6, 12.5, 1, 0.9,
        0, 1);
    AccountSketch plain = inFamily(12, 0);
    AccountSketch eliciting = inFamily(12, 6);
    assertThat(AccountScorer.harvestTells(scorer.profile(plain))).isZero();
    assertThat(AccountScorer.harvestTells(scorer.profile(eliciting))).isPositive();
    double plainCommon = familyWeight(scorer, plain, common);
    double plainCampaign = familyWeight(scorer, plain, campaign);
    double elicitingCommon = familyWeight(scorer, eliciting, common);
    assertThat(elicitingCommon).isCloseTo(AccountScorer.FAMILY_WEIGHT * 0.8, within(1e-3)); // its own tell: in full
    // tell shares 20 / 102 and 98 / 102, in steps of 0.05; squared, as for any account without a tell (below)
    assertThat(plainCommon).isCloseTo(AccountScorer.FAMILY_WEIGHT * Math.pow(0.8 * 0.15, 2), within(1e-4));
    assertThat(plainCampaign).isCloseTo(AccountScorer.FAMILY_WEIGHT * Math.pow(0.8 * 0.95, 2), within(1e-4));
  }

  /**
   * An account that shows no tell of its own and shares a template with a campaign in half its traffic (a student
   * whose homework phrasing a campaign's wrapper resembles) is suspect by association only: its family evidence is the
   * square of its weighted share, early or late; an account that sends little else still weighs as much, and one with
   * a tell of its own counts its share in full.
   */
  @Test
  void familyEvidence_withoutATellOfItsOwn_isSquared_untilItSendsLittleElse() {
    AccountScorer scorer = new AccountScorer();
    FamilyAssessment campaign = new FamilyAssessment("tf-1", 0.8, 5000, 400, 390, 100, 64, 98, 0, 0.6, 12.5, 1, 0.9,
        0, 1);
    double share = 0.8 * 0.95; // tell share 98 / 102 in steps of 0.05
    AccountSketch student = officeHours(30, 15);
    assertThat(AccountScorer.standing(student, scorer.profile(student))).isEqualTo(FamilyUsage.Standing.CLEAR);
    assertThat(familyWeight(scorer, student, campaign))
        .isCloseTo(AccountScorer.FAMILY_WEIGHT * (share / 2) * (share / 2), within(1e-3));
    AccountSketch early = officeHours(12, 6);
    assertThat(AccountScorer.standing(early, scorer.profile(early))).isEqualTo(FamilyUsage.Standing.UNJUDGED);
    assertThat(familyWeight(scorer, early, campaign))
        .isCloseTo(AccountScorer.FAMILY_WEIGHT * (share / 2) * (share / 2), within(1e-3));
    AccountSketch devoted = officeHours(30, 30);
    assertThat(familyWeight(scorer, devoted, campaign)).isCloseTo(AccountScorer.FAMILY_WEIGHT * share * share,
        within(1e-3));
    // its own tell (elicitation in half its requests): its share, unweighted by the tell share, in full
    AccountSketch eliciting = inFamily(12, 6);
    assertThat(AccountScorer.harvestTells(scorer.profile(eliciting))).isPositive();
    assertThat(familyWeight(scorer, eliciting, campaign)).isCloseTo(AccountScorer.FAMILY_WEIGHT * 0.8, within(1e-3));
    // the explanation says which rule applied
    java.util.Map<String, FamilyAssessment> fams = java.util.Map.of("tf-1", campaign);
    assertThat(reason(scorer.assess(scorer.profile(devoted), devoted, fams, id -> id), "shared_template_family")
        .orElseThrow().detail()).contains("shows no harvest tell of its own").contains("(95% for the strongest), then"
            + " squared");
    assertThat(reason(scorer.assess(scorer.profile(eliciting), eliciting, fams, id -> id), "shared_template_family")
        .orElseThrow().detail()).doesNotContain("squared").doesNotContain("tell");
  }

  /**
   * An account without a tell of its own whose requests hop between several of a campaign's wrappers (distinct
   * families nearly all of whose devoted accounts show a tell), over many tasks, counts its family evidence in full:
   * no coincidence explains that. The turns of one conversation quoting a campaign's question, two families, templates
   * that ordinary users share, or a small part of its traffic stay squared.
   */
  @Test
  void familyEvidence_ofAnAccountHoppingBetweenACampaignsWrappers_countsInFull() {
    AccountScorer scorer = new AccountScorer();
    double share = 0.8 * 0.95 * 8 / 12; // 8 of 12 requests in families of suspicion 0.8, tell share 0.95
    String[] three = {"tf-1", "tf-2", "tf-3", "tf-1", "tf-2", "tf-3", "tf-1", "tf-2"};
    Map<String, FamilyAssessment> campaign = wrappers(98);
    AccountSketch hops = hopping(12, three, 12);
    assertThat(AccountScorer.harvestTells(scorer.profile(hops))).isZero();
    AccountAssessment assessed = scorer.assess(scorer.profile(hops), hops, campaign, id -> id);
    Reason r = reason(assessed, "shared_template_family").orElseThrow();
    assertThat(r.weight()).isCloseTo(AccountScorer.FAMILY_WEIGHT * share, within(1e-3));
    assertThat(r.detail()).contains("in full as 8 of its requests").contains("hop between 3 campaign-like families")
        .doesNotContain("squared");

    // one conversation's turns: one task
    assertThat(hoppingWeight(scorer, hopping(12, three, 1), campaign))
        .isCloseTo(AccountScorer.FAMILY_WEIGHT * share * share, within(1e-3));
    // two families
    String[] two = {"tf-1", "tf-2", "tf-1", "tf-2", "tf-1", "tf-2", "tf-1", "tf-2"};
    assertThat(hoppingWeight(scorer, hopping(12, two, 12), campaign))
        .isCloseTo(AccountScorer.FAMILY_WEIGHT * share * share, within(1e-3));
    // families that half their devoted accounts use without a tell: common ground a campaign rides
    double common = 0.8 * 0.5 * 8 / 12;
    assertThat(hoppingWeight(scorer, hops, wrappers(51)))
        .isCloseTo(AccountScorer.FAMILY_WEIGHT * common * common, within(1e-3));
    // a third of its traffic
    double third = 0.8 * 0.95 * 4 / 12;
    assertThat(hoppingWeight(scorer, hopping(12, new String[] {"tf-1", "tf-2", "tf-3", "tf-1"}, 12), campaign))
        .isCloseTo(AccountScorer.FAMILY_WEIGHT * third * third, within(1e-3));
  }

  @Test
  void familyShare_ofTurnsOfOneConversation_countsByTask() {
    AccountScorer scorer = new AccountScorer();
    FamilyAssessment campaign = new FamilyAssessment("tf-1", 0.8, 5000, 400, 390, 100, 64, 98, 0, 0.6, 12.5, 1, 0.9,
        0, 0.5);
    // five turns of one conversation that quotes a campaign's question, among five other tasks: the family holds
    // half of the requests but one task of six
    AccountSketch turns = conversation(5, 5, true);
    AccountSketch separate = conversation(5, 5, false);
    assertThat(turns.templatedTasks()).isEqualTo(1);
    assertThat(turns.tasks()).isBetween(5, 6); // 64 buckets of task keys: two may share one
    assertThat(AccountScorer.byTask(turns)).isCloseTo((1.0 / turns.tasks()) / (5.0 / 10), within(1e-9));
    assertThat(AccountScorer.byTask(separate)).isEqualTo(1.0);
    assertThat(AccountScorer.byTask(conversation(0, 5, true))).as("nothing templated").isEqualTo(1.0);
    double one = familyWeight(scorer, turns, campaign);
    double five = familyWeight(scorer, separate, campaign);
    assertThat(five).isGreaterThan(0);
    assertThat(one).isLessThan(0.5 * five);
    assertThat(scorer.assess(scorer.profile(turns), turns, Map.of("tf-1", campaign), id -> id).reasons().stream()
        .filter(r -> r.signal().equals("shared_template_family")).findFirst().orElseThrow().detail())
        .contains("counted by task (its templated requests come from 1 of its " + turns.tasks() + " tasks)");
  }

  /**
   * Four turns of one conversation whose prompt asks for the reasoning behind answers it gives, beside two other
   * tasks, are one asking task of three: the elicitation and reconstruction shares count by task (half of what four
   * asking tasks of six would weigh), and the reasons say so.
   */
  @Test
  void askingShares_ofTurnsOfOneConversation_countByTask() {
    AccountScorer scorer = new AccountScorer();
    CotSignal asking = new CotSignal(CotSignal.HIGH, true, true, true);
    AccountSketch turns = conversation(4, 2, true, asking, null);
    AccountSketch separate = conversation(4, 2, false, asking, null);
    assertThat(turns.cotAskedTasks()).isEqualTo(1);
    assertThat(turns.tasks()).isEqualTo(3);
    assertThat(separate.cotAskedTasks()).isEqualTo(4);
    assertThat(AccountScorer.askingByTask(turns)).isCloseTo((1.0 / 3) / (4.0 / 6), within(1e-9));
    assertThat(AccountScorer.askingByTask(separate)).isEqualTo(1.0);
    assertThat(AccountScorer.askingByTask(conversation(0, 6, false, asking, null))).as("none asks").isEqualTo(1.0);
    for (String signal : List.of("reasoning_reconstruction", "cot_elicitation")) {
      Reason one = reason(scorer.profile(turns), signal).orElseThrow();
      Reason four = reason(scorer.profile(separate), signal).orElseThrow();
      assertThat(one.weight()).as(signal).isCloseTo(0.5 * four.weight(), within(1e-9));
      assertThat(one.detail()).contains("4 of 6 requests (67%; counted by task as 50% of it: they come from 1 of its"
          + " 3 tasks)");
      assertThat(four.detail()).contains("4 of 6 requests (67%)");
    }
  }

  /**
   * {@code templated} requests in family tf-1 (turns of one conversation when {@code oneTask}, else each its own
   * task), then {@code others} requests of their own tasks in no family; office hours.
   */
  private static AccountSketch conversation(int templated, int others, boolean oneTask) {
    return conversation(templated, others, oneTask, CotSignal.NONE, "tf-1");
  }

  /** As above, the first {@code templated} requests with signal {@code cot} and in {@code family} (null: none). */
  private static AccountSketch conversation(int templated, int others, boolean oneTask, CotSignal cot,
      String family) {
    AccountSketch a = new AccountSketch("acct-6");
    AccountInfo info = new AccountInfo(T0.minus(Duration.ofDays(400)), Tier.INDIVIDUAL, false, "pf-6", null, "SG");
    ClientInfo home = new ClientInfo("198.51.100.6", 7922L, "Comcast", "sdk/1", "t13d_1", "direct");
    for (int i = 0; i < templated + others; i++) {
      String first = i < templated ? (oneTask ? "the quoted question" : "quoted question " + i) : "own task " + i;
      Request q = new Request("model-1", null, null, List.of(Message.text("user", first)), List.of(), 1000, null,
          null, null, null, null, null);
      Instant at = T0.plus(Duration.ofHours(9 + i));
      a.update(new RequestFeatures(new Event("c-" + i, at, "acct-6", "org-6", null, null, info, home, q, null),
          new long[] {i}, 0L, Capability.REASONING, i < templated ? cot : CotSignal.NONE, 100, false, 0),
          i < templated ? family : null);
    }
    return a;
  }

  /** Families tf-1, tf-2 and tf-3 of suspicion 0.8, each with 100 devoted accounts, {@code tells} of them with a tell. */
  private static Map<String, FamilyAssessment> wrappers(int tells) {
    Map<String, FamilyAssessment> m = new java.util.HashMap<>();
    for (String id : List.of("tf-1", "tf-2", "tf-3")) {
      m.put(id, new FamilyAssessment(id, 0.8, 5000, 400, 390, 100, 64, tells, 100 - tells, 0.6, 12.5, 1, 0.9, 0, 1));
    }
    return m;
  }

  private static double hoppingWeight(AccountScorer scorer, AccountSketch a, Map<String, FamilyAssessment> families) {
    return reason(scorer.assess(scorer.profile(a), a, families, id -> id), "shared_template_family")
        .map(Reason::weight).orElse(0.0);
  }

  /**
   * {@code n} reasoning requests in office hours over {@code tasks} tasks (first user messages), the i-th in family
   * {@code fams[i]} while there is one, the rest in none.
   */
  private static AccountSketch hopping(int n, String[] fams, int tasks) {
    AccountSketch a = new AccountSketch("acct-4");
    AccountInfo info = new AccountInfo(T0.minus(Duration.ofDays(3)), Tier.FREE, false, "pf-4", "mail.example", "US");
    ClientInfo home = new ClientInfo("198.51.100.8", 7922L, "Comcast", "sdk/1", "t13d_1", "direct");
    for (int i = 0; i < n; i++) {
      Request q = new Request("model-1", null, null, List.of(Message.text("user", "question " + (i % tasks))),
          List.of(), 1000, null, null, null, null, null, null);
      Instant at = T0.plus(Duration.ofDays(i / 10)).plus(Duration.ofHours(9 + i % 10));
      a.update(new RequestFeatures(new Event("h-" + i, at, "acct-4", "org-4", null, null, info, home, q, null),
          new long[] {i}, 0L, Capability.REASONING, CotSignal.NONE, 100, false, 0), i < fams.length ? fams[i] : null);
    }
    return a;
  }

  /**
   * {@code n} reasoning requests in office hours (ten a day from 9:00); every second one in family tf-1 until
   * {@code inFamily} are (all of them when {@code inFamily == n}).
   */
  private static AccountSketch officeHours(int n, int inFamily) {
    AccountSketch a = new AccountSketch("acct-3");
    AccountInfo info = new AccountInfo(T0.minus(Duration.ofDays(400)), Tier.INDIVIDUAL, false, "pf-3", null, "SG");
    ClientInfo home = new ClientInfo("198.51.100.7", 7922L, "Comcast", "sdk/1", "t13d_1", "direct");
    int placed = 0;
    for (int i = 0; i < n; i++) {
      Request q = new Request("model-1", null, null, List.of(Message.text("user", "p" + i)), List.of(), 1000, null,
          null, null, null, null, null);
      Instant at = T0.plus(Duration.ofDays(i / 10)).plus(Duration.ofHours(9 + i % 10));
      boolean in = placed < inFamily && (inFamily == n || i % 2 == 0);
      placed += in ? 1 : 0;
      a.update(new RequestFeatures(new Event("o-" + i, at, "acct-3", "org-3", null, null, info, home, q, null),
          new long[] {i}, 0L, Capability.REASONING, CotSignal.NONE, 100, false, 0), in ? "tf-1" : null);
    }
    return a;
  }

  private static double familyWeight(AccountScorer scorer, AccountSketch a, FamilyAssessment f) {
    AccountAssessment assessed = scorer.assess(scorer.profile(a), a, java.util.Map.of("tf-1", f), id -> id);
    return reason(assessed, "shared_template_family").map(Reason::weight).orElse(0.0);
  }

  @Test
  void standing_isATell_orNoneAfterEnoughTrafficToJudge_orTooEarly() {
    AccountScorer scorer = new AccountScorer();
    AccountSketch early = account(12, 12, 0);
    assertThat(AccountScorer.standing(early, scorer.profile(early))).isEqualTo(FamilyUsage.Standing.UNJUDGED);
    AccountSketch eliciting = account(12, 12, 4);
    assertThat(AccountScorer.standing(eliciting, scorer.profile(eliciting))).isEqualTo(FamilyUsage.Standing.TELLS);
    // a developer: office hours on three days, all reasoning, nothing else
    AccountSketch dev = new AccountSketch("acct-2");
    AccountInfo info = new AccountInfo(T0.minus(Duration.ofDays(400)), Tier.INDIVIDUAL, false, "pf-2", null, "SG");
    ClientInfo home = new ClientInfo("198.51.100.7", 7922L, "Comcast", "sdk/1", "t13d_1", "direct");
    for (int i = 0; i < 30; i++) {
      Request q = new Request("model-1", null, null, List.of(Message.text("user", "p" + i)), List.of(), 1000, null,
          null, null, null, null, null);
      Instant at = T0.plus(Duration.ofDays(i / 10)).plus(Duration.ofHours(9 + i % 10));
      dev.update(new RequestFeatures(new Event("d-" + i, at, "acct-2", "org-2", null, null, info, home, q, null),
          new long[] {i}, 0L, Capability.REASONING, CotSignal.NONE, 100, false, 0), null);
    }
    AccountAssessment devProfile = scorer.profile(dev);
    assertThat(devProfile.score()).isGreaterThan(0); // what it asks for
    assertThat(AccountScorer.standing(dev, devProfile)).isEqualTo(FamilyUsage.Standing.CLEAR);
  }

  /**
   * A human daily cycle dampens an account's score, but not when its requests come through a proxy pool: a relay's
   * daily cycle is its end users', not one person's.
   */
  @Test
  void aHumanDailyCycle_dampens_unlessTheTrafficComesThroughAProxyPool() {
    AccountScorer scorer = new AccountScorer();
    AccountAssessment home = scorer.profile(officeDays(60, false));
    assertThat(reason(home, "human_daily_cycle")).hasValueSatisfying(r -> assertThat(r.weight()).isNegative());
    assertThat(reason(home, "rotating_addresses")).isEmpty();
    AccountAssessment relayed = scorer.profile(officeDays(60, true));
    assertThat(reason(relayed, "rotating_addresses")).hasValueSatisfying(
        r -> assertThat(r.weight()).isCloseTo(AccountScorer.ROTATION_WEIGHT, within(1e-9)));
    assertThat(reason(relayed, "human_daily_cycle")).isEmpty();
    assertThat(relayed.score()).isCloseTo(AccountScorer.combine(relayed.reasons()), within(1e-9))
        .isGreaterThanOrEqualTo(AccountScorer.ROTATION_WEIGHT);
  }

  /**
   * {@code n} reasoning requests, twenty a day between 9:00 and 19:00 UTC, each from its own address range when
   * {@code relayed}, else all from one home address.
   */
  private static AccountSketch officeDays(int n, boolean relayed) {
    AccountSketch a = new AccountSketch("acct-5");
    AccountInfo info = new AccountInfo(T0.minus(Duration.ofDays(90)), Tier.INDIVIDUAL, false, "pf-5", "mail.example",
        "US");
    for (int i = 0; i < n; i++) {
      ClientInfo client = new ClientInfo(relayed ? "100." + (64 + i / 200) + "." + (i % 200) + ".9" : "198.51.100.9",
          7922L, "Comcast", "sdk/1", "t13d_1", "direct");
      Request q = new Request("model-1", null, null, List.of(Message.text("user", "task " + i)), List.of(), 1000, null,
          null, null, null, null, null);
      Instant at = T0.plus(Duration.ofDays(i / 20)).plus(Duration.ofMinutes(9 * 60 + 30 * (i % 20)));
      a.update(new RequestFeatures(new Event("d-" + i, at, "acct-5", "org-5", null, null, info, client, q, null),
          new long[] {i}, 0L, Capability.REASONING, CotSignal.NONE, 100, false, 0), null);
    }
    return a;
  }

  @Test
  void requestsStraightFromServers_areAHarvestTell_butNotThroughACloudPlatform() {
    AccountScorer scorer = new AccountScorer();
    ClientInfo vps = new ClientInfo("203.0.113.7", 24940L, "Hetzner", "sdk/1", "t13d_1", "direct");
    AccountAssessment fromVps = scorer.profile(account(12, 12, 0, vps));
    assertThat(reason(fromVps, "hosting_network").orElseThrow().weight())
        .isCloseTo(AccountScorer.HOSTING_WEIGHT, within(1e-9));
    assertThat(AccountScorer.harvestTells(fromVps)).isPositive();
    // the same traffic through a cloud's model platform comes from the platform's addresses: no tell
    ClientInfo bedrock = new ClientInfo("203.0.113.7", 16509L, "Amazon", "sdk/1", "t13d_1", "cloud:aws-bedrock");
    assertThat(reason(scorer.profile(account(12, 12, 0, bedrock)), "hosting_network")).isEmpty();
    // nor from a home network, nor from fewer than five requests
    assertThat(reason(scorer.profile(account(12, 12, 0)), "hosting_network")).isEmpty();
    assertThat(reason(scorer.profile(account(4, 4, 0, vps)), "hosting_network")).isEmpty();
  }

  @Test
  void profileIsTheNoisyOrOfItsReasons() {
    AccountScorer scorer = new AccountScorer();
    SplittableRandom r = new SplittableRandom(7);
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + r.nextInt(30);
      AccountAssessment p = scorer.profile(account(n, r.nextInt(n + 1), r.nextInt(n + 1)));
      double keep = 1;
      for (Reason reason : p.reasons()) {
        assertThat(reason.weight()).isPositive(); // no legitimacy markers in these accounts
        keep *= 1 - reason.weight();
      }
      assertThat(p.score()).isCloseTo(1 - keep, within(1e-9));
      assertThat(p.requests()).isEqualTo(n);
    }
  }

  @Test
  void chainOfThoughtAndConcentrationLiftAFewRequestAccountOverTheLinkFloor() {
    // eight requests, seven eliciting reasoning, seven of them reasoning tasks: the account a low-and-slow campaign
    // runs; its profile must reach the family link floor (0.3) before its tenth request
    AccountSketch a = account(8, 7, 7);
    AccountAssessment p = new AccountScorer().profile(a);
    assertThat(reason(p, "cot_elicitation")).isPresent();
    assertThat(reason(p, "capability_concentration")).isPresent();
    assertThat(p.score()).isGreaterThanOrEqualTo(0.3);
    // without the concentration signal it stays under the floor
    AccountAssessment without = new AccountScorer(s -> !s.equals("capability_concentration")).profile(a);
    assertThat(without.score()).isLessThan(0.3);
  }
}
