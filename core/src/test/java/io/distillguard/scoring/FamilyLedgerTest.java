package io.distillguard.scoring;

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
import io.distillguard.state.AccountSketch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FamilyLedgerTest {

  @Test
  void merge_movesUsersToTheSurvivor_andReportsThemOnce() {
    FamilyLedger l = new FamilyLedger();
    l.used("f1", "a");
    l.used("f2", "b");
    l.used("f2", "c");
    l.merge("f2", "f1");
    assertThat(l.users("f1")).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(l.users("f2")).isEmpty();
    // their family has another id now: the pipeline assesses them again
    assertThat(l.drainMovedUsers()).containsExactlyInAnyOrder("b", "c");
    assertThat(l.drainMovedUsers()).isEmpty();
    assertThat(l.drainTouched()).contains("f1", "f2");
  }

  /**
   * Model test: after any sequence of account updates (new traffic, new profile scores), removals, allowlistings and
   * family merges, every family's usage equals the usage summed from scratch over the accounts' latest
   * contributions; and every family whose usage changed while it had, or came to have, more than one devoted owner
   * (the families that have a score, or get or lose one) is reported touched.
   */
  @Test
  void incrementalUsage_equalsUsageRecomputedFromScratch() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      FamilyLedger ledger = new FamilyLedger();
      Map<String, String> parent = new HashMap<>(); // family merges, as the family stage reports them
      java.util.function.UnaryOperator<String> canonical = f -> {
        while (parent.containsKey(f)) {
          f = parent.get(f);
        }
        return f;
      };
      Map<String, AccountSketch> sketches = new TreeMap<>();
      Map<String, Double> profiles = new HashMap<>();
      Map<String, FamilyUsage.Standing> standings = new HashMap<>();
      int seq = 0;
      for (int step = 0; step < 400; step++) {
        Map<String, List<Long>> before = snapshot(ledger, canonical);
        int op = r.nextInt(20);
        boolean merged = false;
        String id = "a" + r.nextInt(12);
        if (op < 15) {
          AccountSketch a = sketches.computeIfAbsent(id, AccountSketch::new);
          for (int k = 1 + r.nextInt(4); k > 0; k--) {
            String fam = r.nextInt(5) == 0 ? null : "tf-" + (1 + r.nextInt(8));
            a.update(features(id, "org-" + (id.hashCode() % 3), seq++), fam);
          }
          double profile = r.nextInt(10) / 10.0;
          FamilyUsage.Standing standing = FamilyUsage.Standing.values()[r.nextInt(3)];
          profiles.put(id, profile);
          standings.put(id, standing);
          ledger.update(a, profile, standing, true, canonical);
        } else if (op < 17 && sketches.containsKey(id)) {
          sketches.remove(id);
          ledger.remove(id, canonical);
        } else if (op < 18 && sketches.containsKey(id)) {
          ledger.update(sketches.remove(id), profiles.get(id), standings.get(id), false, canonical); // allowlisted
        } else {
          String absorbed = canonical.apply("tf-" + (1 + r.nextInt(8)));
          String into = canonical.apply("tf-" + (1 + r.nextInt(8)));
          if (!absorbed.equals(into)) {
            parent.put(absorbed, into);
            ledger.merge(absorbed, into);
            merged = true;
          }
        }
        java.util.Set<String> touched = new java.util.HashSet<>();
        ledger.drainTouched().forEach(f -> touched.add(canonical.apply(f)));
        Map<String, List<Long>> after = snapshot(ledger, canonical);
        if (merged) {
          continue; // a merge reports both families
        }
        for (String fam : after.keySet()) {
          List<Long> was = before.get(fam);
          List<Long> is = after.get(fam);
          boolean scored = (was != null && was.get(3) > 1) || is.get(3) > 1;
          if (scored && !is.equals(was)) {
            assertThat(touched).as("seed %d step %d family %s", seed, step, fam).contains(fam);
          }
        }
        for (String fam : before.keySet()) {
          if (!after.containsKey(fam) && before.get(fam).get(3) > 1) {
            assertThat(touched).as("seed %d step %d family %s gone", seed, step, fam).contains(fam);
          }
        }
      }
      // from scratch: each remaining account's contribution as of its last update (the sketch has not changed since)
      Map<String, FamilyUsage> expected = new TreeMap<>();
      for (AccountSketch a : sketches.values()) {
        for (Map.Entry<String, Long> e : a.families().sorted()) {
          expected.computeIfAbsent(canonical.apply(e.getKey()), k -> new FamilyUsage())
              .add(e.getValue(), a.requests(), profiles.get(a.accountId()), a.owner(), standings.get(a.accountId()));
        }
      }
      for (int f = 1; f <= 8; f++) {
        String fam = canonical.apply("tf-" + f);
        FamilyUsage want = expected.get(fam);
        FamilyUsage got = ledger.usage(fam);
        if (want == null) {
          assertThat(got).as("seed %d family %s", seed, fam).isNull();
        } else {
          assertThat(got).as("seed %d family %s", seed, fam).isNotNull();
          assertThat(List.of(got.requests, got.profileWeighted, got.devotedAccounts(), got.devotedOwners(),
              got.tellAccounts(), got.clearAccounts()))
              .as("seed %d family %s", seed, fam)
              .isEqualTo(List.of(want.requests, want.profileWeighted, want.devotedAccounts(), want.devotedOwners(),
                  want.tellAccounts(), want.clearAccounts()));
        }
      }
    }
  }

  /**
   * Each current family's usage: requests, profile-weighted requests, devoted accounts, devoted owners, devoted
   * accounts with a tell, clear devoted accounts.
   */
  private static Map<String, List<Long>> snapshot(FamilyLedger ledger,
      java.util.function.UnaryOperator<String> canonical) {
    Map<String, List<Long>> out = new HashMap<>();
    for (int f = 1; f <= 8; f++) {
      String fam = canonical.apply("tf-" + f);
      FamilyUsage u = ledger.usage(fam);
      if (u != null) {
        out.put(fam, List.of(u.requests, u.profileWeighted, (long) u.devotedAccounts(), (long) u.devotedOwners(),
            (long) u.tellAccounts(), (long) u.clearAccounts()));
      }
    }
    return out;
  }

  private static RequestFeatures features(String account, String org, int n) {
    Instant ts = Instant.parse("2026-03-02T00:00:00Z").plusSeconds(60L * n);
    Event e = new Event("ev-" + n, ts, account, org, null, null,
        new AccountInfo(null, Tier.FREE, false, null, null, null),
        new ClientInfo("198.51.100.7", null, null, null, null, null),
        new Request("m", null, null, List.of(Message.text("user", "q" + n)), List.of(), null, null, null, null,
            null, null, null),
        null);
    return new RequestFeatures(e, new long[] {n}, 0L, Capability.REASONING, CotSignal.NONE, 10, false, 0);
  }
}
