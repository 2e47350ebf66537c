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

  @Test
  void aSketchMadeOnlyAtTheSecondKey_isTheHyperLogLogFedFromTheStart() {
    // the HyperLogLog is made lazily: estimates, bytes and merges must be those of one that counted every key
    SplittableRandom r = new SplittableRandom(11);
    for (int round = 0; round < 300; round++) {
      int keys = round % 4 == 0 ? 0 : round % 4 == 1 ? 1 : round % 4 == 2 ? 2 : 1 + r.nextInt(200);
      Distinct d = new Distinct();
      org.apache.datasketches.hll.HllSketch eager =
          new org.apache.datasketches.hll.HllSketch(Distinct.LG_K, org.apache.datasketches.hll.TgtHllType.HLL_8);
      Distinct other = new Distinct();
      org.apache.datasketches.hll.HllSketch eagerOther =
          new org.apache.datasketches.hll.HllSketch(Distinct.LG_K, org.apache.datasketches.hll.TgtHllType.HLL_8);
      for (int i = 0; i < keys * 3; i++) {
        long k = r.nextInt(Math.max(1, keys));
        d.update(k);
        eager.update(k);
        if (r.nextBoolean()) {
          other.update(k + 1000);
          eagerOther.update(k + 1000);
        }
        assertThat(d.estimate()).isEqualTo(Math.round(eager.getEstimate()));
      }
      assertThat(d.isEmpty()).isEqualTo(eager.isEmpty());
      assertThat(d.toBytes()).isEqualTo(eager.toCompactByteArray());
      assertThat(Distinct.fromBytes(d.toBytes()).estimate()).isEqualTo(d.estimate());
      // merges (in either order: a union's estimate may depend on it) are those of the eager sketches
      assertThat(other.toBytes()).isEqualTo(eagerOther.toCompactByteArray());
      Distinct copy = new Distinct();
      copy.clearAndMerge(d);
      copy.merge(other);
      assertThat(copy.toBytes()).isEqualTo(union(eager, eagerOther).toCompactByteArray());
      other.merge(d);
      assertThat(other.toBytes()).isEqualTo(union(eagerOther, eager).toCompactByteArray());
      assertThat(other.estimate()).isEqualTo(Math.round(union(eagerOther, eager).getEstimate()));
    }
  }

  private static org.apache.datasketches.hll.HllSketch union(org.apache.datasketches.hll.HllSketch a,
      org.apache.datasketches.hll.HllSketch b) {
    org.apache.datasketches.hll.Union u = new org.apache.datasketches.hll.Union(Distinct.LG_K);
    u.update(a);
    u.update(b);
    return u.getResult(org.apache.datasketches.hll.TgtHllType.HLL_8);
  }

  @Test
  void aStringKeyAndItsKeyHash_areTheSameKey() {
    SplittableRandom r = new SplittableRandom(11);
    Distinct byString = new Distinct();
    Distinct byHash = new Distinct();
    for (int i = 0; i < 2000; i++) {
      String k = "acct-" + r.nextInt(300);
      byString.update(k);
      byHash.update(io.distillguard.features.KeyHash.of(k));
      assertThat(byHash.estimate()).isEqualTo(byString.estimate());
    }
    assertThat(byHash.toBytes()).isEqualTo(byString.toBytes());
  }
}
