package io.distillguard.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintTest {

  private static long[] shingles(String s) {
    return Shingles.of(Tokens.of(TextNormalizer.standard().normalize(s)));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void minHash_estimatesJaccard_withinSamplingError(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    MinHasher mh = new MinHasher(256, 17);
    for (int trial = 0; trial < 20; trial++) {
      int common = 20 + r.nextInt(300);
      int onlyA = r.nextInt(300);
      int onlyB = r.nextInt(300);
      long[] a = new long[common + onlyA];
      long[] b = new long[common + onlyB];
      for (int i = 0; i < common; i++) {
        a[i] = b[i] = r.nextLong();
      }
      for (int i = 0; i < onlyA; i++) {
        a[common + i] = r.nextLong();
      }
      for (int i = 0; i < onlyB; i++) {
        b[common + i] = r.nextLong();
      }
      double jaccard = (double) common / (common + onlyA + onlyB);
      // standard error of the estimate is sqrt(J(1-J)/k) <= 0.031 for k = 256; allow 4 sigma
      assertThat(MinHasher.similarity(mh.hash(a), mh.hash(b)))
          .as("seed %d trial %d", seed, trial)
          .isCloseTo(jaccard, within(0.125));
    }
  }

  @Test
  void minHash_identicalSets_agreeEverywhere_andOrderDoesNotMatter() {
    MinHasher mh = new MinHasher(64, 1);
    long[] a = {5, 9, 1, 77, -3};
    long[] b = {-3, 77, 1, 9, 5};
    assertThat(mh.hash(a)).containsExactly(mh.hash(b));
    assertThat(MinHasher.similarity(mh.hash(a), mh.hash(b))).isEqualTo(1.0);
  }

  @Test
  void minHash_tinySet_densifiesEveryBin() {
    int[] sig = new MinHasher(128, 3).hash(new long[] {42});
    Set<Integer> values = new HashSet<>();
    for (int v : sig) {
      assertThat(v).isNotNegative();
      values.add(v);
    }
    assertThat(values).hasSize(1);
  }

  @Test
  void minHash_emptySet_isAllMax() {
    assertThat(new MinHasher(8, 3).hash(new long[0])).containsOnly(Integer.MAX_VALUE);
  }

  @Test
  void minHash_badBinCount_isRejected() {
    assertThatThrownBy(() -> new MinHasher(100, 1)).hasMessageContaining("power of two");
  }

  @Test
  void templateWithDifferentSlots_isMoreSimilarThanUnrelatedText() {
    MinHasher mh = new MinHasher(128, 7);
    String t1 = "Below is a problem together with its final answer. Reconstruct the complete chain of reasoning "
        + "that leads to the answer, one numbered step at a time. Problem: A farmer has 17 sheep and buys 5 more. "
        + "Answer: 22";
    String t2 = "Below is a problem together with its final answer. Reconstruct the complete chain of reasoning "
        + "that leads to the answer, one numbered step at a time. Problem: Tom reads 30 pages a day for 4 days. "
        + "Answer: 120";
    String other = "Write a short poem about autumn leaves falling on a quiet city street at dusk.";
    double same = MinHasher.similarity(mh.hash(shingles(t1)), mh.hash(shingles(t2)));
    double diff = MinHasher.similarity(mh.hash(shingles(t1)), mh.hash(shingles(other)));
    assertThat(same).isGreaterThan(0.4);
    assertThat(diff).isLessThan(0.1);
    assertThat(SimHash.distance(SimHash.of(shingles(t1)), SimHash.of(shingles(t2))))
        .isLessThan(SimHash.distance(SimHash.of(shingles(t1)), SimHash.of(shingles(other))));
  }

  @Test
  void simHash_obfuscatedCopy_isIdentical() {
    String t = "Explain your reasoning step by step and show all intermediate work before the final answer.";
    SplittableRandom r = new SplittableRandom(9);
    String obf = TextNormalizerTest.obfuscate(t, r);
    assertThat(SimHash.of(shingles(obf))).isEqualTo(SimHash.of(shingles(t)));
  }

  @Test
  void lshBands_sameSignature_sameKeys_andThresholdFollowsShape() {
    LshBands lsh = new LshBands(16, 4);
    int[] sig = new MinHasher(64, 1).hash(new long[] {1, 2, 3});
    assertThat(lsh.keys(sig)).containsExactly(lsh.keys(sig.clone()));
    assertThat(lsh.threshold()).isCloseTo(0.5, within(1e-9));
    assertThatThrownBy(() -> new LshBands(32, 4).keys(sig)).hasMessageContaining("bins");
  }

  @ParameterizedTest
  @ValueSource(longs = {8, 9})
  void lshBands_similarPairsCollide_dissimilarRarely(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    MinHasher mh = new MinHasher(64, 5);
    LshBands lsh = new LshBands(16, 4);
    int similarHits = 0;
    int dissimilarHits = 0;
    for (int t = 0; t < 200; t++) {
      long[] base = new long[100];
      for (int i = 0; i < base.length; i++) {
        base[i] = r.nextLong();
      }
      long[] near = base.clone();
      for (int i = 0; i < 10; i++) {
        near[r.nextInt(near.length)] = r.nextLong(); // Jaccard ~0.8
      }
      long[] far = base.clone();
      for (int i = 0; i < 80; i++) {
        far[i] = r.nextLong(); // Jaccard ~0.11
      }
      similarHits += shareKey(lsh.keys(mh.hash(base)), lsh.keys(mh.hash(near))) ? 1 : 0;
      dissimilarHits += shareKey(lsh.keys(mh.hash(base)), lsh.keys(mh.hash(far))) ? 1 : 0;
    }
    assertThat(similarHits).as("seed %d", seed).isGreaterThan(190);
    assertThat(dissimilarHits).as("seed %d", seed).isLessThan(10);
  }

  private static boolean shareKey(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        return true;
      }
    }
    return false;
  }
}
