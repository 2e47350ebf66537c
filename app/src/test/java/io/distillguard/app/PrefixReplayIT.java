package io.distillguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.event.Event;
import io.distillguard.event.EventStream;
import io.distillguard.event.ReaderOptions;
import io.distillguard.features.FeatureExtractor;
import io.distillguard.pipeline.DetectionPipeline;
import io.distillguard.pipeline.ScanResult;
import io.distillguard.policy.Allowlist;
import io.distillguard.scoring.DetectionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time-ordered processing: a scan of a log cut at an evaluation grid point ends with exactly the verdicts and
 * campaigns that the full run had at that point, {@code first_flagged_at} included.
 */
class PrefixReplayIT {

  @TempDir Path dir;

  @Test
  void prefixRun_equalsTheFullRunAtTheCut() throws Exception {
    Path sim = dir.resolve("sim");
    assertThat(Main.commandLine().execute("simulate", "--seed", "5", "--scale", "0.04", "--days", "2", "--out",
        sim.toString(), "--quiet")).isZero();
    List<Event> events = new ArrayList<>();
    try (EventStream s = EventStream.open(List.of(sim.resolve("events.jsonl")), ReaderOptions.defaults(), r -> {
      throw new AssertionError("unexpected reject " + r);
    })) {
      while (s.hasNext()) {
        events.add(s.next());
      }
    }
    Allowlist allow = Allowlist.read(sim.resolve("allowlist.txt"));
    DetectionConfig cfg = DetectionConfig.defaults();
    FeatureExtractor x = FeatureExtractor.withBundledModel();
    Instant cut = events.get(0).ts().plus(Duration.ofHours(30)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);

    List<DetectionPipeline.Evaluation> atCut = new ArrayList<>();
    DetectionPipeline full = new DetectionPipeline(allow, cfg, x);
    full.onEvaluation(ev -> {
      if (ev.at().equals(cut)) {
        atCut.add(ev);
      }
    });
    for (Event e : events) {
      full.accept(e);
    }
    assertThat(atCut).as("the full run evaluated at the cut").hasSize(1);

    DetectionPipeline prefix = new DetectionPipeline(allow, cfg, x);
    int n = 0;
    for (Event e : events) {
      if (e.ts().isBefore(cut)) {
        prefix.accept(e);
        n++;
      }
    }
    assertThat(n).isBetween(1, events.size() - 1);
    ScanResult r = prefix.result();
    assertThat(r.verdicts()).isEqualTo(atCut.get(0).verdicts());
    assertThat(r.campaigns()).isEqualTo(atCut.get(0).campaigns());
    assertThat(r.verdicts().stream().anyMatch(v -> v.firstFlaggedAt() != null))
        .as("something was flagged by the cut, so first_flagged_at is compared too").isTrue();
  }
}
