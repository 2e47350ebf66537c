package io.distillguard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistinctTest {

  @Test
  void repeatsCountOnce_andTheMemoizedEstimateFollowsEveryNewKey() {
    SplittableRandom r = new SplittableRandom(5);
    Distinct d = new Distinct();
    Distinct once = new Distinct(); // each key fed once, in first-seen order: a sketch does not depend on order
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 3000; i++) {
      String k = "acct-" + r.nextInt(400);
      int repeats = 1 + r.nextInt(3); // runs of one key, as one account's consecutive requests
      for (int j = 0; j < repeats; j++) {
        d.update(new String(k.toCharArray()));
      }
      if (seen.add(k)) {
        once.update(k);
      }
      assertThat(d.estimate()).isEqualTo(once.estimate());
      if (seen.size() <= 30) {
        assertThat(d.estimate()).isEqualTo(seen.size()); // exact while small
      }
    }
    assertThat((double) d.estimate()).isCloseTo(400, org.assertj.core.data.Percentage.withPercentage(10));
  }

  @Test
  void afterReplacingItsContent_theLastKeySeenCountsAgain() {
    Distinct d = new Distinct();
    d.update("a");
    d.update(7L);
    d.clearAndMerge(new Distinct()); // now empty: "a" and 7 must not be skipped as repeats
    d.update("a");
    d.update(7L);
    assertThat(d.estimate()).isEqualTo(2);
  }

  @Test
  void merge_isCommutativeAndIdempotent_andRefreshesTheEstimate() {
    Distinct a = new Distinct();
    Distinct b = new Distinct();
    for (int i = 0; i < 40; i++) {
      a.update("k" + i);
      b.update("k" + (i + 20));
    }
    assertThat(a.estimate()).isEqualTo(40);
    Distinct ab = new Distinct();
    ab.merge(a);
    ab.merge(b);
    Distinct ba = new Distinct();
    ba.merge(b);
    ba.merge(a);
    assertThat(ab.estimate()).isEqualTo(ba.estimate()).isEqualTo(60);
    ab.merge(b);
    assertThat(ab.estimate()).isEqualTo(60);
  }
}
