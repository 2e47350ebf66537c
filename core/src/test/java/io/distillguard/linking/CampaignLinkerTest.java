package io.distillguard.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.event.AccountInfo;
import io.distillguard.event.ClientInfo;
import io.distillguard.event.Event;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Tier;
import io.distillguard.features.Capability;
import io.distillguard.features.CotSignal;
import io.distillguard.features.RequestFeatures;
import io.distillguard.scoring.AccountAssessment;
import io.distillguard.scoring.FamilyAssessment;
import io.distillguard.scoring.Reason;
import io.distillguard.state.KeyedState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Family links of {@link CampaignLinker}, with lockstep and infrastructure links off. */
class CampaignLinkerTest {

  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  @Test
  void trafficSpreadOverSeveralSuspiciousFamilies_joinsTheGroupOfTheOneUsedMost() {
    // four accounts split half their traffic over three paraphrases of one template (2 requests each: none holds a
    // real part of it alone); a fifth sends only 2 of its 12 requests in them
    Fixture f = new Fixture();
    for (int a = 0; a < 4; a++) {
      f.account("spread-" + a, new String[] {"tf-3", "tf-3", "tf-1", "tf-1", "tf-2", "tf-2"}, 6);
    }
    f.account("light", new String[] {"tf-1", "tf-2"}, 10);
    f.suspicion("tf-1", 0.6).suspicion("tf-2", 0.6).suspicion("tf-3", 0.6);

    List<LinkedGroup> groups = f.link();

    assertThat(groups).hasSize(1);
    // ties in count go to the first family in id order
    assertThat(groups.get(0).accounts()).containsExactly("spread-0", "spread-1", "spread-2", "spread-3");
    assertThat(groups.get(0).families()).containsOnlyKeys("tf-1");
    // each member names the link it joined through; the families it touched but did not join are not links
    for (String m : groups.get(0).accounts()) {
      assertThat(groups.get(0).linksOf(m)).as(m).containsExactly("tf-1");
    }
  }

  @Test
  void establishedVerifiedAccounts_linkThroughADevotedFamilyButNotThroughASpread() {
    // an evaluation team runs many benchmark templates at volume: a spread over them is what it does
    Fixture f = new Fixture();
    for (int a = 0; a < 4; a++) {
      f.account("eval-" + a, new String[] {"tf-3", "tf-3", "tf-1", "tf-1", "tf-2", "tf-2"}, 6);
      f.established("eval-" + a);
    }
    f.suspicion("tf-1", 0.6).suspicion("tf-2", 0.6).suspicion("tf-3", 0.6);
    assertThat(f.link()).isEmpty();

    // devoted to one suspicious family, they are linked all the same
    Fixture devoted = new Fixture();
    for (int a = 0; a < 4; a++) {
      devoted.account("eval-" + a, new String[] {"tf-1", "tf-1", "tf-1", "tf-1", "tf-1", "tf-1"}, 6);
      devoted.established("eval-" + a);
    }
    devoted.suspicion("tf-1", 0.6);
    assertThat(devoted.link()).hasSize(1);
  }

