package io.distillguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** simulate, scan and eval run end to end through the command line, on a small scenario. */
class EndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static Path sim;
  static Path out;

  static int run(String... args) {
    StringWriter err = new StringWriter();
    var cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    assertThat(code).as("%s: %s", String.join(" ", args), err).isZero();
    return code;
  }

  @BeforeAll
  static void simulateScanEval() {
    sim = dir.resolve("sim");
    out = dir.resolve("out");
    run("simulate", "--seed", "11", "--scale", "0.05", "--days", "3", "--out", sim.toString(), "--quiet");
    run("scan", "--input", sim.resolve("events.jsonl").toString(), "--allowlist",
        sim.resolve("allowlist.txt").toString(), "--out", out.toString(), "--quiet");
    run("eval", "--labels", sim.resolve("labels.jsonl").toString(), "--verdicts",
        out.resolve("verdicts.jsonl").toString(), "--json", "--out", out.resolve("eval.json").toString());
  }

  private static List<JsonNode> lines(Path f) throws Exception {
    return Files.readAllLines(f).stream().filter(l -> !l.isBlank()).map(l -> {
      try {
        return JSON.readTree(l);
      } catch (Exception e) {
        throw new AssertionError("bad JSON line in " + f + ": " + e.getMessage());
      }
    }).toList();
  }

  @Test
  void scanWritesEveryOutputOfTheContract() throws Exception {
    for (String f : List.of("verdicts.jsonl", "campaigns.jsonl", "summary.json", "report.html")) {
      assertThat(out.resolve(f)).exists();
    }
    assertThat(out.resolve("rejects.jsonl")).doesNotExist();
    assertThat(Files.readString(out.resolve("report.html"))).contains("distillguard scan report");
  }

  @Test
  void everyLabelledAccountHasExactlyOneVerdict_andTheSummaryAddsUp() throws Exception {
    List<JsonNode> labels = lines(sim.resolve("labels.jsonl"));
    List<JsonNode> verdicts = lines(out.resolve("verdicts.jsonl"));
    assertThat(verdicts).hasSameSizeAs(labels);
    Map<String, String> verdictOf = new HashMap<>();
    for (JsonNode v : verdicts) {
      assertThat(verdictOf.put(v.get("account_id").asText(), v.get("verdict").asText())).isNull();
      assertThat(v.get("score").asDouble()).isBetween(0.0, 1.0);
      assertThat(v.get("reasons").isArray()).isTrue();
    }
    for (JsonNode l : labels) {
      assertThat(verdictOf).containsKey(l.get("account_id").asText());
      if (l.get("class").asText().equals("allowed")) {
        assertThat(verdictOf.get(l.get("account_id").asText())).isEqualTo("allowed");
      }
    }
    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    JsonNode scenario = JSON.readTree(sim.resolve("scenario.json").toFile());
    assertThat(summary.get("events").asLong()).isEqualTo(scenario.get("events").asLong());
    assertThat(summary.get("accounts").asLong()).isEqualTo(labels.size());
    assertThat(summary.get("rejected").asLong()).isZero();
  }

  @Test
  void attackVerdictsCarryCampaignEvidenceAndAFirstFlagTime() throws Exception {
    List<JsonNode> verdicts = lines(out.resolve("verdicts.jsonl"));
    List<JsonNode> campaigns = lines(out.resolve("campaigns.jsonl"));
    long attacks = verdicts.stream().filter(v -> v.get("verdict").asText().equals("attack")).count();
    assertThat(attacks).isPositive();
    for (JsonNode v : verdicts) {
      if (v.get("verdict").asText().equals("attack")) {
        assertThat(v.get("first_flagged_at").isNull()).isFalse();
        assertThat(v.get("reasons").size()).isPositive();
      }
    }
    for (JsonNode c : campaigns) {
      assertThat(c.get("accounts").size()).isEqualTo(c.get("account_count").asInt());
      assertThat(c.get("reasons").size()).isPositive();
    }
  }

  @Test
  void evalJson_reportsTheCountsOfTheRun() throws Exception {
    JsonNode eval = JSON.readTree(out.resolve("eval.json").toFile());
    assertThat(eval.get("format").asText()).isEqualTo("distillguard-eval-v1");
    assertThat(eval.toString()).contains("precision").contains("recall");
  }

  @Test
  void policyTestBacktestsRulesAgainstTheLog() throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.json"),
        "{\"rules\": [{\"name\": \"degrade attacks\", \"when\": \"verdict == 'attack'\", \"action\": \"degrade\"}]}");
    StringWriter out = new StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("policy", "test", "--rules", rules.toString(), "--input",
        sim.resolve("events.jsonl").toString(), "--allowlist", sim.resolve("allowlist.txt").toString())).isZero();
    long attacks = lines(EndToEndIT.out.resolve("verdicts.jsonl")).stream()
        .filter(v -> v.get("verdict").asText().equals("attack")).count();
    assertThat(attacks).isPositive();
    // every attack account moves from block to degrade, and nothing else changes
    assertThat(out.toString()).contains(String.format("%,d accounts change action", attacks))
        .containsPattern("degrade\\s+0\\s+" + String.format("%,d", attacks))
        .contains("-> degrade  degrade attacks");
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"rules\": [{\"name\": \"x\", \"when\": \"verdict ==\", \"action\": \"block\"}]}");
    StringWriter err = new StringWriter();
    var cl2 = Main.commandLine();
    cl2.setErr(new PrintWriter(err));
    assertThat(cl2.execute("policy", "check", "--rules", bad.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("rule 1 (x)");
  }

  @Test
  void demoStreamsSimulatedTrafficIntoALiveServiceAndExits() {
    Path demo = dir.resolve("demo");
    assertThat(Main.commandLine().execute("demo", "--port", "0", "--grpc-port", "0", "--scale", "0.02", "--days",
        "2", "--data-dir", demo.toString(), "--exit")).isZero();
    assertThat(demo.resolve("store").resolve("distillguard.db")).exists();
    assertThat(demo.resolve("sim").resolve("events.jsonl")).exists();
  }
}
