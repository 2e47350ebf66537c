package io.distillguard.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void templatesFromTheFolder_replaceTheCampaignsAndStudentsWording(@TempDir Path dir) throws IOException {
    Path wording = Files.createDirectories(dir.resolve("held-out"));
    write(wording.resolve("elicit.jsonl"), "ZQX-ELICIT one {q}", "ZQX-ELICIT two: {q}");
    write(wording.resolve("reconstruct.jsonl"), "ZQX-RECON {q} => {a}");
    write(wording.resolve("system.jsonl"), "ZQX-SYSTEM be thorough");
    write(wording.resolve("student.jsonl"), "ZQX-STUDENT help: {q}");
    Path out = dir.resolve("run");
    Simulator.run(SimulationConfig.defaults(11, 0.05, out).withDuration(Duration.ofDays(2)).withWording(wording),
        p -> {});

    Map<String, String> groups = new HashMap<>();
    for (JsonNode l : lines(out.resolve("labels.jsonl"))) {
      groups.put(l.get("account_id").asText(), l.get("group").asText());
    }
    Map<String, int[]> seen = new HashMap<>(); // group -> {requests, with a held-out marker}
    for (JsonNode e : lines(out.resolve("events.jsonl"))) {
      String group = groups.get(e.get("account_id").asText());
      String text = e.path("request").toString();
      int[] c = seen.computeIfAbsent(group, g -> new int[2]);
      c[0]++;
      if (text.contains("ZQX-")) {
        c[1]++;
      }
      if (group.equals("low-and-slow")) {
        assertThat(text).contains("ZQX-ELICIT").doesNotContain("{q}");
      }
      if (group.equals("university-class")) {
        assertThat(text).contains("ZQX-STUDENT").doesNotContain("{q}");
      }
    }
    assertThat(seen.get("low-and-slow")[0]).isPositive();
    assertThat(seen.get("university-class")[0]).isPositive();
    // the cot campaign's reconstruction requests (over half of its traffic) use the held-out wrapper, slots filled
    int[] cot = seen.get("cot-harvest");
    assertThat(cot[1]).isGreaterThan(cot[0] / 2);
    assertThat(seen.get("general")[1]).isZero();
    assertThat(JSON.readTree(out.resolve("scenario.json").toFile()).get("wording").asText()).isEqualTo("held-out");
  }

  @Test
  void aTemplateWithoutItsSlots_isRejectedNamingFileAndLine(@TempDir Path dir) throws IOException {
    write(dir.resolve("reconstruct.jsonl"), "fine {q} {a}", "no answer slot {q}");
    assertThatThrownBy(() -> Wording.load(dir))
        .hasMessageContaining("reconstruct.jsonl:2")
        .hasMessageContaining("{a}");
    Files.writeString(dir.resolve("reconstruct.jsonl"), "not json\n");
    assertThatThrownBy(() -> Wording.load(dir)).hasMessageContaining("reconstruct.jsonl:1");
  }

  @Test
  void anEmptyFolder_isRejected_andNoFolderKeepsTheSimulatorsWording(@TempDir Path dir) {
    assertThatThrownBy(() -> Wording.load(dir)).hasMessageContaining("none of");
    assertThat(Wording.load(null)).isSameAs(Wording.NONE);
  }

  private static void write(Path file, String... templates) throws IOException {
    StringBuilder b = new StringBuilder();
    for (String t : templates) {
      b.append(JSON.createObjectNode().put("template", t)).append('\n');
    }
    Files.writeString(file, b);
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }
}
