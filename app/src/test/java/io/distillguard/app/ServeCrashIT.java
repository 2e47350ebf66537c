package io.distillguard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service runs as a child process and is killed with SIGKILL while a batch is in flight: after a restart on the
 * same data directory every acknowledged event is still there (re-sending it is a duplicate), and once the rest of
 * the traffic is in, the verdicts equal those of a run that was never interrupted.
 */
class ServeCrashIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN = "crash-test-admin-token-42";
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  @TempDir Path dir;
  final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() {
    children.forEach(Process::destroyForcibly);
  }

  /** Starts {@code distillguard serve} in a child JVM; returns its base URL once it listens. */
  String serve(Path dataDir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.distillguard.app.Main", "serve", "--port", "0",
        "--data-dir", dataDir.toString());
    pb.environment().put("DISTILLGUARD_ADMIN_TOKEN", ADMIN);
    pb.environment().put("DISTILLGUARD_DETECTION_EVALUATE_EVERY", "PT30M");
    pb.environment().put("DISTILLGUARD_DETECTION_CHECKPOINT_EVERY", "3"); // a checkpoint every 90 min of event time
    pb.redirectErrorStream(true);
    Process p = pb.start();
    children.add(p);
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("listening on (http://[0-9.]+:[0-9]+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      Matcher m = listening.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
    }
    throw new AssertionError("the service did not start");
  }

  static HttpRequest post(String base, String body) {
    return HttpRequest.newBuilder(URI.create(base + "/v1/events")).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  static JsonNode get(String base, String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  static JsonNode send(String base, String body) throws Exception {
    HttpResponse<String> r = HTTP.send(post(base, body), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** Waits until the detector has replayed and analysed everything in the log. */
  static void awaitCaughtUp(String base) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode j = JSON.readTree(r.body());
      if (r.statusCode() == 200 && j.get("processed_seq").asLong() == j.get("log_seq").asLong()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the detector did not catch up");
  }

  static String verdicts(String base) throws Exception {
    JsonNode j = get(base, "/v1/accounts?limit=100000");
    assertThat(j.get("accounts").size()).isPositive();
    return j.toString();
  }

  @Test
  void acknowledgedEventsSurviveKillNineAndVerdictsMatchAnUninterruptedRun() throws Exception {
    Path sim = dir.resolve("sim");
    assertThat(Main.commandLine().execute("simulate", "--seed", "5", "--scale", "0.02", "--days", "2", "--out",
        sim.toString(), "--quiet")).isZero();
    List<String> lines = Files.readAllLines(sim.resolve("events.jsonl"));
    List<String> batches = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += 250) {
      batches.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 250))) + "\n");
    }
    assertThat(batches.size()).isGreaterThan(8);

    // run 1: acknowledge a part, then SIGKILL with the next batch in flight
    Path data = dir.resolve("data");
    String base = serve(data);
    int acked = batches.size() / 2;
    for (int i = 0; i < acked; i++) {
      assertThat(send(base, batches.get(i)).get("accepted").asInt()).isPositive();
    }
    // the kill must come after the detector's first checkpoint (every 12 evaluations), so that run 2 both resumes
    // from a checkpoint and replays the log after it; the detector runs behind ingest, so wait for the file
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(data.resolve("checkpoint.bin")) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    CompletableFuture<HttpResponse<String>> inFlight =
        HTTP.sendAsync(post(base, batches.get(acked)), HttpResponse.BodyHandlers.ofString());
    Process first = children.get(0);
    first.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    inFlight.handle((r, e) -> null).get(60, TimeUnit.SECONDS);

    // run 2 on the same directory: it resumes from the last checkpoint and replays the events after it; everything
    // acknowledged is there; then the rest of the traffic
    assertThat(data.resolve("checkpoint.bin")).exists();
    base = serve(data);
    awaitCaughtUp(base);
    for (int i = 0; i < acked; i++) {
      JsonNode again = send(base, batches.get(i));
      assertThat(again.get("accepted").asInt()).as("batch %d was acknowledged before the kill", i).isZero();
    }
    for (int i = acked; i < batches.size(); i++) {
      send(base, batches.get(i));
    }
    awaitCaughtUp(base);
    String afterCrash = verdicts(base);

    // run 3: the same traffic, never interrupted
    String reference = serve(dir.resolve("data-reference"));
    for (String b : batches) {
      send(reference, b);
    }
    awaitCaughtUp(reference);
    assertThat(afterCrash).isEqualTo(verdicts(reference));

    // an unusable checkpoint is ignored: the whole log is replayed, with the same verdicts
    children.forEach(Process::destroyForcibly);
    for (Process p : children) {
      p.waitFor(30, TimeUnit.SECONDS);
    }
    byte[] cp = Files.readAllBytes(data.resolve("checkpoint.bin"));
    cp[cp.length / 2] ^= 0x5A;
    Files.write(data.resolve("checkpoint.bin"), java.util.Arrays.copyOf(cp, cp.length / 2 + 1));
    String again = serve(data);
    awaitCaughtUp(again);
    assertThat(verdicts(again)).isEqualTo(afterCrash);
  }
}
