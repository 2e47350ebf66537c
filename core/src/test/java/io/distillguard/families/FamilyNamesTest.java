package io.distillguard.families;

import static org.assertj.core.api.Assertions.assertThat;
import static io.distillguard.testing.RandomWords.words;

import io.distillguard.event.Event;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.features.FeatureExtractor;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A replica fed the family stage's merges names every family as the stage does, at every step. */
class FamilyNamesTest {

  private static final FeatureExtractor X = FeatureExtractor.withBundledModel();
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final String[][] FRAGMENTS = {
    {"Here is a question and its final answer.", "Below you will find a problem with its correct answer.",
      "I am giving you a problem along with the verified answer.", "Take this exercise and the answer key."},
    {"Reconstruct the complete reasoning that leads to it.", "Write out every step of the reasoning behind it.",
      "Explain in full the chain of thought that arrives at it.", "Derive it again from first principles."},
    {"Number each step and do not skip any.", "Show all intermediate calculations.",
      "Be exhaustive and explicit at every stage.", "Leave nothing implicit."}
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void replicaFollowsTheStage_mergeByMerge(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    TemplateFamilies stage = new TemplateFamilies(64); // small: families are forgotten along the way too
    FamilyNames names = new FamilyNames();
    Set<String> seen = new LinkedHashSet<>();
    int merges = 0;
    for (int i = 0; i < 1500; i++) {
      StringBuilder sb = new StringBuilder();
      for (String[] slot : FRAGMENTS) {
        sb.append(slot[r.nextInt(slot.length)]).append(' ');
      }
      sb.append("Question: ").append(words(r, 20)).append(" Answer: ").append(r.nextInt(100));
      FamilyAssignment a = stage.assignWithChanges(X.extract(new Event("e" + i, T0, "acct-" + r.nextInt(20), null,
          null, null, null, null, Request.of("m", List.of(Message.text("user", sb.toString()))), null)));
      for (String[] m : a.merges()) {
        names.merged(m[0], m[1]);
        seen.add(m[0]);
        seen.add(m[1]);
        merges++;
      }
      if (a.family() != null) {
        seen.add(a.family());
      }
      for (String id : seen) {
        assertThat(names.canonical(id)).as("seed %d, request %d, %s", seed, i, id).isEqualTo(stage.canonical(id));
      }
    }
    assertThat(merges).as("seed %d: the scenario must merge families", seed).isPositive();
    FamilyNames restored = FamilyNames.of(stage);
    for (String id : seen) {
      assertThat(restored.canonical(id)).isEqualTo(stage.canonical(id));
    }
    assertThat(names.canonical(null)).isNull();
    assertThat(names.canonical("lockstep")).isEqualTo("lockstep");
  }

}
