package io.distillguard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evasive scenario ({@code --evasive}): the campaigns' client, network, timing, creation and payment tells drop
 * to what ordinary customers show, while everything else stays as without the option.
 */
class EvasiveScenarioTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TWO_DAYS = Duration.ofDays(2);
  private static final List<String> FILES =
      List.of("events.jsonl", "labels.jsonl", "scenario.json", "allowlist.txt");

  @TempDir static Path shared;

  /** Accounts of one small evasive run (scale 0.05, 2 days) and of the same run without the option, by id. */
  private static Map<String, Seen> evasive;

  private static Map<String, Seen> plain;
  private static JsonNode evasiveScenario;
  private static JsonNode plainScenario;

  /** What the events of one account show; {@code night} counts its requests between 00:00 and 06:00 local time. */
  private record Seen(
      String id,
      String group,
      boolean attack,
      String payment,
      Instant created,
      int events,
      int night,
      Set<String> configs,
      Set<String> ranges,
      Set<Long> asns,
      List<Instant> times) {}

  @BeforeAll
  static void simulate() throws IOException {
    Path e = shared.resolve("evasive");
    Path p = shared.resolve("plain");
    Simulator.run(config(11, 0.05, e).withEvasive(true), x -> {});
    Simulator.run(config(11, 0.05, p), x -> {});
    evasive = read(e);
    plain = read(p);
    evasiveScenario = JSON.readTree(e.resolve("scenario.json").toFile());
    plainScenario = JSON.readTree(p.resolve("scenario.json").toFile());
  }

  private static SimulationConfig config(long seed, double scale, Path out) {
    return SimulationConfig.defaults(seed, scale, out).withDuration(TWO_DAYS);
  }

  private static Map<String, Seen> read(Path run) throws IOException {
    Map<String, JsonNode> labels = new HashMap<>();
    for (String line : Files.readAllLines(run.resolve("labels.jsonl"))) {
      JsonNode l = JSON.readTree(line);
      labels.put(l.get("account_id").asText(), l);
    }
    Map<String, List<JsonNode>> byAccount = new TreeMap<>();
    try (BufferedReader r = Files.newBufferedReader(run.resolve("events.jsonl"))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode e = JSON.readTree(line);
        byAccount.computeIfAbsent(e.get("account_id").asText(), k -> new ArrayList<>()).add(e);
      }
    }
    Map<String, Seen> out = new TreeMap<>();
    for (Map.Entry<String, List<JsonNode>> a : byAccount.entrySet()) {
      JsonNode account = a.getValue().get(0).get("account");
      int offset = Network.utcOffset(account.path("country").asText());
      Set<String> configs = new HashSet<>();
      Set<String> ranges = new HashSet<>();
      Set<Long> asns = new HashSet<>();
      List<Instant> times = new ArrayList<>();
      int night = 0;
      for (JsonNode e : a.getValue()) {
        JsonNode c = e.get("client");
        configs.add(c.path("user_agent").asText() + " | " + c.path("tls_fingerprint").asText());
        String ip = c.get("ip").asText();
        ranges.add(ip.substring(0, ip.lastIndexOf('.')));
        asns.add(c.path("asn").asLong());
        Instant ts = Instant.parse(e.get("ts").asText());
        times.add(ts);
        if (Math.floorMod(ts.getEpochSecond() / 3600 + offset, 24) < 6) {
          night++;
        }
      }
      JsonNode label = labels.get(a.getKey());
      out.put(
          a.getKey(),
          new Seen(a.getKey(), label.get("group").asText(), label.get("class").asText().equals("attack"),
              account.path("payment_fingerprint").asText(null), Instant.parse(account.get("created_at").asText()),
              a.getValue().size(), night, configs, ranges, asns, times));
    }
    return out;
  }

  private static Map<String, List<Seen>> campaigns(Map<String, Seen> run) {
    Map<String, List<Seen>> out = new TreeMap<>();
    for (Seen s : run.values()) {
      if (s.attack()) {
        out.computeIfAbsent(s.group(), k -> new ArrayList<>()).add(s);
      }
    }
    return out;
  }

  /** Accounts of {@code group} whose client configuration another account of the group also uses. */
  private static int sharingAConfiguration(Collection<Seen> group) {
    Map<String, Integer> users = new HashMap<>();
    for (Seen s : group) {
      for (String c : s.configs()) {
        users.merge(c, 1, Integer::sum);
      }
    }
    int n = 0;
    for (Seen s : group) {
      if (s.configs().stream().anyMatch(c -> users.get(c) > 1)) {
        n++;
      }
    }
    return n;
  }

  @Test
  void clientConfigurations_areSharedWithinACampaignAboutAsOftenAsAmongCustomers() {
    Map<String, List<Seen>> campaigns = campaigns(evasive);
    List<Seen> general = evasive.values().stream().filter(s -> s.group().equals("general")).toList();
    int accounts = 0;
    int sharing = 0;
    int customersSharing = 0;
    int next = 0;
    for (List<Seen> c : campaigns.values()) {
      accounts += c.size();
      sharing += sharingAConfiguration(c);
      // the same statistic over as many customers, taken in id order
      customersSharing += sharingAConfiguration(general.subList(next, next + c.size()));
      next += c.size();
      Map<String, Integer> users = new HashMap<>();
      c.forEach(s -> s.configs().forEach(k -> users.merge(k, 1, Integer::sum)));
      if (c.size() >= 10) {
        assertThat(users.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
            .as("accounts of %s on its most common configuration", c.get(0).group())
            .isLessThanOrEqualTo(c.size() / 2);
      }
    }
    assertThat(sharing / (double) accounts).isLessThanOrEqualTo(customersSharing / (double) accounts + 0.1);
  }

  @Test
  void addresses_areCustomersHomeNetworks_withNoRangeSharedBeyondTwoAccounts() {
    Set<Long> asns = new HashSet<>();
    for (List<Seen> c : campaigns(evasive).values()) {
      Map<String, Integer> range = new HashMap<>();
      for (Seen s : c) {
        s.ranges().forEach(r -> range.merge(r, 1, Integer::sum));
        for (long asn : s.asns()) {
          assertThat(Network.byNumber(asn).kind()).as(s.id()).isNotEqualTo(Network.Kind.HOSTING);
        }
        if (!s.group().equals("hydra-reseller")) {
          asns.addAll(s.asns());
        }
      }
      if (!c.get(0).group().equals("hydra-reseller")) {
        assertThat(range.values()).as(c.get(0).group()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
      }
    }
    assertThat(asns).hasSizeGreaterThan(15);
  }

  @Test
  void aboutHalfOfTheAroundTheClockCampaignsAccounts_keepQuietNights() {
    int measured = 0;
    int quiet = 0;
    for (List<Seen> c : campaigns(evasive).values()) {
      for (Seen s : c) {
        // low-and-slow kept a person's rhythm all along
        if (!s.group().equals("low-and-slow") && s.events() >= 50) {
          measured++;
          if (s.night() < 0.12 * s.events()) {
            quiet++;
          }
        }
      }
    }
    assertThat(measured).isGreaterThanOrEqualTo(20);
    assertThat(quiet / (double) measured).isBetween(0.3, 0.7);
  }

  @Test
  void accounts_payWithTheirOwnInstrument_andWereCreatedOverWeeks() {
    Set<String> payments = new HashSet<>();
    for (List<Seen> c : campaigns(evasive).values()) {
      List<Instant> created = new ArrayList<>();
      for (Seen s : c) {
        if (s.payment() != null) {
          assertThat(payments.add(s.payment())).as("payment of %s shared", s.id()).isTrue();
        }
        assertThat(s.created()).isBefore(s.times().get(0));
        created.add(s.created());
      }
      if (c.size() >= 10) {
        created.sort(null);
        assertThat(Duration.between(created.get(0), created.get(created.size() - 1)))
            .as(c.get(0).group()).isGreaterThan(Duration.ofDays(20));
        // no batch: no six hours hold more than two accounts' creations or a fifth of them
        int batch = Math.max(2, c.size() / 5);
        for (int i = 0; i + batch < created.size(); i++) {
          assertThat(Duration.between(created.get(i), created.get(i + batch)))
              .as(c.get(0).group()).isGreaterThan(Duration.ofHours(6));
        }
      }
    }
    assertThat(payments).isNotEmpty();
  }

  @Test
  void cotHarvestAccounts_noLongerSendTogether() {
    List<Seen> cot = campaigns(evasive).get("cot-harvest");
    int together = 0;
    int all = 0;
    for (Seen s : cot) {
      for (Instant t : s.times()) {
        all++;
        boolean near = cot.stream()
            .filter(o -> o != s)
            .flatMap(o -> o.times().stream())
            .anyMatch(u -> Duration.between(t, u).abs().compareTo(Duration.ofSeconds(2)) <= 0);
        together += near ? 1 : 0;
      }
    }
    assertThat(all).isGreaterThan(200);
    assertThat(together / (double) all).isLessThan(0.1);
  }

  @Test
  void campaignSizesVolumesAndPersonas_stayAsWithoutTheOption() {
    Map<String, JsonNode> before = new HashMap<>();
    for (String section : List.of("campaigns", "personas")) {
      plainScenario.get(section).forEach(p -> before.put(p.get("name").asText(), p));
    }
    for (JsonNode c : evasiveScenario.get("campaigns")) {
      JsonNode b = before.get(c.get("name").asText());
      if (!c.get("name").asText().equals("hydra-reseller")) { // replacement times follow the seats' new rhythms
        assertThat(c.get("accounts_created").asInt()).isEqualTo(b.get("accounts_created").asInt());
      }
      assertThat(c.get("events").asDouble()).as(c.get("name").asText())
          .isBetween(0.75 * b.get("events").asDouble(), 1.25 * b.get("events").asDouble());
    }
    for (JsonNode p : evasiveScenario.get("personas")) {
      JsonNode b = before.get(p.get("name").asText());
      assertThat(p.get("accounts").asInt()).isEqualTo(b.get("accounts").asInt());
      assertThat(p.get("events").asLong()).isEqualTo(b.get("events").asLong());
    }
    Set<String> customersBefore = new HashSet<>();
    plain.values().stream().filter(s -> !s.attack()).forEach(s -> customersBefore.add(s.id() + s.events()));
    Set<String> customersAfter = new HashSet<>();
    evasive.values().stream().filter(s -> !s.attack()).forEach(s -> customersAfter.add(s.id() + s.events()));
    assertThat(customersAfter).isEqualTo(customersBefore);
  }

  @Test
  void sameSeed_givesByteIdenticalFiles_andOnlyTheEvasiveScenarioSaysSo(@TempDir Path dir) throws IOException {
    Simulator.run(config(7, 0.02, dir.resolve("a")).withEvasive(true), p -> {});
    Simulator.run(config(7, 0.02, dir.resolve("b")).withEvasive(true), p -> {});
    for (String f : FILES) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
    assertThat(JSON.readTree(dir.resolve("a").resolve("scenario.json").toFile()).get("evasive").asBoolean())
        .isTrue();
    assertThat(plainScenario.has("evasive")).isFalse();
  }
}
