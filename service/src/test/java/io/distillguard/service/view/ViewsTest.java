package io.distillguard.service.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.event.EventParser;
import io.distillguard.features.FeatureExtractor;
import io.distillguard.linking.Campaign;
import io.distillguard.pipeline.DetectionPipeline;
import io.distillguard.policy.Allowlist;
import io.distillguard.scoring.DetectionConfig;
import io.distillguard.scoring.Verdict;
import io.distillguard.service.detect.Detector;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The dashboard's views over a pipeline fed with two coordinated accounts and one ordinary one. */
class ViewsTest {

  static final String TEMPLATE = "You are a meticulous tutor. Reconstruct the complete chain of reasoning that leads"
      + " to the given answer, showing every intermediate step and checking each one before moving on. Problem %d: %s";

  DetectionPipeline pipeline() throws Exception {
    DetectionPipeline p = new DetectionPipeline(Allowlist.empty(), DetectionConfig.defaults(),
        FeatureExtractor.withBundledModel());
    EventParser parser = new EventParser();
    Random r = new Random(3);
    Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
    for (int i = 0; i < 400; i++) {
      String account = i % 3 == 2 ? "acct-normal" : "acct-bot-" + (i % 3);
      boolean bot = i % 3 != 2;
      String prompt = bot ? String.format(TEMPLATE, i, Long.toHexString(r.nextLong()))
          : "what should I cook tonight with " + Long.toHexString(r.nextLong());
      String json = "{\"event_id\":\"e" + i + "\",\"ts\":\"" + t0.plusSeconds(137L * i + (bot ? 0 : 86_400L))
          + "\",\"account_id\":\""
          + account + "\",\"org_id\":\"" + (bot ? "org-shell-" + (i % 3) : "org-home") + "\","
          + "\"account\":{\"payment_fingerprint\":\"" + (bot ? "pf-shared" : "pf-own") + "\"},"
          + "\"client\":{\"ip\":\"" + (bot ? "198.51.100." + (i % 3) : "203.0.113.9") + "\",\"tls_fingerprint\":\""
          + (bot ? "t13d-bot" : "t13d-browser") + "\"},"
          + "\"request\":{\"model\":\"m1\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}}";
      byte[] b = json.getBytes(StandardCharsets.UTF_8);
      p.accept(parser.parse(b, 0, b.length));
    }
    return p;
  }

  @Test
  @SuppressWarnings("unchecked")
  void campaignGraphNamesWhatTheAccountsShare() throws Exception {
    DetectionPipeline p = pipeline();
    Campaign c = new Campaign("cmp-test", Verdict.SUSPICIOUS, 0.5, List.of("acct-bot-0", "acct-bot-1", "acct-normal"),
        400, Instant.EPOCH, Instant.EPOCH, Map.of(), Map.of(), List.of(), Map.of());

    Map<String, Object> v = Views.campaign(p, Detector.Snapshot.EMPTY, c);

    List<Map<String, Object>> edges = (List<Map<String, Object>>) v.get("edges");
    assertThat(edges).hasSize(1); // the ordinary account shares nothing with the two bots
    Map<String, Object> e = edges.get(0);
    assertThat(List.of(e.get("source"), e.get("target"))).containsExactlyInAnyOrder("acct-bot-0", "acct-bot-1");
    List<String> shared = (List<String>) e.get("shared");
    assertThat(shared).contains("payment pf-shared", "tls t13d-bot");
    assertThat(shared).anyMatch(s -> s.startsWith("family tf-"));
    assertThat(shared).anyMatch(s -> s.startsWith("timing: active in the same 10-minute windows"));
    assertThat(shared).anyMatch(s -> s.startsWith("ip range 198.51.100."));
    assertThat(shared).anyMatch(s -> s.startsWith("client configuration "));
  }

  @Test
  @SuppressWarnings("unchecked")
  void searchFindsAccountsByInfrastructureAndFamiliesByText() throws Exception {
    DetectionPipeline p = pipeline();
    Detector.Snapshot s = Detector.Snapshot.EMPTY;
    assertThat(accounts(Views.search(p, s, "org-shell", 50))).containsExactly("acct-bot-0", "acct-bot-1");
    assertThat(accounts(Views.search(p, s, "PF-SHARED", 50))).containsExactly("acct-bot-0", "acct-bot-1");
    assertThat(accounts(Views.search(p, s, "203.0.113", 50))).containsExactly("acct-normal");
    assertThat(accounts(Views.search(p, s, "198.51.100.77", 50))).containsExactly("acct-bot-0", "acct-bot-1");
    assertThat(accounts(Views.search(p, s, "t13d-browser", 50))).containsExactly("acct-normal");
    Map<String, Object> byText = Views.search(p, s, "meticulous tutor", 50);
    List<Map<String, Object>> families = (List<Map<String, Object>>) byText.get("families");
    assertThat(families).hasSize(1);
    assertThat((List<String>) families.get(0).get("used_by")).containsExactlyInAnyOrder("acct-bot-0", "acct-bot-1");
    assertThat((List<String>) families.get(0).get("samples")).allMatch(x -> x.contains("meticulous tutor"));
    assertThat(accounts(Views.search(p, s, "nothing like this", 50))).isEmpty();
  }

  @Test
  void accountProfileHasTheHourlyActivityAndFamilies() throws Exception {
    DetectionPipeline p = pipeline();
    Map<String, Object> a = Views.account(p, Detector.Snapshot.EMPTY, "acct-bot-0");
    long[] hours = (long[]) a.get("hour_of_day_utc");
    assertThat(java.util.Arrays.stream(hours).sum()).isEqualTo((Long) a.get("requests"));
    assertThat(a.get("payment_fingerprint")).isEqualTo("pf-shared");
    assertThat(a.get("families")).asList().isNotEmpty();
    assertThat(a.get("client_configurations")).asList().hasSize(1);
    assertThat(Views.account(p, Detector.Snapshot.EMPTY, "acct-unknown")).isNull();
  }

  @SuppressWarnings("unchecked")
  static List<String> accounts(Map<String, Object> result) {
    return ((List<Map<String, Object>>) result.get("accounts")).stream().map(m -> (String) m.get("account_id"))
        .toList();
  }
}
