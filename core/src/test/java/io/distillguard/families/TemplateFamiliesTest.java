package io.distillguard.families;

import static io.distillguard.testing.RandomWords.words;
import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.event.Event;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.features.FeatureExtractor;
import io.distillguard.features.RequestFeatures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateFamiliesTest {

  private static final FeatureExtractor X = FeatureExtractor.withBundledModel();
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  /** A reconstruction wrapper around a problem (the slot): template text before and after. */
  private static final String HEAD = "Below is a problem together with the answer that a teacher marked correct."
      + " Write out the full derivation that gets from the problem to that answer, numbering each step. Problem: ";
  private static final String TAIL = " Keep the derivation self-contained and end with the answer on its own line.";

  private static RequestFeatures req(String text) {
    return req("a", text);
  }

  private static RequestFeatures req(String account, String text) {
    return req(account, text, T0);
  }

  private static RequestFeatures req(String account, String text, Instant ts) {
    return X.extract(new Event("e", ts, account, null, null, null, null, null,
        Request.of("m", List.of(Message.text("user", text))), null));
  }

  /**
   * A new template's first requests come before its text recurs often enough to be known as template text: they get
   * no family when they arrive, and are assigned the template's family later (at the next half-hour search once it is
   * known), all but the very first (whose text had never been seen); free-form requests never are.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void earlyRequestsOfANewTemplate_areAssignedItsFamilyOnceItsTextIsKnown(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    TemplateFamilies tf = new TemplateFamilies(1000);
    List<String> early = new ArrayList<>();
    java.util.Set<String> onTime = new java.util.HashSet<>();
    List<LateAssignment> late = new ArrayList<>();
    Map<String, Long> taskOf = new HashMap<>();
    for (int i = 0; i < 240; i++) {
      Instant ts = T0.plusSeconds(60L * i);
      FamilyAssignment a;
      if (r.nextBoolean()) {
        String account = "t-" + i;
        RequestFeatures q = req(account, HEAD + words(r, 20 + r.nextInt(40)) + " Answer: " + r.nextInt(1000) + TAIL,
            ts);
        taskOf.put(account, q.taskKey());
        a = tf.assignWithChanges(q);
        if (a.family() == null) {
          early.add(account);
        } else {
          onTime.add(account);
        }
      } else {
        a = tf.assignWithChanges(req("f-" + i, words(r, 30 + r.nextInt(60)), ts));
        assertThat(a.family()).isNull();
      }
      late.addAll(a.late());
    }
    late.addAll(tf.assignWithChanges(req("x", words(r, 40), T0.plusSeconds(6 * 3600))).late());

    assertThat(early).as("seed %d", seed).hasSizeGreaterThan(10);
    List<String> lateAccounts = late.stream().map(LateAssignment::account).toList();
    assertThat(lateAccounts).as("seed %d", seed).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(early.subList(1, early.size()));
    // each names the task of its own request (an account's count of templated tasks takes it in)
    assertThat(late).allSatisfy(l -> assertThat(l.taskKey()).isEqualTo(taskOf.get(l.account())));
    java.util.Set<String> families = new java.util.HashSet<>();
    late.forEach(l -> families.add(tf.canonical(l.family())));
    assertThat(families).as("seed %d", seed).hasSize(1);
    assertThat(onTime).isNotEmpty();
    String onTimeFamily = tf.canonical(tf.assign(req("y", HEAD + words(r, 30) + " Answer: 7" + TAIL,
        T0.plusSeconds(6 * 3600 + 60))));
    assertThat(families).containsExactly(onTimeFamily);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void filledTemplate_landsInOneFamily_freeTextInNone(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    TemplateFamilies tf = new TemplateFamilies(1000);
    Map<String, Integer> families = new HashMap<>();
    int freeWithFamily = 0;
    for (int i = 0; i < 300; i++) {
      if (r.nextBoolean()) {
        String fam = tf.assign(req(HEAD + words(r, 20 + r.nextInt(40)) + " Answer: " + r.nextInt(1000) + TAIL));
        // a shingle becomes template text after TEMPLATE_COUNT recurrences: judge after the warm-up
        if (i >= 120 && fam != null) {
          families.merge(tf.canonical(fam), 1, Integer::sum);
        } else if (i >= 120) {
          families.merge("none", 1, Integer::sum);
        }
      } else if (tf.assign(req(words(r, 30 + r.nextInt(60)))) != null) {
        freeWithFamily++;
      }
    }
    assertThat(families).as("seed %d", seed).doesNotContainKey("none").hasSize(1);
    assertThat(freeWithFamily).as("seed %d", seed).isZero();
  }

  /**
   * 27 wordings composed from interchangeable sentences: every request gets a family, and a few families hold them
   * (accounts that use several of them are linked through all of them later, and the rotation search names families
   * that the same accounts take turns with as one).
   */
  @ParameterizedTest
  @ValueSource(longs = {4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23})
  void paraphrasedWrappers_fallIntoAFewFamilies(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    TemplateFamilies tf = new TemplateFamilies(1000);
    String[][] fragments = {
      {"Here is a question and its final answer.", "Below you will find a problem with its correct answer.",
        "I am giving you a problem along with the verified answer."},
      {"Reconstruct the complete reasoning that leads to it.", "Write out every step of the reasoning behind it.",
        "Explain in full the chain of thought that arrives at it."},
      {"Number each step and do not skip any.", "Show all intermediate calculations.",
        "Be exhaustive and explicit at every stage."}
    };
    List<String> assigned = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      StringBuilder sb = new StringBuilder();
      for (String[] slot : fragments) {
        sb.append(slot[r.nextInt(slot.length)]).append(' ');
      }
      sb.append("Question: ").append(words(r, 25)).append(" Answer: ").append(r.nextInt(100));
      // a campaign's 40 accounts (two wordings merge only once two owners' requests bridge them)
      String fam = tf.assign(req("acct-" + r.nextInt(40), sb.toString()));
      if (i >= 200) {
        assigned.add(fam == null ? "none" : fam);
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    assigned.forEach(f -> counts.merge(tf.canonical(f), 1, Integer::sum));
    assertThat(counts).as("seed %d: %s", seed, counts).doesNotContainKey("none");
    int[] sizes = counts.values().stream().mapToInt(Integer::intValue).sorted().toArray();
    int n = sizes.length;
    int top4 = 0;
    for (int i = Math.max(0, n - 4); i < n; i++) {
      top4 += sizes[i];
    }
    // over these 20 seeds the largest held at least 52% and the three largest at least 85% until a wording with more
    // recurring text around it stopped being registered (session 17: a recurring fill registered with its wrapper drew
    // in requests that shared only the fill); since then one seed (22) splits four ways, 102/95/63/40 of 300, since
    // the first wording registered while the sentences warm up is part of later ones
    assertThat(sizes[n - 1]).as("seed %d: %s", seed, counts).isGreaterThanOrEqualTo(assigned.size() / 3);
    assertThat(top4).as("seed %d: %s", seed, counts).isGreaterThanOrEqualTo(assigned.size() * 9 / 10);
  }

  /**
   * Looking at every sixth shingle and the runs found there keeps exactly the runs that a pass over every shingle
   * keeps (random texts of template and free runs of every length, at the edges too), with far fewer lookups when
   * little of the text is template text.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void keptRuns_lookingAtEverySixthShingle_keepWhatAFullPassKeeps(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long lookups = 0;
    long full = 0;
    for (int trial = 0; trial < 2_000; trial++) {
      int len = r.nextInt(0, 120);
      long[] shingles = new long[len];
      java.util.Set<Long> templateText = new java.util.HashSet<>();
      int density = r.nextInt(1, 10);
      for (int i = 0; i < len; ) {
        boolean inTemplate = r.nextInt(10) < density;
        int run = r.nextInt(1, 14);
        for (int j = 0; j < run && i < len; j++, i++) {
          shingles[i] = trial * 1_000L + i;
          if (inTemplate) {
            templateText.add(shingles[i]);
          }
        }
      }
      long[] expected = new long[len];
      int n = 0;
      int run = 0;
      for (int i = 0; i <= len; i++) {
        if (i < len && templateText.contains(shingles[i])) {
          run++;
          continue;
        }
        if (run >= TemplateFamilies.MIN_RUN) {
          System.arraycopy(shingles, i - run, expected, n, run);
          n += run;
        }
        run = 0;
      }
      long[] kept = new long[len];
      long[] count = {0};
      int m = TemplateFamilies.keptRuns(shingles, s -> {
        count[0]++;
        return templateText.contains(s);
      }, kept);
      assertThat(Arrays.copyOf(kept, m)).as("trial %d", trial).containsExactly(Arrays.copyOf(expected, n));
      lookups += count[0];
      full += len;
      if (templateText.isEmpty()) {
        assertThat(count[0]).isEqualTo(len / TemplateFamilies.MIN_RUN);
      }
    }
    assertThat(lookups).isLessThan(full);
  }
}
