package io.distillguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy rules change without a restart: from a watched file and from the API; a bad rule set never replaces a good one. */
class PolicyHotReloadTest {

  @TempDir Path dir;

  static final String V1 = """
      {"rules": [{"name": "trials", "when": "account.startsWith('trial-')", "action": "throttle"}]}""";
  static final String BAD = """
      {"rules": [{"name": "broken", "when": "account.startsWith('trial-') &&", "action": "block"}]}""";
  static final String V2 = """
      {"rules": [{"name": "trials", "when": "account.startsWith('trial-')", "action": "degrade"}],
       "deny": ["acct-deny"]}""";

  JsonNode get(Service s, String path) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
        .header("Authorization", "Bearer " + ServiceApiTest.ADMIN).build();
    return ServiceApiTest.JSON.readTree(ServiceApiTest.HTTP.send(r, HttpResponse.BodyHandlers.ofString()).body());
  }

  HttpResponse<String> put(Service s, String body) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/policy"))
        .header("Authorization", "Bearer " + ServiceApiTest.ADMIN).PUT(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return ServiceApiTest.HTTP.send(r, HttpResponse.BodyHandlers.ofString());
  }

  JsonNode awaitPolicy(Service s, java.util.function.Predicate<JsonNode> ok) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    JsonNode p = null;
    while (System.nanoTime() < deadline) {
      p = get(s, "/v1/policy");
      if (ok.test(p)) {
        return p;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("policy never reached the expected state: " + p);
  }

  @Test
  void aWatchedFileIsReloadedAndABadVersionKeepsTheGoodOne() throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.json"), V1);
    ServiceConfig cfg = ServiceConfig.read(new java.util.Properties(),
        Map.of("DISTILLGUARD_POLICY_FILE", rules.toString()));
    try (Service s = Service.start(cfg, dir.resolve("data"), "127.0.0.1", 0, ServiceApiTest.ADMIN)) {
      assertThat(get(s, "/v1/policy").get("version").asLong()).isEqualTo(1);
      JsonNode d = get(s, "/v1/decisions/trial-42");
      assertThat(d.get("action").asText()).isEqualTo("throttle");
      assertThat(d.get("rule").asText()).isEqualTo("trials");
      assertThat(get(s, "/v1/decisions/regular-1").get("action").asText()).isEqualTo("allow");

      Files.writeString(rules, BAD);
      JsonNode rejected = awaitPolicy(s, p -> !p.get("last_error").isNull());
      assertThat(rejected.get("last_error").asText()).contains("broken");
      assertThat(rejected.get("version").asLong()).isEqualTo(1);
      assertThat(get(s, "/v1/decisions/trial-42").get("action").asText()).isEqualTo("throttle");

      Files.writeString(rules, V2);
      awaitPolicy(s, p -> p.get("version").asLong() == 2);
      assertThat(get(s, "/v1/decisions/trial-42").get("action").asText()).isEqualTo("degrade");
      assertThat(get(s, "/v1/decisions/acct-deny").get("action").asText()).isEqualTo("block");
      assertThat(get(s, "/v1/decisions/acct-deny").get("policy_version").asLong()).isEqualTo(2);
    }
    // the latest version is active again after a restart, even without the file
    try (Service s = Service.start(ServiceConfig.defaults(), dir.resolve("data"), "127.0.0.1", 0,
        ServiceApiTest.ADMIN)) {
      assertThat(get(s, "/v1/policy").get("version").asLong()).isEqualTo(2);
      assertThat(get(s, "/v1/decisions/trial-1").get("action").asText()).isEqualTo("degrade");
    }
  }

  @Test
  void theApiValidatesBeforeActivating() throws Exception {
    try (Service s = Service.start(ServiceConfig.defaults(), dir.resolve("api"), "127.0.0.1", 0,
        ServiceApiTest.ADMIN)) {
      HttpResponse<String> ok = put(s, V1);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ServiceApiTest.JSON.readTree(ok.body()).get("version").asLong()).isEqualTo(1);
      HttpResponse<String> bad = put(s, BAD);
      assertThat(bad.statusCode()).isEqualTo(400);
      JsonNode why = ServiceApiTest.JSON.readTree(bad.body());
      assertThat(why.get("error").asText()).contains("rule 1 (broken)");
      assertThat(why.get("active_version").asLong()).isEqualTo(1);
      assertThat(get(s, "/v1/decisions/trial-9").get("action").asText()).isEqualTo("throttle");
      HttpRequest validate = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/policy/validate"))
          .header("Authorization", "Bearer " + ServiceApiTest.ADMIN).POST(HttpRequest.BodyPublishers.ofString(BAD))
          .build();
      JsonNode v = ServiceApiTest.JSON.readTree(ServiceApiTest.HTTP.send(validate, HttpResponse.BodyHandlers.ofString()).body());
      assertThat(v.get("valid").asBoolean()).isFalse();
      assertThat(get(s, "/v1/policy").get("version").asLong()).isEqualTo(1);
    }
  }
}
