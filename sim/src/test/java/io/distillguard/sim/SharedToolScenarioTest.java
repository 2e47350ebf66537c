package io.distillguard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared-tool developers ({@code --shared-tool-users}): unrelated benign accounts that each run one coding agent
 * with their own key, so that what they send looks like a coding-agent campaign's while who they are does not; off,
 * the run is byte-identical to one made without the option.
 */
class SharedToolScenarioTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static Path with;
  private static Path without;

  @BeforeAll
  static void simulate() throws IOException {
    with = dir.resolve("with");
    without = dir.resolve("without");
    Simulator.run(config(with).withSharedToolUsers(true), x -> {});
    Simulator.run(config(without), x -> {});
  }

  private static SimulationConfig config(Path out) {
    return SimulationConfig.defaults(5, 0.1, out).withDuration(Duration.ofDays(2));
  }

  @Test
  void thePersonaIsAHardNegative_ofUnrelatedDevelopersOnOneTool() throws IOException {
    Map<String, String> group = new HashMap<>();
    for (String line : Files.readAllLines(with.resolve("labels.jsonl"))) {
      JsonNode l = JSON.readTree(line);
      group.put(l.get("account_id").asText(), l.get("group").asText());
      if (l.get("group").asText().equals("shared-tool-users")) {
        assertThat(l.get("class").asText()).isEqualTo("benign");
      }
    }
    Set<String> users = new HashSet<>();
    Set<String> orgs = new HashSet<>();
    Set<String> payments = new HashSet<>();
    Set<String> ranges = new HashSet<>();
    Set<String> agents = new HashSet<>();
    Set<String> systems = new HashSet<>();
    int requests = 0;
    int withTools = 0;
    try (BufferedReader in = Files.newBufferedReader(with.resolve("events.jsonl"))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode e = JSON.readTree(line);
        if (!"shared-tool-users".equals(group.get(e.get("account_id").asText()))) {
          continue;
        }
        users.add(e.get("account_id").asText());
        orgs.add(e.path("org_id").asText());
        if (e.path("account").hasNonNull("payment_fingerprint")) {
          payments.add(e.path("account").get("payment_fingerprint").asText());
        }
        String ip = e.path("client").path("ip").asText();
        ranges.add(ip.substring(0, ip.lastIndexOf('.')));
        agents.add(e.path("client").path("user_agent").asText());
        systems.add(e.path("request").path("system").asText().replaceAll("[0-9]", ""));
        requests++;
        withTools += e.path("request").path("tools").size() > 0 ? 1 : 0;
      }
    }
    assertThat(users).hasSizeGreaterThanOrEqualTo(10);
    // unrelated people: every account is its own organisation; nearly every one pays and connects on its own
    assertThat(orgs).hasSameSizeAs(users);
    assertThat(payments.size()).isGreaterThanOrEqualTo(users.size() * 3 / 4);
    assertThat(ranges.size()).isGreaterThanOrEqualTo(users.size() * 3 / 4);
    // one tool: one client, agent requests with tools throughout
    assertThat(agents).hasSize(1);
    assertThat(withTools).isEqualTo(requests);
  }

  @Test
  void scenarioRecordsTheOption_andWithoutItNothingChanges() throws IOException {
    assertThat(JSON.readTree(with.resolve("scenario.json").toFile()).path("shared_tool_users").asBoolean()).isTrue();
    assertThat(JSON.readTree(without.resolve("scenario.json").toFile()).has("shared_tool_users")).isFalse();
    JsonNode personas = JSON.readTree(with.resolve("scenario.json").toFile());
    assertThat(personas.toString()).contains("shared-tool-users");
    // the other populations are untouched (but the hydra reseller's, whose replacement accounts get their ids as
    // they are made, in an order that the added actors change): every such account of the plain run is in the run
    // with the option, alike
    List<String> plainLabels = Files.readAllLines(without.resolve("labels.jsonl")).stream()
        .filter(l -> !l.contains("\"hydra-reseller\"")).toList();
    Set<String> withLabels = new HashSet<>(Files.readAllLines(with.resolve("labels.jsonl")));
    assertThat(plainLabels).isNotEmpty();
    assertThat(withLabels).containsAll(plainLabels);
  }
}
