package io.distillguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.distillguard.service.Service;
import io.distillguard.service.ServiceConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analysts' labels feed back: a dismissed attack account is allowed at once and becomes {@code allowed} in detection
 * from the next evaluation on; a confirmed account is blocked whatever its verdict; both survive a restart, whose
 * replay reproduces the verdicts.
 */
class LabelsIT {

  static final String ADMIN = "labels-test-admin-token-3";
  @TempDir Path dir;

  static JsonNode get(Service s, String path) throws Exception {
    return AlertIT.JSON.readTree(AlertIT.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port()
        + path)).header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  static HttpResponse<String> label(Service s, String account, String label) throws Exception {
    return postLabel(s, "{\"account_id\":\"" + account + "\",\"label\":\"" + label
        + "\",\"note\":\"checked by hand\"}");
  }

  static HttpResponse<String> postLabel(Service s, String body) throws Exception {
    return AlertIT.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/labels"))
        .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static void feed(Service s, List<String> lines) throws Exception {
    for (int i = 0; i < lines.size(); i += 500) {
      HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/events"))
          .header("Authorization", "Bearer " + ADMIN)
          .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 500)))))
          .build();
      assertThat(AlertIT.HTTP.send(r, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
    AlertIT.awaitCaughtUp(s);
  }

  @Test
  void campaignLabelsActOnEveryMemberUntilCleared() throws Exception {
    Path sim = dir.resolve("sim");
    assertThat(Main.commandLine().execute("simulate", "--seed", "5", "--scale", "0.02", "--days", "3", "--out",
        sim.toString(), "--quiet")).isZero();
    List<String> lines = Files.readAllLines(sim.resolve("events.jsonl"));
    String campaign = null;
    List<String> members = new java.util.ArrayList<>();
    try (Service s = Service.start(ServiceConfig.defaults(), dir.resolve("data"), "127.0.0.1", 0, ADMIN)) {
      feed(s, lines);
      for (JsonNode c : get(s, "/v1/campaigns").get("campaigns")) { // the largest campaign, whatever its verdict
        if (c.get("accounts").size() > members.size()) {
          campaign = c.get("campaign_id").asText();
          members.clear();
          c.get("accounts").forEach(a -> members.add(a.asText()));
        }
      }
      assertThat(campaign).as(get(s, "/v1/campaigns").toString()).isNotNull();
      assertThat(members).hasSizeGreaterThan(1);

      HttpResponse<String> r = postLabel(s, "{\"campaign_id\":\"" + campaign + "\",\"label\":\"throttle\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      JsonNode added = AlertIT.JSON.readTree(r.body());
      assertThat(added.get("target").asText()).isEqualTo("campaign");
      assertThat(added.get("accounts_labelled").asInt()).isEqualTo(members.size());
      for (String m : members) {
        JsonNode d = get(s, "/v1/decisions/" + m);
        assertThat(d.get("action").asText()).isEqualTo("throttle");
        assertThat(d.get("rule").asText()).startsWith("label throttle #");
      }
      assertThat(get(s, "/v1/labels?campaign_id=" + campaign).get("labels")).hasSize(1);
      assertThat(get(s, "/v1/labels?account_id=" + members.get(0)).get("labels").get(0).get("note").asText())
          .contains(campaign);

      // clearing the campaign hands every member back to its verdict
      assertThat(postLabel(s, "{\"campaign_id\":\"" + campaign + "\",\"label\":\"clear\"}").statusCode())
          .isEqualTo(201);
      for (String m : members) {
        JsonNode d = get(s, "/v1/decisions/" + m);
        assertThat(d.get("rule").isNull()).as(d.toString()).isTrue();
      }
      assertThat(postLabel(s, "{\"campaign_id\":\"cmp-nope\",\"label\":\"block\"}").statusCode())
          .isEqualTo(404);
      assertThat(postLabel(s, "{\"campaign_id\":\"" + campaign + "\",\"account_id\":\"x\",\"label\":\"block\"}")
          .statusCode()).isEqualTo(400);
      assertThat(postLabel(s, "{\"campaign_id\":\"" + campaign + "\",\"label\":\"block\"}").statusCode())
          .isEqualTo(201);
    }
    // the labels come back after a restart: the campaign's block (newest) decides
    try (Service s = Service.start(ServiceConfig.defaults(), dir.resolve("data"), "127.0.0.1", 0, ADMIN)) {
      AlertIT.awaitCaughtUp(s);
      for (String m : members) {
        JsonNode d = get(s, "/v1/decisions/" + m);
        assertThat(d.get("action").asText()).isEqualTo("block");
        assertThat(d.get("rule").asText()).startsWith("label confirm #");
      }
      assertThat(get(s, "/v1/labels?limit=2").get("labels")).hasSize(2);
    }
  }

  @Test
  void labelsChangeDecisionsAndDetection() throws Exception {
    Path sim = dir.resolve("sim");
    assertThat(Main.commandLine().execute("simulate", "--seed", "5", "--scale", "0.02", "--days", "3", "--out",
        sim.toString(), "--quiet")).isZero();
    List<String> lines = Files.readAllLines(sim.resolve("events.jsonl"));
    int cut = lines.size() * 2 / 3;
    String attack = null;
    String benign = null;
    String before;
    try (Service s = Service.start(ServiceConfig.defaults(), dir.resolve("data"), "127.0.0.1", 0, ADMIN)) {
      feed(s, lines.subList(0, cut));
      for (JsonNode a : get(s, "/v1/accounts?limit=100000").get("accounts")) {
        if (attack == null && a.get("verdict").asText().equals("attack")) {
          attack = a.get("account_id").asText();
        }
        if (benign == null && a.get("verdict").asText().equals("benign")) {
          benign = a.get("account_id").asText();
        }
      }
      assertThat(attack).isNotNull();
      assertThat(get(s, "/v1/decisions/" + attack).get("action").asText()).isEqualTo("block");

      HttpResponse<String> r = label(s, attack, "dismiss");
      assertThat(r.statusCode()).isEqualTo(201);
      JsonNode d = get(s, "/v1/decisions/" + attack);
      assertThat(d.get("action").asText()).isEqualTo("allow");
      assertThat(d.get("rule").asText()).startsWith("label dismiss #");
      assertThat(label(s, benign, "confirm").statusCode()).isEqualTo(201);
      assertThat(get(s, "/v1/decisions/" + benign).get("action").asText()).isEqualTo("block");
      assertThat(label(s, benign, "bogus").statusCode()).isEqualTo(400);
      JsonNode trail = get(s, "/v1/labels?account_id=" + attack).get("labels");
      assertThat(trail).hasSize(1);
      assertThat(trail.get(0).get("author").asText()).isEqualTo("admin (environment)");
      assertThat(trail.get(0).get("note").asText()).isEqualTo("checked by hand");

      // detection takes the dismissal in from the next evaluation on
      feed(s, lines.subList(cut, lines.size()));
      JsonNode v = get(s, "/v1/accounts/" + attack);
      assertThat(v.get("verdict").asText()).isEqualTo("allowed");
      List<String> signals = new java.util.ArrayList<>();
      v.get("reasons").forEach(x -> signals.add(x.get("signal").asText()));
      assertThat(signals).contains("analyst_label");
      before = get(s, "/v1/accounts?limit=100000").toString();
    }
    // after a restart, the replay applies the labels at the same log positions: the same verdicts
    try (Service s = Service.start(ServiceConfig.defaults(), dir.resolve("data"), "127.0.0.1", 0, ADMIN)) {
      AlertIT.awaitCaughtUp(s);
      assertThat(get(s, "/v1/accounts?limit=100000").toString()).isEqualTo(before);
      assertThat(get(s, "/v1/decisions/" + benign).get("action").asText()).isEqualTo("block");
      assertThat(get(s, "/v1/decisions/" + attack).get("action").asText()).isEqualTo("allow");
    }
  }
}
