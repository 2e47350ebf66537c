package io.distillguard.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.distillguard.service.Service;
import io.distillguard.service.ServiceConfig;
import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code distillguard demo}: the live service on embedded defaults with simulated traffic streamed into it over HTTP,
 * as a gateway would send it; prints the addresses and a token, and how detection sees the campaigns.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the live service (as `serve`), simulates traffic with distillation campaigns hidden among ordinary"
          + " customers, streams it into the service over HTTP in event-time order, and prints what detection"
          + " found. The service keeps running until Ctrl-C (or exits with --exit)."
    })
final class DemoCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (0: any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--grpc-port", defaultValue = "9191", description = "Envoy ext_authz gRPC port. Default: ${DEFAULT-VALUE}.")
  int grpcPort;

  @Option(names = "--data-dir", defaultValue = "run/demo", description = "Folder for the store and the simulated"
      + " log; emptied first. Default: ${DEFAULT-VALUE}.")
  Path dataDir;

  @Option(names = "--scale", defaultValue = "0.1", description = "Simulation scale (1 = 4,000 customers, about 1M"
      + " events a week). Default: ${DEFAULT-VALUE}.")
  double scale;

  @Option(names = "--days", defaultValue = "4", description = "Simulated days. Default: ${DEFAULT-VALUE}.")
  int days;

  @Option(names = "--seed", defaultValue = "42") long seed;

  @Option(names = "--exit", description = "Stop the service once the traffic is in and the summary printed.")
  boolean exit;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(dataDir)) {
      try (var files = Files.walk(dataDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
    Path sim = dataDir.resolve("sim");
    int code = new CommandLine(new SimulateCommand()).execute("--seed", Long.toString(seed), "--scale",
        Double.toString(scale), "--days", Integer.toString(days), "--out", sim.toString(), "--quiet");
    if (code != 0) {
      return code;
    }
    // the demo talks to a person: plain-text logs, warnings only, unless the environment asks otherwise
    if (System.getenv("DISTILLGUARD_LOG_FORMAT") == null) {
      System.setProperty("distillguard.log.format", "text");
    }
    if (System.getenv("DISTILLGUARD_LOG_LEVEL") == null) {
      System.setProperty("distillguard.log.level", "warn");
    }
    String token = System.getenv(Service.ADMIN_TOKEN_ENV);
    ServiceConfig cfg = ServiceConfig.load(null, System.getenv()).withEnvoyGrpcPort(grpcPort);
    Service service = Service.start(cfg, dataDir.resolve("store"), "127.0.0.1", port, token);
    String admin = token != null ? token : service.generatedAdminToken();
    String base = "http://127.0.0.1:" + service.port();
    System.out.println();
    System.out.println("distillguard demo");
    System.out.println("  API            " + base + "  (try: curl -H 'Authorization: Bearer " + admin + "' "
        + base + "/v1/campaigns)");
    System.out.println("  decisions      " + base + "/v1/decisions/{account_id}");
    System.out.println("  LiteLLM        " + base + "/beta/litellm_basic_guardrail_api");
    System.out.println("  Envoy authz    127.0.0.1:" + service.envoyPort() + " (gRPC ext_authz)");
    System.out.println("  metrics        " + base + "/metrics");
    System.out.println("  admin token    " + admin);
    System.out.println("  dashboard      " + base + "/ui/  (log in with the admin token)");
    System.out.println();

    HttpClient http = HttpClient.newHttpClient();
    long sent = 0;
    long t0 = System.nanoTime();
    try (BufferedReader in = Files.newBufferedReader(sim.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
      StringBuilder batch = new StringBuilder();
      int n = 0;
      String line;
      while ((line = in.readLine()) != null) {
        batch.append(line).append('\n');
        if (++n == 1000) {
          post(http, base, admin, batch.toString());
          sent += n;
          n = 0;
          batch.setLength(0);
          if (sent % 20_000 == 0) {
            status(http, base, admin, sent, t0);
          }
        }
      }
      if (n > 0) {
        post(http, base, admin, batch.toString());
        sent += n;
      }
    }
    awaitCaughtUp(http, base);
    status(http, base, admin, sent, t0);
    summary(http, base, admin, sim);
    if (exit) {
      service.close();
      return 0;
    }
    System.out.println("\nThe service keeps running; Ctrl-C stops it.");
    ServeCommand.serveUntilShutdown(service, "demo");
    return 0;
  }

  private static void post(HttpClient http, String base, String token, String body) throws Exception {
    while (true) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/events"))
          .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 429) {
        Thread.sleep(1000); // detection is behind: back off as a gateway would
        continue;
      }
      if (r.statusCode() != 200) {
        throw new IllegalStateException("ingest answered " + r.statusCode() + ": " + r.body());
      }
      return;
    }
  }

  private static JsonNode get(HttpClient http, String base, String token, String path) throws Exception {
    return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  private static void awaitCaughtUp(HttpClient http, String base) throws Exception {
    while (true) {
      JsonNode j = get(http, base, "", "/readyz");
      if (j.get("processed_seq").asLong() == j.get("log_seq").asLong()) {
        return;
      }
      Thread.sleep(250);
    }
  }

  private static void status(HttpClient http, String base, String token, long sent, long t0) throws Exception {
    JsonNode accounts = get(http, base, token, "/v1/accounts?verdict=attack&limit=100000");
    JsonNode campaigns = get(http, base, token, "/v1/campaigns");
    System.out.printf("  %,9d events sent in %5.1f s; as of %s: %,d accounts to block, %d campaigns%n", sent,
        (System.nanoTime() - t0) / 1e9, accounts.get("evaluated_at").asText(), accounts.get("accounts").size(),
        campaigns.get("campaigns").size());
  }

  private static void summary(HttpClient http, String base, String token, Path sim) throws Exception {
    Map<String, String> truth = new java.util.HashMap<>();
    for (String l : Files.readAllLines(sim.resolve("labels.jsonl"))) {
      JsonNode n = JSON.readTree(l);
      truth.put(n.get("account_id").asText(), n.get("class").asText());
    }
    JsonNode attacks = get(http, base, token, "/v1/accounts?verdict=attack&limit=100000").get("accounts");
    long right = 0;
    for (JsonNode a : attacks) {
      if ("attack".equals(truth.get(a.get("account_id").asText()))) {
        right++;
      }
    }
    long total = truth.values().stream().filter("attack"::equals).count();
    System.out.printf("%nDetection on the live stream: %,d accounts to block, %,d of them in the simulated campaigns"
        + " (%,d campaign accounts in all)%n", attacks.size(), right, total);
    for (JsonNode c : get(http, base, token, "/v1/campaigns").get("campaigns")) {
      System.out.printf("  %-14s %-10s score %.2f  %,6d accounts  %,9d requests%n", c.get("campaign_id").asText(),
          c.get("verdict").asText(), c.get("score").asDouble(), c.get("account_count").asInt(),
          c.get("events").asLong());
    }
  }
}
