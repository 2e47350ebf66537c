package io.distillguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.event.Event;
import io.distillguard.event.EventStream;
import io.distillguard.event.ReaderOptions;
import io.distillguard.features.FeatureExtractor;
import io.distillguard.pipeline.DetectionPipeline;
import io.distillguard.policy.Allowlist;
import io.distillguard.scoring.DetectionConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline checkpointed at an evaluation and restored into a new one evaluates from there exactly as the original:
 * every later evaluation (verdicts with reasons, campaigns with evidence) is equal.
 */
class CheckpointIT {

  @TempDir Path dir;

  @Test
  void aRestoredPipelineGoesOnExactlyAsTheOriginal() throws Exception {
    Path sim = dir.resolve("sim");
    assertThat(Main.commandLine().execute("simulate", "--seed", "9", "--scale", "0.03", "--days", "3", "--out",
        sim.toString(), "--quiet")).isZero();
    List<Event> events = new ArrayList<>();
    try (EventStream s = EventStream.open(List.of(sim.resolve("events.jsonl")), ReaderOptions.defaults(), r -> { })) {
      while (s.hasNext()) {
        events.add(s.next());
      }
    }
    Allowlist allow = Allowlist.read(sim.resolve("allowlist.txt"));
    FeatureExtractor x = FeatureExtractor.withBundledModel();
    DetectionPipeline original = new DetectionPipeline(allow, DetectionConfig.defaults(), x);
    Map<String, String> after = new LinkedHashMap<>();
    int[] current = {0};
    int[] evaluations = {0};
    int[] resumeAt = {-1};
    ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
    original.onEvaluation(e -> {
      if (++evaluations[0] == 80) { // a day and a half in: campaigns under way
        try (DataOutputStream out = new DataOutputStream(checkpoint)) {
          original.checkpoint(out);
        } catch (java.io.IOException ex) {
          throw new IllegalStateException(ex);
        }
        resumeAt[0] = current[0];
      }
      if (resumeAt[0] >= 0) {
        after.put(e.at().toString(), e.verdicts() + " " + e.campaigns());
      }
    });
    for (int i = 0; i < events.size(); i++) {
      current[0] = i;
      original.accept(events.get(i));
    }
    var expected = original.result();
    assertThat(resumeAt[0]).isPositive();
    assertThat(expected.campaigns()).isNotEmpty();

    DetectionPipeline restored = new DetectionPipeline(allow, DetectionConfig.defaults(), x);
    Map<String, String> seen = new LinkedHashMap<>();
    restored.onEvaluation(e -> seen.put(e.at().toString(), e.verdicts() + " " + e.campaigns()));
    restored.restore(new DataInputStream(new ByteArrayInputStream(checkpoint.toByteArray())));
    restored.resume();
    for (int i = resumeAt[0]; i < events.size(); i++) {
      restored.accept(events.get(i));
    }
    var actual = restored.result();
    assertThat(seen.keySet()).containsExactlyElementsOf(after.keySet());
    for (String t : after.keySet()) {
      String a = after.get(t);
      String b = seen.get(t);
      int k = 0;
      while (k < Math.min(a.length(), b.length()) && a.charAt(k) == b.charAt(k)) {
        k++;
      }
      assertThat(k).as("evaluation at %s differs at %d: expected ...%s... but was ...%s...", t, k,
          a.substring(Math.max(0, k - 100), Math.min(a.length(), k + 1200)),
          b.substring(Math.max(0, k - 100), Math.min(b.length(), k + 1200))).isEqualTo(a.length());
      assertThat(b).isEqualTo(a);
    }
    assertThat(actual.verdicts()).isEqualTo(expected.verdicts());
    assertThat(actual.campaigns()).isEqualTo(expected.campaigns());
  }
}