  @Test
  void accountsAskingForTheReasoningInWords_joinTheirSuspiciousFamilyBelowTheHarvesterFloor() {
    // a campaign's accounts whose wrappers the wording lists mostly miss: half their requests in its wrapper family,
    // one asking in words for the reasoning in full; own profile 0.2 (under the 0.3 harvester floor), shared-family
    // evidence 0.35
    List<LinkedGroup> groups = asking(8, 1, 0.35).link();
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).accounts()).containsExactly("asks-0", "asks-1", "asks-2", "asks-3");
    assertThat(groups.get(0).families()).containsOnlyKeys("tf-1");
    // in more traffic, asking counts as a share: one request in 40 (2.5%) is within what ordinary traffic holds, two
    // (5%) are not
    assertThat(asking(40, 2, 0.35).link()).hasSize(1);
    assertThat(asking(40, 1, 0.35).link()).isEmpty();
    // none asks in words: a class whose homework template a campaign made suspicious
    assertThat(asking(8, 0, 0.35).link()).isEmpty();
    assertThat(asking(40, 0, 0.35).link()).isEmpty();
    // too little of its traffic in suspicious families
    assertThat(asking(8, 1, 0.25).link()).isEmpty();
    // nothing of its own but what it asks for (a tool's capability mix and output limits): no harvest tell
    Fixture toolUsers = asking(8, 1, 0.35);
    for (String id : toolUsers.ids) {
      AccountAssessment p = toolUsers.profiles.get(id);
      toolUsers.profiles.put(id, new AccountAssessment(id, 0.2, p.requests(), Fixture.CONTENT_ONLY));
      toolUsers.familyEvidence(id, 0.35);
    }
    assertThat(toolUsers.link()).isEmpty();
  }

  /**
   * Four accounts of {@code requests} requests, half in suspicious family tf-1, own profile 0.2 with a harvest tell,
   * the given shared-family evidence; the last {@code asking} requests ask in words for the reasoning.
   */
  private static Fixture asking(int requests, int asking, double familyEvidence) {
    Fixture f = new Fixture();
    for (int a = 0; a < 4; a++) {
      String id = "asks-" + a;
      String[] fams = new String[requests / 2];
      java.util.Arrays.fill(fams, "tf-1");
      f.account(id, fams, requests - fams.length - Math.max(1, asking), asking > 0);
      for (int k = 1; k < asking; k++) {
        f.asks(id);
      }
      f.profile(id, 0.2);
      f.familyEvidence(id, familyEvidence);
    }
    f.suspicion("tf-1", 0.9);
    return f;
  }

  @Test
  void accountsHoppingBetweenACampaignsWrappers_joinItsFamilies_withoutATellOfTheirOwn() {
    // a campaign's low-and-slow accounts whose wrappers no wording list reads: 6 of 9 requests in three wrapper
    // families that nearly all their devoted accounts use with a tell; what they ask for is all they show (profile
    // 0.2), or less (0.1: under every other link's floor)
    List<LinkedGroup> groups = hopping(new String[] {"tf-1", "tf-2", "tf-3", "tf-1", "tf-2", "tf-3"}, 98, 0.2).link();
    assertThat(groups).singleElement().satisfies(g -> {
      assertThat(g.accounts()).containsExactly("hop-0", "hop-1", "hop-2", "hop-3");
      assertThat(g.families()).containsOnlyKeys("tf-1");
    });
    assertThat(hopping(new String[] {"tf-1", "tf-2", "tf-3", "tf-1", "tf-2", "tf-3"}, 98, 0.1).link()).hasSize(1);
    // templates that a third of their devoted users send without a tell (a tool's prompts a campaign rides)
    assertThat(hopping(new String[] {"tf-1", "tf-2", "tf-3", "tf-1", "tf-2", "tf-3"}, 66, 0.2).link()).isEmpty();
    // two wrappers
    assertThat(hopping(new String[] {"tf-1", "tf-2", "tf-1", "tf-2", "tf-1", "tf-2"}, 98, 0.2).link()).isEmpty();
    // one: a class whose homework phrasing a campaign's wrapper resembles
    assertThat(hopping(new String[] {"tf-1", "tf-1", "tf-1", "tf-1", "tf-1", "tf-1"}, 98, 0.2).link()).isEmpty();
  }

  /**
   * Four accounts of 9 requests (each its own task), one per entry of {@code fams} and 3 more without a family, whose
   * profile shows no harvest tell (score {@code profile}); families tf-1 to tf-3 of suspicion 0.8 whose 100 devoted
   * accounts show a tell in {@code tells} cases.
   */
  private static Fixture hopping(String[] fams, int tells, double profile) {
    Fixture f = new Fixture();
    for (int a = 0; a < 4; a++) {
      String id = "hop-" + a;
      f.account(id, fams, 9 - fams.length);
      f.profiles.put(id, new AccountAssessment(id, profile, 9, Fixture.CONTENT_ONLY));
    }
    for (String fam : List.of("tf-1", "tf-2", "tf-3")) {
      f.families.put(fam, new FamilyAssessment(fam, 0.8, 900, 100, 100, 100, 64, tells, 100 - tells, 0.5, 9, 0.9, 0,
          0, 0.5));
    }
    return f;
  }

  @Test
  void accountsRotatingThroughAProxyPool_joinTheFamiliesATwentiethOfTheirTrafficIsSpreadOver() {
    // a reseller passes its customers' requests through: a fifth of each account's traffic spread over two of the
    // campaign's suspicious families, none a quarter of it
    assertThat(rotating(10, true).link()).singleElement()
        .satisfies(g -> assertThat(g.accounts()).containsExactly("rot-0", "rot-1", "rot-2", "rot-3"));
    // the same accounts on stable addresses: a fifth is not enough
    assertThat(rotating(10, false).link()).isEmpty();
    // rotating, but with 4 of 100 requests in those families
    assertThat(rotating(2, true).link()).isEmpty();
  }

  /**
   * Four accounts of 100 requests, {@code perFamily} in each of suspicious families tf-1 and tf-2, the rest in none;
   * their profiles hold a rotating-addresses reason when {@code rotates}, else another harvest tell.
   */
  private static Fixture rotating(int perFamily, boolean rotates) {
    Fixture f = new Fixture();
    for (int a = 0; a < 4; a++) {
      String id = "rot-" + a;
      String[] fams = new String[2 * perFamily];
      java.util.Arrays.fill(fams, 0, perFamily, "tf-1");
      java.util.Arrays.fill(fams, perFamily, fams.length, "tf-2");
      f.account(id, fams, 100 - fams.length);
      if (rotates) {
        f.profiles.put(id, new AccountAssessment(id, 0.5, 100,
            List.of(new Reason("rotating_addresses", 0.3, "100 requests from 100 ranges"))));
      }
    }
    f.suspicion("tf-1", 0.9).suspicion("tf-2", 0.9);
    return f;
  }

  @Test
  void trafficSpreadOverFamiliesThatAreNotSuspicious_linksNothing() {
    Fixture f = new Fixture();
    for (int a = 0; a < 4; a++) {
      f.account("spread-" + a, new String[] {"tf-3", "tf-3", "tf-1", "tf-1", "tf-2", "tf-2"}, 6);
    }
    // below the family link's suspicion floor (0.4)
    f.suspicion("tf-1", 0.35).suspicion("tf-2", 0.35).suspicion("tf-3", 0.35);

    assertThat(f.link()).isEmpty();
  }

  @Test
  void aFamilyHoldingARealPartOfTheTraffic_isJoinedItselfNotOnlyTheMostUsed() {
    // 4 of 12 requests in tf-2 (a third): a family link of its own; tf-1 holds 5 and is joined too
    Fixture f = new Fixture();
    for (int a = 0; a < 3; a++) {
      f.account("dev-" + a, new String[] {"tf-1", "tf-1", "tf-1", "tf-1", "tf-1", "tf-2", "tf-2", "tf-2", "tf-2"},
          3);
    }
    f.suspicion("tf-1", 0.6).suspicion("tf-2", 0.6);

    List<LinkedGroup> groups = f.link();

    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).families()).containsOnlyKeys("tf-1", "tf-2");
  }

  @Test
  void sendingNothingButSharedTemplates_isNoLockstepForAccountsThatLookOrdinaryOnTheirOwn() {
    // a class whose homework questions come from the public sets a campaign also uses: every request in families
    // the campaign made suspicious, overlapping family sets, own profiles of 0.15 (all reasoning, a daily cycle)
    Fixture students = new Fixture();
    for (int a = 0; a < 6; a++) {
      students.account("student-" + a, new String[] {"tf-1", "tf-1", "tf-1", "tf-2", "tf-2", "tf-2", "tf-3", "tf-3",
          "tf-3", "tf-4", "tf-4", "tf-4"}, 0);
      students.profile("student-" + a, 0.15);
    }
    for (String fam : new String[] {"tf-1", "tf-2", "tf-3", "tf-4"}) {
      students.suspicion(fam, 0.3); // over lockstep's floor (0.15), under a family link's (0.4)
    }
    assertThat(students.linkWithLockstep()).isEmpty();

    // the same traffic from accounts that look like harvesters on their own is lockstep
    Fixture harvesters = new Fixture();
    for (int a = 0; a < 6; a++) {
      harvesters.account("h-" + a, new String[] {"tf-1", "tf-1", "tf-1", "tf-2", "tf-2", "tf-2", "tf-3", "tf-3",
          "tf-3", "tf-4", "tf-4", "tf-4"}, 0);
      harvesters.profile("h-" + a, CampaignLinker.LOCKSTEP_PROFILE);
    }
    for (String fam : new String[] {"tf-1", "tf-2", "tf-3", "tf-4"}) {
      harvesters.suspicion(fam, 0.3);
    }
    List<LinkedGroup> groups = harvesters.linkWithLockstep();
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).accounts()).hasSize(6);
    assertThat(groups.get(0).families()).containsEntry(CampaignLinker.LOCKSTEP, 6);
    assertThat(groups.get(0).linksOf(groups.get(0).accounts().get(5))).contains(CampaignLinker.LOCKSTEP);
  }

  @Test
  void accountsThatOnlyAskLikeHarvesters_linkThroughASharedPaymentButNotThroughAFamily() {
    // developers who run one coding agent: all tool use with large output limits (own profile 0.32), devoted to the
    // agent's template family, which a campaign on the same tool made suspicious
    Fixture devs = new Fixture();
    for (int a = 0; a < 4; a++) {
      devs.account("dev-" + a, new String[] {"tf-1", "tf-1", "tf-1", "tf-1", "tf-1", "tf-1"}, 2);
      devs.profiles.put("dev-" + a, new AccountAssessment("dev-" + a, 0.32, 8, Fixture.CONTENT_ONLY));
    }
    devs.suspicion("tf-1", 0.6);
    assertThat(devs.link()).isEmpty();
    assertThat(devs.linkWithLockstep()).isEmpty();

    // one harvest tell of their own (a fifth of their requests elicit reasoning traces) and they are linked
    Fixture told = new Fixture();
    List<Reason> withTell = new ArrayList<>(Fixture.CONTENT_ONLY);
    withTell.add(new Reason("cot_elicitation", 0.06, "2 of 10 requests"));
    for (int a = 0; a < 4; a++) {
      told.account("h-" + a, new String[] {"tf-1", "tf-1", "tf-1", "tf-1", "tf-1", "tf-1"}, 2);
      told.profiles.put("h-" + a, new AccountAssessment("h-" + a, 0.36, 8, withTell));
    }
    told.suspicion("tf-1", 0.6);
    assertThat(told.link()).hasSize(1);

    // a payment instrument shared across organisations is not what unrelated users of one tool share: it links them
    Fixture paying = new Fixture();
    for (String id : new String[] {"acct-a", "acct-b", "acct-c"}) {
      paying.pays(id, 0, "pf-x");
      // with family evidence on top (0.4: over the 0.35 at which infrastructure links an account)
      paying.profiles.put(id, new AccountAssessment(id, 0.4, 5, Fixture.CONTENT_ONLY));
    }
    List<LinkedGroup> groups = new CampaignLinker(true, false, true).link(paying.state, paying.profiles,
        paying.profiles, paying.families, fam -> fam, id -> false, Map.of(), paying.ids);
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).infrastructure()).containsEntry("pay:pf-x", 3);
    assertThat(groups.get(0).familyMembers()).containsExactlyInAnyOrder("acct-a", "acct-b", "acct-c");
    assertThat(groups.get(0).linksOf("acct-b")).containsExactly("pay:pf-x");
  }

  @Test
  void membersOfAnEarlierCampaign_stayLinkedOnlyWhileARealPartOfTheirTrafficIsInSuspiciousFamilies() {
    // three accounts enforced in cmp-1 earlier that look like harvesters on their own (profile 0.5, a tell) and link
    // through nothing else now
    Fixture f = new Fixture();
    Map<String, String> prior = new HashMap<>();
    for (String id : new String[] {"m-1", "m-2", "m-3"}) {
      f.account(id, new String[0], 12);
      prior.put(id, "cmp-1");
    }
    // their family has since turned out common: a tenth of their traffic weighted by its suspicion is left
    Map<String, AccountAssessment> faded = assessed(f, 0.08);
    assertThat(new CampaignLinker(true, false, false).link(f.state, f.profiles, faded, f.families, fam -> fam,
        id -> false, prior, f.ids)).isEmpty();
    // a quiet campaign whose members' traffic is still mostly in its families keeps them, and says so
    Map<String, AccountAssessment> kept = assessed(f, 0.45);
    List<LinkedGroup> groups = new CampaignLinker(true, false, false).link(f.state, f.profiles, kept, f.families,
        fam -> fam, id -> false, prior, f.ids);
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).accounts()).containsExactly("m-1", "m-2", "m-3");
    assertThat(groups.get(0).linksOf("m-2")).containsExactly("campaign:cmp-1");
  }

  /** The fixture's profiles with shared-family evidence of {@code weight} added, as assessments. */
  private static Map<String, AccountAssessment> assessed(Fixture f, double weight) {
    Map<String, AccountAssessment> out = new HashMap<>();
    for (AccountAssessment p : f.profiles.values()) {
      List<Reason> reasons = new ArrayList<>(p.reasons());
      reasons.add(new Reason("shared_template_family", weight, "family evidence"));
      out.put(p.accountId(), new AccountAssessment(p.accountId(), p.score() + weight, p.requests(), reasons));
    }
    return out;
  }

  @Test
  void linkingOnlyTheChangedAccounts_givesTheGroupsOfLinkingAllOfThemAfresh() {
    incrementalEqualsFresh(false, 20261127L);
  }

  @Test
  void linkingOnlyTheChangedAccounts_givesTheGroupsOfLinkingAllOfThemAfresh_withInfrastructure() {
    // shared payment instruments link too: an unchanged account's candidates are kept, but whether one links depends
    // on who else uses it now, which changes with other accounts' traffic
    incrementalEqualsFresh(true, 20261128L);
  }

  @Test
  void anUnchangedAccount_linksThroughItsPaymentInstrument_onceOthersShareIt() {
    // what the linker keeps for an unchanged account names its payment instrument; whether the instrument links is
    // decided at each call, from who uses it then
    Fixture f = new Fixture();
    CampaignLinker linker = new CampaignLinker(true, false, true);
    f.pays("acct-a", 0, "pf-x");
    assertThat(linker.link(f.state, f.profiles, f.profiles, f.families, fam -> fam, id -> false, Map.of(),
        Set.of("acct-a"))).isEmpty();
    f.pays("acct-b", 0, "pf-x");
    f.pays("acct-c", 0, "pf-x");
    List<LinkedGroup> groups = linker.link(f.state, f.profiles, f.profiles, f.families, fam -> fam, id -> false,
        Map.of(), Set.of("acct-b", "acct-c")); // acct-a is not reported changed
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).accounts()).containsExactly("acct-a", "acct-b", "acct-c");
    assertThat(groups.get(0).infrastructure()).containsEntry("pay:pf-x", 3);
  }

  @Test
  void anUnchangedAccount_linksThroughAPaymentInstrumentWhoseSketchWasEvictedAndMadeAgain() {
    // whatever the linker keeps for an unchanged account between calls, once its payment instrument sat idle long
    // enough to be evicted and others began to use it, the instrument's new sketch is the one that counts
    Fixture f = new Fixture();
    CampaignLinker linker = new CampaignLinker(true, false, true);
    f.pays("acct-a", 0, "pf-x");
    assertThat(linker.link(f.state, f.profiles, f.profiles, f.families, fam -> fam, id -> false, Map.of(),
        Set.of("acct-a"))).isEmpty();
    long later = KeyedState.IDLE_KEYS + 86_400_000L; // the instrument is evicted, the account (idle less long) not
    assertThat(f.state.evictIdle(Fixture.T0_MILLIS + later)).isPositive();
    assertThat(f.state.account("acct-a")).isNotNull();
    f.pays("acct-b", later, "pf-x");
    f.pays("acct-c", later, "pf-x");
    List<LinkedGroup> groups = linker.link(f.state, f.profiles, f.profiles, f.families, fam -> fam, id -> false,
        Map.of(), Set.of("acct-b", "acct-c")); // acct-a is not reported changed
    assertThat(groups).isEqualTo(new CampaignLinker(true, false, true).link(f.state, f.profiles, f.profiles,
        f.families, fam -> fam, id -> false, Map.of(), Set.of("acct-a", "acct-b", "acct-c")));
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).accounts()).containsExactly("acct-a", "acct-b", "acct-c");
  }

  private static void incrementalEqualsFresh(boolean infrastructure, long seed) {
    // the linker keeps the accounts above its profile floor, and what it derived for each, from call to call; over
    // random changes of traffic, profiles (across the floor), family suspicion and evictions its groups must equal
    // those of a new linker that is told every account changed
    java.util.Random r = new java.util.Random(seed);
    Fixture f = new Fixture();
    CampaignLinker incremental = new CampaignLinker(true, true, infrastructure);
    String[] fams = {"tf-1", "tf-2", "tf-3", "tf-4", "tf-5", "tf-6"};
    long clock = 0;
    int nonEmpty = 0;
    long viaInfrastructure = 0;
    for (int step = 0; step < 40; step++) {
      Set<String> changed = new HashSet<>();
      for (int k = 0; k < 12; k++) {
        String id = "acct-" + r.nextInt(30);
        for (int q = 1 + r.nextInt(8); q > 0; q--) {
          String fam = r.nextInt(4) == 0 ? null : fams[r.nextInt(r.nextBoolean() ? 2 : fams.length)];
          String payment = infrastructure && r.nextInt(4) == 0 ? "pf-shared-" + r.nextInt(10) : "pf-" + id;
          f.state.update(Fixture.features(id, f.seq++, clock, payment), fam, () -> "sample");
        }
        long requests = f.state.account(id).requests();
        double profile = r.nextInt(5) == 0 ? 0.05 : 0.1 + 0.8 * r.nextDouble();
        f.profiles.put(id, new AccountAssessment(id, profile, requests, Fixture.TELLS));
        changed.add(id);
      }
      if (r.nextInt(3) == 0) { // a family's suspicion moves: every account in it changed
        String fam = fams[r.nextInt(fams.length)];
        f.suspicion(fam, r.nextDouble());
        for (var a : f.state.accounts()) {
          if (a.families().count(fam) > 0) {
            changed.add(a.accountId());
          }
        }
      }
      if (step % 10 == 9) { // a month passes: accounts idle since are evicted (and never reported as changed)
        clock += KeyedState.IDLE_ACCOUNTS + 1;
        for (int k = 0; k < 3; k++) {
          String id = "acct-" + r.nextInt(30);
          f.state.update(Fixture.features(id, f.seq++, clock), fams[0], () -> "sample");
          changed.add(id);
        }
        // event time: the fixture's requests are a minute apart from T0, shifted by the clock
        assertThat(f.state.evictIdle(Fixture.T0_MILLIS + 60_000L * f.seq + clock)).as("evicted").isPositive();
        f.profiles.keySet().removeIf(id -> f.state.account(id) == null);
        changed.removeIf(id -> f.state.account(id) == null);
      }
      Set<String> all = new HashSet<>();
      f.state.accounts().forEach(a -> all.add(a.accountId()));
      List<LinkedGroup> got = incremental.link(f.state, f.profiles, f.profiles, f.families, fam -> fam,
          id -> false, Map.of(), changed);
      List<LinkedGroup> fresh = new CampaignLinker(true, true, infrastructure).link(f.state, f.profiles,
          f.profiles, f.families, fam -> fam, id -> false, Map.of(), all);
      assertThat(got).as("step %d", step).isEqualTo(fresh);
      nonEmpty += got.isEmpty() ? 0 : 1;
      viaInfrastructure += got.stream().filter(g -> !g.infrastructure().isEmpty()).count();
    }
    assertThat(nonEmpty).as("steps with groups").isGreaterThan(10);
    if (infrastructure) {
      assertThat(viaInfrastructure).as("groups with shared infrastructure").isGreaterThan(10);
    }
  }

  /** Accounts with chosen family sequences, own profiles of 0.5, and family suspicions. */
  private static final class Fixture {
    static final long T0_MILLIS = T0.toEpochMilli();
    /** The reasons of a fixture account's profile: a harvest tell beyond what it asks for (its score is set apart). */
    static final List<Reason> TELLS = List.of(new Reason("no_daily_cycle", 0.3, "around the clock"));
    /** Reasons about what an account asks for only: what every user of a coding agent shows. */
    static final List<Reason> CONTENT_ONLY = List.of(new Reason("capability_concentration", 0.2, "all tool use"),
        new Reason("maximal_budgets", 0.15, "32k output limits"));
    final KeyedState state = new KeyedState();
    final Map<String, AccountAssessment> profiles = new HashMap<>();
    final Map<String, FamilyAssessment> families = new HashMap<>();
    /** Assessments that differ from the profile (family evidence); the profile itself for the other accounts. */
    final Map<String, AccountAssessment> assessments = new HashMap<>();
    final Set<String> ids = new HashSet<>();
    int seq;

    /** An account sending one request per entry of {@code fams}, then {@code untemplated} without a family. */
    void account(String id, String[] fams, int untemplated) {
      List<String> all = new ArrayList<>(List.of(fams));
      for (int i = 0; i < untemplated; i++) {
        all.add(null);
      }
      for (String fam : all) {
        state.update(features(id, seq++), fam, () -> "sample");
      }
      profiles.put(id, new AccountAssessment(id, 0.5, all.size(), TELLS));
      ids.add(id);
    }

    /**
     * As {@link #account(String, String[], int)}, then one more request without a family, asking in words for the
     * reasoning when {@code asks} (else an ordinary one).
     */
    void account(String id, String[] fams, int untemplated, boolean asks) {
      account(id, fams, untemplated);
      request(id, asks);
    }

    /** One more request of account {@code id} without a family, asking in words for the reasoning. */
    void asks(String id) {
      request(id, true);
    }

    private void request(String id, boolean asks) {
      RequestFeatures f = features(id, seq++);
      CotSignal cot = asks ? new CotSignal(CotSignal.HIGH, false, true) : CotSignal.NONE;
      state.update(new RequestFeatures(f.event(), f.shingles(), 0L, Capability.REASONING, cot, 100, false, 0), null,
          () -> "sample");
      AccountAssessment p = profiles.get(id);
      profiles.put(id, new AccountAssessment(id, p.score(), p.requests() + 1, p.reasons()));
    }

    /** Gives an account's assessment (its profile plus family evidence) a shared-family reason of weight {@code w}. */
    void familyEvidence(String id, double w) {
      AccountAssessment p = profiles.get(id);
      List<Reason> reasons = new ArrayList<>(p.reasons());
      reasons.add(new Reason("shared_template_family", w, "family evidence"));
      assessments.put(id, new AccountAssessment(id, 1 - (1 - p.score()) * (1 - w), p.requests(), reasons));
    }

    /**
     * An account that sends five requests paid with {@code payment}, {@code offset} milliseconds after the fixture's
     * clock, and looks like a harvester on its own (profile 0.6).
     */
    void pays(String id, long offset, String payment) {
      for (int i = 0; i < 5; i++) {
        state.update(features(id, seq++, offset, payment), null, () -> "sample");
      }
      profiles.put(id, new AccountAssessment(id, 0.6, 5, TELLS));
    }

    /** Marks an account an established, verified enterprise or research account (a legitimacy marker). */
    void established(String id) {
      AccountAssessment p = profiles.get(id);
      List<Reason> reasons = new ArrayList<>(p.reasons());
      reasons.add(new Reason("established_verified_account", -0.4, "verified research account"));
      profiles.put(id, new AccountAssessment(id, p.score(), p.requests(), reasons));
    }

    /** Sets an account's own profile score. */
    void profile(String id, double score) {
      AccountAssessment p = profiles.get(id);
      profiles.put(id, new AccountAssessment(id, score, p.requests(), p.reasons()));
    }

    List<LinkedGroup> linkWithLockstep() {
      return new CampaignLinker(true, true, false).link(state, profiles, profiles, families, fam -> fam,
          id -> false, Map.of(), ids);
    }

    Fixture suspicion(String family, double s) {
      families.put(family, new FamilyAssessment(family, s, 100, 10, 10, 5, 5, 5, 0, 0.5, 10, 0.9, 0.5, 0, 0.5));
      return this;
    }

    List<LinkedGroup> link() {
      Map<String, AccountAssessment> assessed = new HashMap<>(profiles);
      assessed.putAll(assessments);
      return new CampaignLinker(true, false, false).link(state, profiles, assessed, families, fam -> fam,
          id -> false, Map.of(), ids);
    }

    private static RequestFeatures features(String account, int n) {
      return features(account, n, 0);
    }

    /**
     * A request with its own address and payment instrument (nothing but families can link it), {@code offset}
     * milliseconds later than the fixture's clock.
     */
    private static RequestFeatures features(String account, int n, long offset) {
      return features(account, n, offset, "pf-" + account);
    }

    /**
     * As {@link #features(String, int, long)}, paid with {@code payment}, in an organisation of the account's own (so
     * that accounts sharing a payment instrument are different owners of it).
     */
    private static RequestFeatures features(String account, int n, long offset, String payment) {
      Event e = new Event("ev-" + n, T0.plusSeconds(60L * n).plusMillis(offset), account,
          payment.equals("pf-" + account) ? null : "org-" + account, null, null,
          new AccountInfo(T0.minusSeconds(86_400), Tier.FREE, false, payment, "mail.example", "US"),
          new ClientInfo("198.51." + (n % 250) + ".9", 64500L, "Example", "sdk/1", "t13d", "direct"),
          new Request("frontier-large", null, null, List.of(Message.text("user", "q" + n)), List.of(), 1000, null,
              null, null, null, null, null),
          null);
      return new RequestFeatures(e, new long[] {n}, 0L, Capability.REASONING, CotSignal.NONE, 100, false, 0);
    }
  }
}
