package io.distillguard.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import io.distillguard.scoring.FamilyUsage.Standing;
import org.junit.jupiter.api.Test;

/** Laws of the incrementally kept family usage: removal is exact, merging is adding in any order. */
class FamilyUsageTest {

  private record Part(long inFamily, long total, double profile, String owner, Standing standing) {}

  private static List<Part> parts(Random r, int n) {
    List<Part> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long total = 1 + r.nextInt(500);
      out.add(new Part(1 + r.nextInt((int) total), total, r.nextDouble(), "o" + r.nextInt(12),
          Standing.values()[r.nextInt(Standing.values().length)]));
    }
    return out;
  }

  private static FamilyUsage sum(List<Part> parts) {
    FamilyUsage u = new FamilyUsage();
    parts.forEach(p -> u.add(p.inFamily(), p.total(), p.profile(), p.owner(), p.standing()));
    return u;
  }

  private static void assertSame(FamilyUsage a, FamilyUsage b) {
    assertThat(a.harvestUsage()).isEqualTo(b.harvestUsage());
    assertThat(a.devotedAccounts()).isEqualTo(b.devotedAccounts());
    assertThat(a.devotedOwners()).isEqualTo(b.devotedOwners());
    assertThat(a.tellAccounts()).isEqualTo(b.tellAccounts());
    assertThat(a.clearAccounts()).isEqualTo(b.clearAccounts());
    assertThat(a.harvestLikeShare()).isEqualTo(b.harvestLikeShare());
    assertThat(a.requests).isEqualTo(b.requests);
  }

  @Test
  void removingContributionsLeavesExactlyTheRest() {
    Random r = new Random(20261126L);
    for (int round = 0; round < 200; round++) {
      List<Part> all = parts(r, 1 + r.nextInt(40));
      Collections.shuffle(all, r);
      int keep = r.nextInt(all.size() + 1);
      FamilyUsage u = sum(all);
      for (Part p : all.subList(keep, all.size())) {
        u.remove(p.inFamily(), p.total(), p.profile(), p.owner(), p.standing());
      }
      assertSame(u, sum(all.subList(0, keep)));
      assertThat(u.isEmpty()).isEqualTo(keep == 0);
    }
  }

  @Test
  void mergeEqualsAddingBothInAnyOrder() {
    Random r = new Random(7L);
    for (int round = 0; round < 200; round++) {
      List<Part> a = parts(r, r.nextInt(30));
      List<Part> b = parts(r, r.nextInt(30));
      FamilyUsage merged = sum(a);
      merged.merge(sum(b));
      List<Part> both = new ArrayList<>(b);
      both.addAll(a);
      Collections.shuffle(both, r);
      assertSame(merged, sum(both));
      FamilyUsage other = sum(b);
      other.merge(sum(a));
      assertSame(merged, other);
    }
  }

  @Test
  void devotionNeedsAShareOfTheAccountsTraffic() {
    FamilyUsage u = new FamilyUsage();
    long below = Math.round(FamilyUsage.DEVOTION * 100) - 1;
    u.add(below, 100, 0.5, "x", Standing.UNJUDGED); // just under the devotion share: not devoted
    u.add(20, 100, 0.5, "y", Standing.UNJUDGED);
    u.add(30, 100, 0.5, "y", Standing.UNJUDGED);
    assertThat(u.devotedAccounts()).isEqualTo(2);
    assertThat(u.devotedOwners()).isEqualTo(1);
    assertThat(u.harvestUsage()).isEqualTo(0.5);
    u.remove(20, 100, 0.5, "y", Standing.UNJUDGED);
    assertThat(u.devotedOwners()).isEqualTo(1);
    u.remove(30, 100, 0.5, "y", Standing.UNJUDGED);
    assertThat(u.devotedOwners()).isZero();
    assertThat(u.devotedAccounts()).isZero();
  }

  @Test
  void onlyDevotedJudgedAccountsCountTowardsTheHarvestLikeShare() {
    FamilyUsage u = new FamilyUsage();
    double none = u.harvestLikeShare();
    assertThat(none).isEqualTo(1.0); // nobody judged yet: the family keeps its suspicion
    u.add(50, 100, 0.1, "a", Standing.CLEAR);
    u.add(Math.round(FamilyUsage.DEVOTION * 100) - 1, 100, 0.1, "b", Standing.CLEAR); // not devoted, not counted
    u.add(50, 100, 0.1, "c", Standing.UNJUDGED);
    assertThat(u.clearAccounts()).isEqualTo(1);
    assertThat(u.tellAccounts()).isZero();
    double oneClear = u.harvestLikeShare();
    assertThat(oneClear).isLessThan(1.0).isGreaterThan(0.5); // one ordinary user does not clear a family
    for (int i = 0; i < 200; i++) {
      u.add(40, 100, 0.2, "dev" + i, Standing.CLEAR);
    }
    u.add(90, 100, 0.7, "h1", Standing.TELLS);
    assertThat(u.harvestLikeShare()).isLessThan(0.05); // a popular tool's template that a harvester also sends
    FamilyUsage campaign = new FamilyUsage();
    for (int i = 0; i < 100; i++) {
      campaign.add(90, 100, 0.7, "h" + i, Standing.TELLS);
    }
    campaign.add(50, 100, 0.1, "a", Standing.CLEAR);
    assertThat(campaign.harvestLikeShare()).isGreaterThan(0.95);
  }
}
