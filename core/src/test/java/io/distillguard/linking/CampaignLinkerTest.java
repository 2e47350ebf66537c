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

  /** Accounts with chosen family sequences, own profiles of 0.5, and family suspicions. */
  private static final class Fixture {
    final KeyedState state = new KeyedState();
    final Map<String, AccountAssessment> profiles = new HashMap<>();
    final Map<String, FamilyAssessment> families = new HashMap<>();
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
      profiles.put(id, new AccountAssessment(id, 0.5, all.size(), List.of()));
      ids.add(id);
    }

    /** Marks an account an established, verified enterprise or research account (a legitimacy marker). */
    void established(String id) {
      AccountAssessment p = profiles.get(id);
      profiles.put(id, new AccountAssessment(id, p.score(), p.requests(),
          List.of(new Reason("established_verified_account", -0.4, "verified research account"))));
    }

    Fixture suspicion(String family, double s) {
      families.put(family, new FamilyAssessment(family, s, 100, 10, 10, 5, 5, 0.5, 10, 0.9, 0.5, 0, 0.5));
      return this;
    }

    List<LinkedGroup> link() {
      return new CampaignLinker(true, false, false).link(state, profiles, profiles, families, fam -> fam,
          id -> false, Map.of(), ids);
    }

    /** A request with its own address and payment instrument: nothing but families can link it. */
    private static RequestFeatures features(String account, int n) {
      Event e = new Event("ev-" + n, T0.plusSeconds(60L * n), account, null, null, null,
          new AccountInfo(T0.minusSeconds(86_400), Tier.FREE, false, "pf-" + account, "mail.example", "US"),
          new ClientInfo("198.51." + (n % 250) + ".9", 64500L, "Example", "sdk/1", "t13d", "direct"),
          new Request("frontier-large", null, null, List.of(Message.text("user", "q" + n)), List.of(), 1000, null,
              null, null, null, null, null),
          null);
      return new RequestFeatures(e, new long[] {n}, 0L, Capability.REASONING, CotSignal.NONE, 100, false, 0);
    }
  }
}
