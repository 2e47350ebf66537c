package io.distillguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.distillguard.service.Service;
import io.distillguard.service.ServiceConfig;
import io.distillguard.service.alert.AlertSender;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts reach a real webhook receiver: signed with HMAC, retried with backoff while the receiver fails, sent once
 * per campaign (also after a restart replays the log), and without prompt text.
 */
class AlertIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN = "alert-test-admin-token-11";
  static final String SECRET = "webhook-secret-for-tests";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dir;
  HttpServer receiver;
  final List<Map.Entry<String, String>> received = new CopyOnWriteArrayList<>(); // signature, body
  final AtomicInteger failuresLeft = new AtomicInteger(2);

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
      if (status == 204) {
        received.add(Map.entry(String.valueOf(ex.getRequestHeaders().getFirst(AlertSender.SIGNATURE_HEADER)), body));
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  Service start(Path data) throws Exception {
    return Service.start(ServiceConfig.load(null, Map.of(
        "DISTILLGUARD_ALERTS_WEBHOOK_URL", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
        "DISTILLGUARD_ALERTS_SECRET", SECRET,
        "DISTILLGUARD_ALERTS_RETRY_BASE", "PT0.05S")), data, "127.0.0.1", 0, ADMIN);
  }

  static void feedAndWait(Service s, List<String> lines) throws Exception {
    for (int i = 0; i < lines.size(); i += 500) {
      HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/events"))
          .header("Authorization", "Bearer " + ADMIN)
          .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 500)))))
          .build();
      assertThat(HTTP.send(r, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
    awaitCaughtUp(s);
  }

  static void awaitCaughtUp(Service s) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      JsonNode j = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port()
          + "/readyz")).build(), HttpResponse.BodyHandlers.ofString()).body());
      if (j.get("status").asText().equals("ready") && j.get("processed_seq").asLong() == j.get("log_seq").asLong()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("detection did not catch up");
  }

  JsonNode alerts(Service s) throws Exception {
    return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/alerts"))
        .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString()).body())
        .get("alerts");
  }

  @Test
  void campaignsAlertOnceSignedAndRetried() throws Exception {
    Path sim = dir.resolve("sim");
    assertThat(Main.commandLine().execute("simulate", "--seed", "5", "--scale", "0.02", "--days", "2", "--out",
        sim.toString(), "--quiet")).isZero();
    List<String> lines = Files.readAllLines(sim.resolve("events.jsonl"));
    int stored;
    try (Service s = start(dir.resolve("data"))) {
      feedAndWait(s, lines);
      JsonNode list = alerts(s);
      stored = list.size();
      assertThat(stored).isPositive();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (received.size() < stored && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(received).hasSize(stored);
      list = alerts(s);
      // the receiver failed the first two attempts (of whichever alerts came first: alerts of one evaluation are
      // sent side by side) and every alert was delivered in the end
      int attempts = 0;
      for (JsonNode a : list) {
        attempts += a.get("attempts").asInt();
        assertThat(a.get("delivered_at").isNull()).isFalse();
      }
      assertThat(attempts).isEqualTo(stored + 2);
    }
    for (Map.Entry<String, String> r : received) {
      String sig = r.getKey();
      long t = Long.parseLong(sig.substring(2, sig.indexOf(',')));
      assertThat(sig).isEqualTo(AlertSender.sign(SECRET, t, r.getValue()));
      JsonNode a = JSON.readTree(r.getValue());
      assertThat(a.get("kind").asText()).isIn("campaign_attack", "campaign_review", "campaign_grew");
      assertThat(a.get("campaign_id").asText()).startsWith("cmp-");
      assertThat(a.has("evidence")).isFalse(); // example prompts stay home
    }
    assertThat(received.stream().map(r -> {
      try {
        JsonNode a = JSON.readTree(r.getValue());
        return a.get("kind").asText() + a.get("campaign_id").asText();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).distinct().count()).as("one alert per campaign and kind").isEqualTo(received.size());

    // a restart replays the log: nothing is alerted again
    try (Service s = start(dir.resolve("data"))) {
      awaitCaughtUp(s);
      Thread.sleep(500);
      assertThat(alerts(s).size()).isEqualTo(stored);
      assertThat(received).hasSize(stored);
    }
  }
}
