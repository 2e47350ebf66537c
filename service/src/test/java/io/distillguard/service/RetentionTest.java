package io.distillguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.scoring.AccountVerdict;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention blanks old event bodies only behind the older of the two kept checkpoints: a restart (from the newest
 * checkpoint, or from the older one when the newest is damaged) still reproduces the verdicts, and a blanked event's
 * id still makes a re-post a duplicate.
 */
class RetentionTest {

  static final String ADMIN = "retention-admin-token-0123456789";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path dir;

  @Test
  void prunesOnlyWhatNoRestartNeeds() throws Exception {
    Map<String, String> env = Map.of("DISTILLGUARD_DETECTION_CHECKPOINT_EVERY", "3",
        "DISTILLGUARD_EVENTS_RETENTION", "PT0.001S");
    ServiceConfig cfg = ServiceConfig.read(new java.util.Properties(), env);
    Random r = new Random(7);
    List<String> lines = new ArrayList<>();
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < 900; i++) { // 3 accounts, one event a minute each, for 5 hours: dozens of evaluations
      String account = "acct-" + (i % 3);
      lines.add(ServiceApiTest.event(r, account, t0.plusSeconds(20L * i),
          "Solve step by step and show every step of your reasoning: problem " + (i % 37) + " about primes"));
    }
    Map<String, String> before;
    try (Service s = Service.start(cfg, dir, "127.0.0.1", 0, ADMIN)) {
      for (int from = 0; from < lines.size(); from += 100) {
        post(s, String.join("\n", lines.subList(from, from + 100)));
      }
      awaitCaughtUp(s, lines.size());
      assertThat(Files.exists(dir.resolve("checkpoint.bin.prev"))).isTrue();
      long safe = s.detector().replayNotNeededThrough();
      assertThat(safe).isPositive().isLessThan(s.detector().checkpointSeq());
      Thread.sleep(5); // every event is now older than the retention

      long blanked = s.prune();

      assertThat(blanked).isEqualTo(safe);
      assertThat(blankBodies()).isEqualTo(safe);
      assertThat(s.prune()).isZero(); // resumes where it stopped: nothing new to do
      // a blanked event's id still counts: a re-post is a duplicate
      HttpResponse<String> again = post(s, lines.get(0));
      assertThat(again.body()).contains("\"duplicates\":1");
      before = verdicts(s);
    }
    assertThat(before).isNotEmpty();

    try (Service s = Service.start(cfg, dir, "127.0.0.1", 0, ADMIN)) {
      awaitCaughtUp(s, lines.size());
      assertThat(verdicts(s)).isEqualTo(before);
      assertThat(s.detector().prunedSkipped()).isZero();
    }

    // the newest checkpoint damaged: the older one still covers everything that was blanked
    byte[] cp = Files.readAllBytes(dir.resolve("checkpoint.bin"));
    Files.write(dir.resolve("checkpoint.bin"), java.util.Arrays.copyOf(cp, cp.length / 2));
    try (Service s = Service.start(cfg, dir, "127.0.0.1", 0, ADMIN)) {
      awaitCaughtUp(s, lines.size());
      assertThat(verdicts(s)).isEqualTo(before);
      assertThat(s.detector().prunedSkipped()).isZero();
    }
  }

  private long blankBodies() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("distillguard.db"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM events WHERE body = ''")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, String> verdicts(Service s) {
    Map<String, String> out = new TreeMap<>();
    for (AccountVerdict v : s.detector().snapshot().verdicts().values()) {
      out.put(v.accountId(), v.verdict().wireName() + " " + v.score() + " " + v.reasons());
    }
    out.put("@", String.valueOf(s.detector().snapshot().at()));
    return out;
  }

  private static HttpResponse<String> post(Service s, String body) throws Exception {
    HttpResponse<String> resp = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port()
            + "/v1/events")).header("Authorization", "Bearer " + ADMIN).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);
    return resp;
  }

  private static void awaitCaughtUp(Service s, long seq) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while ((s.detector().processedSeq() < seq || !s.detector().ready()) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(s.detector().processedSeq()).isEqualTo(seq);
  }
}
