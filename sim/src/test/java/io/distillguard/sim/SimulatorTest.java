package io.distillguard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TWO_DAYS = Duration.ofDays(2);
  private static final List<String> FILES =
      List.of("events.jsonl", "labels.jsonl", "scenario.json", "allowlist.txt");

  @TempDir static Path shared;

  /** One small run (scale 0.05, 2 days) that the content checks share. */
  private static Path run;

  private static List<JsonNode> events;
  private static Map<String, JsonNode> labels;
  private static JsonNode scenario;

  @BeforeAll
  static void simulateOnce() throws IOException {
    run = shared.resolve("run");
    Simulator.run(config(11, 0.05, run), p -> {});
    events = readJsonLines(Files.newInputStream(run.resolve("events.jsonl")));
    labels = new HashMap<>();
    for (JsonNode l : readJsonLines(Files.newInputStream(run.resolve("labels.jsonl")))) {
      assertThat(labels.put(l.get("account_id").asText(), l)).as("duplicate label").isNull();
    }
    scenario = JSON.readTree(run.resolve("scenario.json").toFile());
  }

  private static SimulationConfig config(long seed, double scale, Path out) {
    return SimulationConfig.defaults(seed, scale, out).withDuration(TWO_DAYS);
  }

  private static List<JsonNode> readJsonLines(InputStream in) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  @Test
  void labels_giveEachAccountsFirstRequestTime() {
    Map<String, java.time.Instant> first = new HashMap<>();
    for (JsonNode e : events) {
      first.merge(e.get("account_id").asText(), java.time.Instant.parse(e.get("ts").asText()),
          (x, y) -> x.isBefore(y) ? x : y);
    }
    assertThat(labels.keySet()).isEqualTo(first.keySet());
    for (Map.Entry<String, java.time.Instant> f : first.entrySet()) {
      assertThat(java.time.Instant.parse(labels.get(f.getKey()).get("first_request_at").asText()))
          .as(f.getKey()).isEqualTo(f.getValue());
    }
  }

  @Test
  void sameSeed_givesByteIdenticalFiles_andAnotherSeedDiffers(@TempDir Path dir) throws IOException {
    SimulationResult a = Simulator.run(config(7, 0.02, dir.resolve("a")), p -> {});
    SimulationResult b = Simulator.run(config(7, 0.02, dir.resolve("b")), p -> {});
    Simulator.run(config(8, 0.02, dir.resolve("c")), p -> {});
    assertThat(a.events()).isEqualTo(b.events()).isPositive();
    for (String f : FILES) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
    assertThat(Files.readAllBytes(dir.resolve("c").resolve("events.jsonl")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve("events.jsonl")));
    assertThat(Files.readAllBytes(dir.resolve("c").resolve("labels.jsonl")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve("labels.jsonl")));
  }

  @Test
  void gzipOutput_isReadable_reproducible_andHoldsTheSameEvents(@TempDir Path dir) throws IOException {
    SimulationResult plain = Simulator.run(config(7, 0.02, dir.resolve("plain")), p -> {});
    SimulationResult gz = Simulator.run(config(7, 0.02, dir.resolve("gz")).withGzip(true), p -> {});
    Simulator.run(config(7, 0.02, dir.resolve("gz2")).withGzip(true), p -> {});
    Path gzFile = dir.resolve("gz").resolve("events.jsonl.gz");
    assertThat(Files.readAllBytes(gzFile)).isEqualTo(Files.readAllBytes(dir.resolve("gz2").resolve("events.jsonl.gz")));
    assertThat(gz.files()).contains(gzFile);
    byte[] unzipped;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gzFile))) {
      unzipped = in.readAllBytes();
    }
    assertThat(unzipped).isEqualTo(Files.readAllBytes(dir.resolve("plain").resolve("events.jsonl")));
    assertThat(gz.bytes()).isLessThan(plain.bytes());
    assertThat(gz.uncompressedBytes()).isEqualTo(plain.bytes());
  }

  @Test
  void events_carryRequiredFields_uniqueIds_andNonDecreasingTimes() {
    assertThat(events).hasSizeGreaterThan(5000);
    Set<String> ids = new HashSet<>();
    Instant previous = Instant.MIN;
    Instant start = Instant.parse(scenario.get("start").asText());
    Instant end = Instant.parse(scenario.get("end").asText());
    for (JsonNode e : events) {
      assertThat(e.hasNonNull("event_id") && e.hasNonNull("ts") && e.hasNonNull("account_id")).isTrue();
      assertThat(e.path("request").path("model").asText()).isNotEmpty();
      assertThat(e.path("account").path("tier").asText()).isNotEmpty();
      assertThat(e.path("client").path("ip").asText()).isNotEmpty();
      assertThat(e.path("response").path("status").asInt()).isIn(200, 429, 500);
      assertThat(ids.add(e.get("event_id").asText())).as("unique event_id").isTrue();
      Instant ts = Instant.parse(e.get("ts").asText());
      assertThat(ts).isAfterOrEqualTo(previous).isAfterOrEqualTo(start).isBefore(end);
      Instant created = Instant.parse(e.path("account").path("created_at").asText());
      assertThat(created).as("account created before use").isBefore(ts);
      previous = ts;
    }
  }

  @Test
  void labels_coverEveryAccountInEventsExactlyOnce() {
    Set<String> inEvents = new HashSet<>();
    for (JsonNode e : events) {
      inEvents.add(e.get("account_id").asText());
    }
    assertThat(labels.keySet()).isEqualTo(inEvents);
    for (JsonNode l : labels.values()) {
      assertThat(l.get("class").asText()).isIn("attack", "benign", "allowed");
      assertThat(l.get("group").asText()).isNotEmpty();
    }
  }

  @Test
  void scenario_countsEqualActualCounts() {
    assertThat(scenario.get("format").asText()).isEqualTo("distillguard-scenario-v1");
    assertThat(scenario.get("events").asLong()).isEqualTo(events.size());
    assertThat(scenario.get("accounts").asInt()).isEqualTo(labels.size());
    Map<String, Integer> eventsByGroup = new TreeMap<>();
    Map<String, Set<String>> accountsByGroup = new TreeMap<>();
    for (JsonNode e : events) {
      String a = e.get("account_id").asText();
      String g = labels.get(a).get("group").asText();
      eventsByGroup.merge(g, 1, Integer::sum);
      accountsByGroup.computeIfAbsent(g, k -> new HashSet<>()).add(a);
    }
    int groups = 0;
    for (String section : List.of("campaigns", "personas")) {
      for (JsonNode p : scenario.get(section)) {
        String name = p.get("name").asText();
        assertThat(p.get("events").asInt()).as(name).isEqualTo(eventsByGroup.getOrDefault(name, 0));
        assertThat(p.get("accounts").asInt()).as(name)
            .isEqualTo(accountsByGroup.getOrDefault(name, Set.of()).size());
        groups++;
      }
    }
    assertThat(scenario.get("campaigns")).hasSize(6);
    assertThat(groups).isEqualTo(13);
    for (JsonNode c : scenario.get("campaigns")) {
      assertThat(c.get("class").asText()).isEqualTo("attack");
      assertThat(c.get("pace").asText()).isIn("high_volume", "low_and_slow");
      assertThat(c.get("events").asInt()).as(c.get("name").asText()).isPositive();
    }
  }

  @Test
  void codingCampaign_movesAboutHalfItsTrafficToTheNewModelWithin24Hours() {
    Instant release = Instant.parse(scenario.get("model_releases").get(0).get("at").asText());
    Instant from = release.plus(Duration.ofHours(18));
    Instant to = release.plus(Duration.ofHours(24));
    int total = 0;
    int moved = 0;
    for (JsonNode e : events) {
      Instant ts = Instant.parse(e.get("ts").asText());
      String g = labels.get(e.get("account_id").asText()).get("group").asText();
      if (g.equals("coding-agent-harvest") && !ts.isBefore(from) && ts.isBefore(to)) {
        total++;
        if (e.path("request").path("model").asText().equals("frontier-large-2")) {
          moved++;
        }
      }
      if (ts.isBefore(release)) {
        assertThat(e.path("request").path("model").asText()).isNotEqualTo("frontier-large-2");
      }
    }
    assertThat(total).isGreaterThan(100);
    assertThat(moved / (double) total).isBetween(0.4, 0.6);
  }

  @Test
  void lowAndSlowAccounts_averageAtMost40RequestsPerDay() {
    Map<String, Integer> perAccountDay = new HashMap<>();
    for (JsonNode e : events) {
      String a = e.get("account_id").asText();
      if (labels.get(a).get("group").asText().equals("low-and-slow")) {
        perAccountDay.merge(a + "/" + e.get("ts").asText().substring(0, 10), 1, Integer::sum);
      }
    }
    assertThat(perAccountDay).isNotEmpty();
    double mean = perAccountDay.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
    assertThat(mean).isLessThanOrEqualTo(40);
  }

  @Test
  void universityClass_sharesOneCampusAddress() {
    Set<String> ips = new HashSet<>();
    Set<String> accounts = new HashSet<>();
    for (JsonNode e : events) {
      String a = e.get("account_id").asText();
      if (labels.get(a).get("group").asText().equals("university-class")) {
        ips.add(e.path("client").path("ip").asText());
        accounts.add(a);
      }
    }
    assertThat(accounts).hasSizeGreaterThan(1);
    assertThat(ips).hasSize(1);
  }

  @Test
  void allowlist_namesThePartnerOrganisation() throws IOException {
    Set<String> entries = new HashSet<>();
    for (String line : Files.readAllLines(run.resolve("allowlist.txt"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        assertThat(line).matches("(org|account):[a-z0-9-]+");
        entries.add(line);
      }
    }
    Set<String> partnerOrgs = new HashSet<>();
    for (JsonNode e : events) {
      JsonNode l = labels.get(e.get("account_id").asText());
      if (l.get("class").asText().equals("allowed")) {
        partnerOrgs.add("org:" + e.get("org_id").asText());
      } else {
        assertThat(entries).doesNotContain("org:" + e.get("org_id").asText());
      }
    }
    assertThat(partnerOrgs).isNotEmpty();
    assertThat(entries).containsAll(partnerOrgs);
  }

  @Test
  void identifiers_doNotRevealTheGroup() {
    for (JsonNode e : events) {
      assertThat(e.get("account_id").asText()).matches("acct-[0-9a-f]{8}");
      assertThat(e.get("org_id").asText()).matches("org-[0-9a-f]{8}");
      JsonNode pf = e.path("account").path("payment_fingerprint");
      if (!pf.isMissingNode()) {
        assertThat(pf.asText()).matches("pf-[0-9a-f]{12}");
      }
    }
  }

  @Test
  void eventCap_stopsTheRunAndCountsStayConsistent(@TempDir Path dir) throws IOException {
    SimulationConfig capped =
        new SimulationConfig(
            3, 0.02, SimulationConfig.DEFAULT_START, TWO_DAYS, false, null, dir, 500, false, false, null);
    SimulationResult r = Simulator.run(capped, p -> {});
    assertThat(r.events()).isEqualTo(500);
    assertThat(Files.readAllLines(dir.resolve("events.jsonl"))).hasSize(500);
    assertThat(JSON.readTree(dir.resolve("scenario.json").toFile()).get("events").asLong()).isEqualTo(500);
  }
}
