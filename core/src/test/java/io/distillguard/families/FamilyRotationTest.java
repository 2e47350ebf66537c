package io.distillguard.families;

import static io.distillguard.testing.RandomWords.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.distillguard.event.Event;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.features.FeatureExtractor;
import io.distillguard.features.RequestFeatures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Families that the same accounts take turns with merge into one; families of unrelated popular templates, whose
 * users each pick a few, stay apart; the user sketch behind it is a mergeable bottom-k sample.
 */
class FamilyRotationTest {

  private static final FeatureExtractor X = FeatureExtractor.withBundledModel();
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  private static RequestFeatures req(String account, long minute, String text) {
    return X.extract(new Event("e", T0.plusSeconds(60 * minute), account, null, null, null, null, null,
        Request.of("m", List.of(Message.text("user", text))), null));
  }

  /** Wrappers that share no wording: each alone is a family of its own. */
  private static List<String[]> wrappers(SplittableRandom r, int n) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new String[] {words(r, 12 + r.nextInt(6)) + ": ", " " + words(r, 9 + r.nextInt(6))});
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void wrappersRotatedByTheSameAccounts_mergeIntoOneFamily(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    TemplateFamilies tf = new TemplateFamilies(5000);
    List<String[]> rotation = wrappers(r, 8);
    List<String[]> popular = wrappers(r, 20);
    Set<String> raw = new HashSet<>();
    Set<String> late = new HashSet<>();
    Set<String> ordinary = new HashSet<>();
    int minutes = 3 * 24 * 60;
    for (int m = 0; m < minutes; m += 2) {
      // one of 80 operator accounts sends a question in a randomly chosen wrapper; an ordinary user sends free text
      // or fills one of the popular templates it favours
      String[] w = rotation.get(r.nextInt(rotation.size()));
      String fam = tf.assign(req("op-" + r.nextInt(80), m, w[0] + words(r, 15 + r.nextInt(20)) + w[1]));
      int u = r.nextInt(2000);
      String[] p = popular.get((u * 7 + r.nextInt(3)) % popular.size());
      String other = tf.assign(req("user-" + u, m, r.nextBoolean() ? words(r, 20 + r.nextInt(40))
          : p[0] + words(r, 15 + r.nextInt(20)) + p[1]));
      if (other != null && m >= minutes - 12 * 60) {
        ordinary.add(tf.canonical(other));
      }
      if (fam != null) {
        raw.add(fam);
      }
      if (fam != null && m >= minutes - 12 * 60) {
        late.add(tf.canonical(fam));
      }
    }
    assertThat(raw).as("seed %d: each wrapper starts as a family of its own", seed)
        .hasSizeGreaterThanOrEqualTo(rotation.size());
    assertThat(late).as("seed %d", seed).hasSize(1);
    // the popular templates keep families of their own, none merged into the rotation
    assertThat(ordinary).as("seed %d", seed).hasSize(popular.size()).doesNotContainAnyElementsOf(late);
  }

  @ParameterizedTest
  @ValueSource(longs = {6, 7, 8, 9, 10})
  void popularTemplates_eachUserPickingAFew_stayApart(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    TemplateFamilies tf = new TemplateFamilies(5000);
    List<String[]> templates = wrappers(r, 20);
    int users = 600;
    int[][] picks = new int[users][];
    for (int u = 0; u < users; u++) {
      picks[u] = new int[] {r.nextInt(20), r.nextInt(20), r.nextInt(20)};
    }
    Set<String> late = new TreeSet<>();
    int minutes = 3 * 24 * 60;
    for (int m = 0; m < minutes; m++) {
      int u = r.nextInt(users);
      int t = picks[u][r.nextInt(3)];
      String[] w = templates.get(t);
      String fam = tf.assign(req("user-" + u, m, w[0] + words(r, 15 + r.nextInt(20)) + w[1]));
      if (fam != null && m >= minutes - 12 * 60) {
        late.add(t + "=" + tf.canonical(fam));
      }
    }
    // every template keeps a family of its own: twenty templates, twenty distinct families
    Set<String> families = new HashSet<>();
    for (String s : late) {
      families.add(s.substring(s.indexOf('=') + 1));
    }
    assertThat(late).as("seed %d", seed).hasSize(20);
    assertThat(families).as("seed %d", seed).hasSize(20);
  }

  private static OwnerSketch sketchOf(Iterable<Long> owners) {
    OwnerSketch f = new OwnerSketch();
    for (long a : owners) {
      f.add(OwnerSketch.hashOf(a));
    }
    return f;
  }

  private static long[] hashes(OwnerSketch s) {
    long[] out = new long[s.count()];
    for (int i = 0; i < out.length; i++) {
      out[i] = s.smallest(i);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
  void userSketch_estimatesJaccard_andMergesLikeTheUnion(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int universe = 200 + r.nextInt(5000);
    List<Long> a = new ArrayList<>();
    List<Long> b = new ArrayList<>();
    double pa = 0.05 + 0.9 * r.nextDouble();
    double pb = 0.05 + 0.9 * r.nextDouble();
    for (long x = 0; x < universe; x++) {
      if (r.nextDouble() < pa) {
        a.add(x);
      }
      if (r.nextDouble() < pb) {
        b.add(x);
      }
    }
    Set<Long> union = new TreeSet<>(a);
    union.addAll(b);
    Set<Long> both = new TreeSet<>(a);
    both.retainAll(new HashSet<>(b));
    double exact = (double) both.size() / union.size();
    OwnerSketch fa = sketchOf(a);
    OwnerSketch fb = sketchOf(b);
    // a bottom-64 sample: within about three standard errors (sqrt(J(1-J)/64) <= 0.0625)
    assertThat(OwnerSketch.similarity(fa, fb)).as("seed %d", seed).isCloseTo(exact, within(0.19));
    assertThat(OwnerSketch.similarity(fa, fa)).isEqualTo(1.0);

    // merging sketches (in either order, with repeats) gives the sketch of the union
    OwnerSketch merged = sketchOf(a);
    merged.merge(fb);
    merged.merge(fa);
    OwnerSketch direct = sketchOf(union);
    assertThat(merged.count()).isEqualTo(direct.count());
    assertThat(hashes(merged)).containsExactly(hashes(direct));
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23})
  void smallSets_similarityIsExact(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Set<Long> a = new TreeSet<>();
    Set<Long> b = new TreeSet<>();
    // a union under 64 accounts: both sketches hold their whole sets
    int na = 10 + r.nextInt(30);
    int nb = 10 + r.nextInt(30);
    while (a.size() < na) {
      a.add((long) r.nextInt(60));
    }
    while (b.size() < nb) {
      b.add((long) r.nextInt(60));
    }
    Set<Long> union = new TreeSet<>(a);
    union.addAll(b);
    Set<Long> both = new TreeSet<>(a);
    both.retainAll(b);
    assertThat(OwnerSketch.similarity(sketchOf(a), sketchOf(b)))
        .isEqualTo((double) both.size() / union.size());
  }

  private static final io.distillguard.features.LshBands BANDS = new io.distillguard.features.LshBands(32, 2);

  private static int[] signature(SplittableRandom r) {
    int[] s = new int[64];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.nextInt();
    }
    return s;
  }

  /** The first half of {@code a} and the second half of {@code b}: estimated similarity 0.5 to each. */
  static int[] halves(int[] a, int[] b) {
    int[] s = a.clone();
    System.arraycopy(b, 32, s, 32, 32);
    return s;
  }

  private static int assign(FamilyIndex index, int[] sig, long account) {
    return index.assign(sig, BANDS.keys(sig), 0, account); // synthetic signatures: no size, no containment joins
  }

  /**
   * A request close to a rotation's family and to an outside one merges the two only when neither is a rotation's:
   * a campaign's rotation never takes in traffic from outside its cohort through a shared wording.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void wordingShared_withARotationsFamily_mergesNothing(boolean rotated) {
    SplittableRandom r = new SplittableRandom(31);
    FamilyIndex index = new FamilyIndex(1000);
    int[] x = signature(r);
    int[] y = signature(r);
    int[] outside = signature(r);
    int[] popular = signature(r);
    for (int i = 0; i < 40; i++) {
      // the cohort uses both x and y (or, as a control, y is someone else's)
      assign(index, x, i);
      assign(index, y, rotated ? i : 1000 + i);
      assign(index, outside, 2000 + i);
      for (int k = 0; k < 6; k++) {
        assign(index, popular, 5000 + 40 * k + i); // many other accounts: the population is not the cohort
      }
    }
    index.drainMerges();
    int nx = assign(index, x, 0);
    int ny = assign(index, y, 0);
    index.mergeRotations();
    List<int[]> rotation = index.drainMerges();
    if (rotated) {
      assertThat(rotation).hasSize(1);
    } else {
      assertThat(rotation).isEmpty();
    }
    int name = assign(index, x, 0);
    int outsideName = assign(index, outside, 2000);
    assertThat(assign(index, y, 0) == name).isEqualTo(rotated);

    // requests halfway between x and the outside family, from two of its accounts (one alone merges nothing)
    assign(index, halves(x, outside), 2000);
    assertThat(index.drainMerges()).isEmpty();
    assign(index, halves(x, outside), 2001);
    List<int[]> merges = index.drainMerges();
    if (rotated) {
      assertThat(merges).isEmpty();
      assertThat(assign(index, outside, 2001)).isEqualTo(outsideName).isNotEqualTo(name);
    } else {
      assertThat(merges).hasSize(1);
      assertThat(assign(index, outside, 2001)).isEqualTo(assign(index, x, 1));
    }
    assertThat(nx).isNotEqualTo(ny);
  }
}
