package io.distillguard.families;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.distillguard.features.LshBands;
import io.distillguard.features.MinHasher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The family index keeps finding the families it made: a merge that leaves wordings behind does not leave their bands
 * pointing at a family that no longer holds them, and a template that holds a registered wording whole joins its
 * family however much recurring fill comes with it.
 */
class FamilyIndexTest {

  private static final MinHasher HASHER = new MinHasher(64, 0x7E3A_17F0_55L);
  private static final LshBands BANDS = new LshBands(32, 2);

  private static int[] signature(SplittableRandom r) {
    int[] s = new int[64];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.nextInt() & 0x7FFF_FFFF;
    }
    return s;
  }

  /** A chain of wordings, each half like the one before: one family, each wording registered. */
  private static List<int[]> chain(int[] start, int n, SplittableRandom r) {
    List<int[]> out = new ArrayList<>();
    out.add(start);
    while (out.size() < n) {
      int[] prev = out.get(out.size() - 1);
      int[] next = signature(r);
      for (int i = 0; i < next.length; i++) {
        if (r.nextBoolean()) {
          next[i] = prev[i]; // about half of the previous wording's bins, the rest fresh
        }
      }
      out.add(next);
    }
    return out;
  }

  private static int assign(FamilyIndex index, int[] sig) {
    return index.assign(sig, BANDS.keys(sig), 0, 1L);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void afterAMergePastTheWordingCap_everyWordingKeepsOneFamily(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    FamilyIndex index = new FamilyIndex(10_000);
    List<int[]> a = chain(signature(r), FamilyIndex.SIGNATURES_PER_FAMILY, r);
    List<int[]> b = chain(signature(r), FamilyIndex.SIGNATURES_PER_FAMILY, r);
    Set<Integer> before = new HashSet<>();
    for (List<int[]> c : List.of(a, b)) {
      Set<Integer> ids = new HashSet<>();
      for (int[] s : c) {
        ids.add(assign(index, s));
      }
      assertThat(ids).as("a chain of wordings is one family").hasSize(1);
      before.addAll(ids);
    }
    assertThat(before).hasSize(2);
    // a request half like each chain's first wording shows the two to be one template: 24 wordings, 12 kept
    int[] bridge = FamilyRotationTest.halves(a.get(0), b.get(0));
    int merged = assign(index, bridge);
    assertThat(merged).isEqualTo(java.util.Collections.min(before));
    assertThat(assign(index, b.get(0))).as("one owner's bridge merges nothing").isNotEqualTo(merged);
    assertThat(index.assign(bridge, BANDS.keys(bridge), 0, 2L)).isEqualTo(merged);
    assertThat(assign(index, b.get(0))).as("a second owner's bridge merges the two").isEqualTo(merged);
    List<int[]> all = new ArrayList<>(a);
    all.addAll(b);
    int[] second = new int[all.size()];
    for (int pass = 0; pass < 3; pass++) {
      int size = index.size();
      for (int i = 0; i < all.size(); i++) {
        int id = assign(index, all.get(i));
        if (pass == 1) {
          second[i] = id;
        } else if (pass == 2) {
          // the family it found the pass before, under its current name (merges go on as wordings are re-found)
          assertThat(id).as("wording %d", i).isEqualTo(index.names().find(second[i]));
        }
      }
      if (pass == 2) {
        assertThat(index.size()).as("no new family for a wording seen before").isLessThanOrEqualTo(size);
      }
    }
  }

  /**
   * Two families merge once requests from two different owners fall between them, and a bridge of one owner waits
   * across a checkpoint: the restored index merges on the second owner's as the running one does. Many owners each
   * bridging a different pair once (one-off prompts that share a phrase with two templates) merge nothing.
   */
  @ParameterizedTest
  @ValueSource(longs = {5, 6, 7})
  void familiesMerge_onBridgesFromTwoOwners_pendingOnesSurviveACheckpoint(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    FamilyIndex index = new FamilyIndex(10_000);
    int[][] fams = new int[12][];
    int[] ids = new int[fams.length];
    for (int i = 0; i < fams.length; i++) {
      fams[i] = signature(r);
      ids[i] = index.assign(fams[i], BANDS.keys(fams[i]), 0, 100 + i);
    }
    for (int i = 0; i + 1 < fams.length; i++) { // a chain of one-off bridges, each from another owner
      int[] bridge = FamilyRotationTest.halves(fams[i], fams[i + 1]);
      index.assign(bridge, BANDS.keys(bridge), 0, 1000 + i);
    }
    assertThat(index.drainMerges()).as("one-off bridges chain nothing").isEmpty();
    assertThat(index.size()).isEqualTo(fams.length);

    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    index.write(new java.io.DataOutputStream(bytes));
    FamilyIndex restored =
        FamilyIndex.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
    for (FamilyIndex x : List.of(index, restored)) {
      int[] bridge = FamilyRotationTest.halves(fams[0], fams[1]);
      x.assign(bridge, BANDS.keys(bridge), 0, 1000); // the same owner again: still one owner
      assertThat(x.drainMerges()).isEmpty();
      x.assign(bridge, BANDS.keys(bridge), 0, 2000); // a second owner
      assertThat(x.drainMerges()).containsExactly(new int[] {ids[1], ids[0]});
      assertThat(x.assign(fams[1], BANDS.keys(fams[1]), 0, 3000)).isEqualTo(ids[0]);
    }
  }

  /** Between two busy families a bridge must recur in proportion to their use: 2% of the smaller one's requests. */
  @Test
  void busyFamilies_mergeOnBridgesInProportionToTheirUse() {
    SplittableRandom r = new SplittableRandom(9);
    FamilyIndex index = new FamilyIndex(10_000);
    int[] x = signature(r);
    int[] y = signature(r);
    for (int i = 0; i < 300; i++) {
      index.assign(x, BANDS.keys(x), 0, i);
      index.assign(y, BANDS.keys(y), 0, 10_000 + i);
    }
    int[] bridge = FamilyRotationTest.halves(x, y);
    int needed = (int) Math.ceil(FamilyIndex.MERGE_SHARE * 300);
    assertThat(needed).isGreaterThan(FamilyIndex.MERGE_OWNERS);
    for (int k = 1; k < needed; k++) {
      index.assign(bridge, BANDS.keys(bridge), 0, 20_000 + k);
      assertThat(index.drainMerges()).as("bridge %d of %d", k, needed).isEmpty();
    }
    index.assign(bridge, BANDS.keys(bridge), 0, 20_000 + needed);
    assertThat(index.drainMerges()).hasSize(1);
  }

  private static long[] shingles(SplittableRandom r, int n) {
    long[] s = new long[n];
    for (int i = 0; i < n; i++) {
      s[i] = r.nextLong();
    }
    return s;
  }

  private static long[] concat(long[] x, long[] y) {
    long[] out = java.util.Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, out, x.length, y.length);
    return out;
  }

  private static int assignText(FamilyIndex index, long[] template) {
    int[] sig = HASHER.hash(template);
    return index.assign(sig, BANDS.keys(sig), template.length, 7L);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void wrapperWithRecurringFill_joinsTheWrappersFamily_aPartialOneDoesNot(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    FamilyIndex index = new FamilyIndex(10_000);
    long[] wrapper = shingles(r, 20);
    int family = assignText(index, wrapper);
    assertThat(filledInto(index, r, wrapper, family)).as("filled wrappers joining the wrapper's family")
        .isGreaterThanOrEqualTo(18);
    // another wrapper that shares half of this one's text holds only half of it: not this family
    long[] other = concat(java.util.Arrays.copyOf(wrapper, 10), shingles(r, 10));
    assertThat(filledInto(index, r, other, family)).isLessThanOrEqualTo(1);
  }

  /**
   * Of 20 requests that fill {@code wrapper} with a fresh question long enough that the Jaccard similarity to the bare
   * wrapper is 1/3 (under the join threshold), how many join {@code family}.
   */
  private static int filledInto(FamilyIndex index, SplittableRandom r, long[] wrapper, int family) {
    int joined = 0;
    for (int i = 0; i < 20; i++) {
      if (assignText(index, concat(wrapper, shingles(r, 40))) == family) {
        joined++;
      }
    }
    return joined;
  }

  @ParameterizedTest
  @ValueSource(longs = {31, 32, 33})
  void wrapperAndRecurringFillSideBySide_leaveTheirFamiliesApart(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    FamilyIndex index = new FamilyIndex(10_000);
    // a wrapper and twenty popular questions, each a family of its own (a campaign's wrapper; benchmark items that
    // other customers send bare; each sent many times)
    long[] wrapper = shingles(r, 20);
    int wrapperFamily = 0;
    List<long[]> questions = new ArrayList<>();
    Set<Integer> questionFamilies = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      questions.add(shingles(r, 20));
    }
    for (int k = 0; k < 32; k++) {
      wrapperFamily = assignText(index, wrapper);
      for (long[] q : questions) {
        questionFamilies.add(assignText(index, q));
      }
    }
    assertThat(questionFamilies).hasSize(20).doesNotContain(wrapperFamily);
    // the campaign fills its wrapper with those questions: about as close to the wrapper as to the question
    for (int k = 0; k < 3; k++) {
      for (long[] q : questions) {
        // joins the wrapper's family or the question's, and founds none
        assertThat(assignText(index, concat(wrapper, q))).isIn(allNames(index, questionFamilies, wrapperFamily));
      }
    }
    Set<Integer> after = new HashSet<>();
    for (long[] q : questions) {
      after.add(assignText(index, q));
    }
    assertThat(after).as("the questions' families stay apart").hasSize(20);
    assertThat(assignText(index, wrapper)).as("and apart from the wrapper's").isNotIn(after);
  }

  private static Set<Integer> allNames(FamilyIndex index, Set<Integer> ids, int extra) {
    Set<Integer> out = new HashSet<>();
    for (int id : ids) {
      out.add(index.names().find(id));
    }
    out.add(index.names().find(extra));
    return out;
  }

  @Test
  void containmentEstimate_needsMostOfAWordingLongEnoughToJudge() {
    // the estimate inverts J = shared / (registered + size - shared)
    assertThat(FamilyIndex.contained(20.0 / 60, 20, 60)).isCloseTo(20, within(1e-9));
    assertThat(FamilyIndex.contained(10.0 / 70, 20, 60)).isZero(); // half of the wording
    assertThat(FamilyIndex.contained(1.0, 8, 8)).isZero(); // too short a wording to judge by containment
    assertThat(FamilyIndex.contained(0.5, 40, 20)).isZero(); // the wording is larger than the template
  }
}
