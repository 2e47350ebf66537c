package io.distillguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API of a real service on a random port with its SQLite store in a temporary directory. */
public class ServiceApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN = "test-admin-token-0123456789";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dir;
  static Service service;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    ServiceConfig cfg = ServiceConfig.read(new java.util.Properties(),
        Map.of("DISTILLGUARD_INGEST_MAX_BODY_BYTES", "200000", "DISTILLGUARD_INGEST_MAX_EVENT_BYTES", "20000"));
    service = Service.start(cfg, dir, "127.0.0.1", 0, ADMIN);
    base = "http://127.0.0.1:" + service.port();
  }

  @AfterAll
  static void stop() throws Exception {
    service.close();
  }

  /** A valid event-v1 line with a random id. */
  public static String event(Random r, String account, Instant ts, String prompt) {
    return "{\"event_id\":\"ev-" + Long.toHexString(r.nextLong()) + "\",\"ts\":\"" + ts + "\",\"account_id\":\""
        + account + "\",\"request\":{\"model\":\"m1\",\"messages\":[{\"role\":\"user\",\"content\":"
        + quote(prompt) + "}]}}";
  }

  static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  static String token(String role) throws Exception {
    HttpResponse<String> r = send("POST", "/v1/tokens", ADMIN, "{\"role\":\"" + role + "\",\"name\":\"t\"}");
    assertThat(r.statusCode()).isEqualTo(201);
    return json(r).get("token").asText();
  }

  @Test
  void everyV1RouteNeedsAKnownTokenWithTheRightRole() throws Exception {
    assertThat(send("POST", "/v1/events", null, "{}").statusCode()).isEqualTo(401);
    assertThat(send("GET", "/v1/decisions/a1", "not-a-token", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/v1/accounts", null, null).headers().firstValue("WWW-Authenticate")).isPresent();
    String ingest = token("ingest");
    String analyst = token("analyst");
    assertThat(send("GET", "/v1/accounts", ingest, null).statusCode()).isEqualTo(403);
    assertThat(send("POST", "/v1/events", analyst, "").statusCode()).isEqualTo(403);
    assertThat(send("POST", "/v1/tokens", analyst, "{\"role\":\"admin\"}").statusCode()).isEqualTo(403);
    assertThat(send("POST", "/v1/tokens", ingest, "{\"role\":\"admin\"}").statusCode()).isEqualTo(403);
    assertThat(send("GET", "/v1/decisions/a1", ingest, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/v1/accounts", analyst, null).statusCode()).isEqualTo(200);
    assertThat(json(send("GET", "/v1/accounts", ingest, null)).get("error").asText()).contains("role ingest");
    assertThat(send("GET", "/healthz", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void ingestIsIdempotentByEventId() throws Exception {
    Random r = new Random(1);
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      body.append(event(r, "idem-" + (i % 5), Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i), "hello " + i))
          .append('\n');
    }
    JsonNode first = json(send("POST", "/v1/events", ADMIN, body.toString()));
    assertThat(first.get("accepted").asInt()).isEqualTo(50);
    JsonNode again = json(send("POST", "/v1/events", ADMIN, body.toString()));
    assertThat(again.get("accepted").asInt()).isZero();
    assertThat(again.get("duplicates").asInt()).isEqualTo(50);
    // the same id twice within one batch is stored once
    String one = event(r, "idem-x", Instant.parse("2026-03-01T01:00:00Z"), "x");
    JsonNode twice = json(send("POST", "/v1/events", ADMIN, one + "\n" + one + "\n"));
    assertThat(twice.get("accepted").asInt()).isEqualTo(1);
    assertThat(twice.get("duplicates").asInt()).isEqualTo(1);
  }

  @Test
  void badLinesAreReportedOneByOneAndTheGoodOnesStored() throws Exception {
    Random r = new Random(2);
    String good1 = event(r, "mixed-1", Instant.parse("2026-03-01T02:00:00Z"), "fine");
    String good2 = event(r, "mixed-2", Instant.parse("2026-03-01T02:00:01Z"), "also fine");
    String secret = "SECRET-PROMPT-TEXT";
    String badJson = "{\"event_id\": \"" + secret;
    String missing = "{\"event_id\":\"ev-1\",\"note\":\"" + secret + "\"}";
    String huge = event(r, "mixed-3", Instant.parse("2026-03-01T02:00:02Z"), "y".repeat(30_000));
    HttpResponse<String> resp = send("POST", "/v1/events", ADMIN,
        String.join("\n", good1, badJson, "", missing, huge, good2) + "\n");
    assertThat(resp.statusCode()).isEqualTo(200);
    JsonNode j = json(resp);
    assertThat(j.get("accepted").asInt()).isEqualTo(2);
    assertThat(j.get("rejected").asInt()).isEqualTo(3);
    List<Integer> lines = new ArrayList<>();
    j.get("errors").forEach(e -> lines.add(e.get("line").asInt()));
    assertThat(lines).containsExactly(2, 4, 5);
    assertThat(j.get("errors").get(2).get("reason").asText()).contains("exceeds 20000 bytes");
    assertThat(resp.body()).doesNotContain(secret);
    // nothing valid at all: 400, still with the reasons
    HttpResponse<String> allBad = send("POST", "/v1/events", ADMIN, "[1, {\"x\": 2}]");
    assertThat(allBad.statusCode()).isEqualTo(400);
    assertThat(json(allBad).get("rejected").asInt()).isEqualTo(2);
  }

  @Test
  void aJsonArrayIsAcceptedToo() throws Exception {
    Random r = new Random(3);
    String body = "[" + event(r, "arr-1", Instant.parse("2026-03-01T03:00:00Z"), "a") + ",\n "
        + event(r, "arr-2", Instant.parse("2026-03-01T03:00:01Z"), "b") + "]";
    JsonNode j = json(send("POST", "/v1/events", ADMIN, body));
    assertThat(j.get("accepted").asInt()).isEqualTo(2);
    assertThat(j.get("rejected").asInt()).isZero();
  }

  @Test
  void anOversizedBodyIsRefusedWhole() throws Exception {
    Random r = new Random(4);
    StringBuilder body = new StringBuilder();
    while (body.length() < 250_000) {
      body.append(event(r, "big", Instant.parse("2026-03-01T04:00:00Z"), "z".repeat(1000))).append('\n');
    }
    // the server answers 413 from Content-Length without reading the body and may close the connection while the
    // client is still sending; a client then sees a reset instead of the answer, and retries
    HttpResponse<String> resp = null;
    for (int attempt = 0; attempt < 5 && resp == null; attempt++) {
      try {
        resp = send("POST", "/v1/events", ADMIN, body.toString());
      } catch (java.io.IOException reset) {
        Thread.sleep(100);
      }
    }
    assertThat(resp).as("an answer within five attempts").isNotNull();
    assertThat(resp.statusCode()).isEqualTo(413);
    assertThat(json(resp).get("error").asText()).contains("exceeds 200000 bytes");
  }

  @Test
  void decisionsAnswerEvenForUnknownAccounts() throws Exception {
    JsonNode d = json(send("GET", "/v1/decisions/never-seen", ADMIN, null));
    assertThat(d.get("action").asText()).isEqualTo("allow");
    assertThat(d.get("verdict").asText()).isEqualTo("unknown");
    assertThat(d.get("ttl_seconds").asLong()).isEqualTo(300);
    assertThat(send("GET", "/v1/decisions/" + "a".repeat(300), ADMIN, null).statusCode()).isEqualTo(400);
  }

  @Test
  void metricsAndReadinessAreOpen() throws Exception {
    HttpResponse<String> m = send("GET", "/metrics", null, null);
    assertThat(m.statusCode()).isEqualTo(200);
    assertThat(m.body()).contains("# TYPE distillguard_detector_lag_events gauge");
    HttpResponse<String> ready = send("GET", "/readyz", null, null);
    assertThat(ready.statusCode()).isIn(200, 503);
    assertThat(json(ready).has("log_seq")).isTrue();
  }
}
