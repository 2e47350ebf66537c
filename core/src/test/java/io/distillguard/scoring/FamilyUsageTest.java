package io.distillguard.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Laws of the incrementally kept family usage: removal is exact, merging is adding in any order. */
class FamilyUsageTest {

  private record Part(long inFamily, long total, double profile, String owner) {}

  private static List<Part> parts(Random r, int n) {
    List<Part> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long total = 1 + r.nextInt(500);
      out.add(new Part(1 + r.nextInt((int) total), total, r.nextDouble(), "o" + r.nextInt(12)));
    }
    return out;
  }

  private static FamilyUsage sum(List<Part> parts) {
    FamilyUsage u = new FamilyUsage();
    parts.forEach(p -> u.add(p.inFamily(), p.total(), p.profile(), p.owner()));
    return u;
  }

  private static void assertSame(FamilyUsage a, FamilyUsage b) {
    assertThat(a.harvestUsage()).isEqualTo(b.harvestUsage());
    assertThat(a.devotedAccounts()).isEqualTo(b.devotedAccounts());
    assertThat(a.devotedOwners()).isEqualTo(b.devotedOwners());
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
        u.remove(p.inFamily(), p.total(), p.profile(), p.owner());
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
    u.add(10, 100, 0.5, "x"); // 10%: not devoted
    u.add(20, 100, 0.5, "y");
    u.add(30, 100, 0.5, "y");
    assertThat(u.devotedAccounts()).isEqualTo(2);
    assertThat(u.devotedOwners()).isEqualTo(1);
    assertThat(u.harvestUsage()).isEqualTo(0.5);
    u.remove(20, 100, 0.5, "y");
    assertThat(u.devotedOwners()).isEqualTo(1);
    u.remove(30, 100, 0.5, "y");
    assertThat(u.devotedOwners()).isZero();
    assertThat(u.devotedAccounts()).isZero();
  }
}
