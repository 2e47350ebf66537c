package io.distillguard.bench;

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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on a live service from a second process: starts {@code distillguard serve} as a child process on a fresh data
 * directory, measures ingest (batches of {@code BATCH} events posted back to back, each acknowledged once durable),
 * waits for detection to catch up, then asks {@code GET /v1/decisions/{account}} open-loop at a fixed rate for a
 * fixed time, timing each request from the moment it was due (so a stall counts against every request it delays).
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests
 * java -cp bench/target/benchmarks.jar io.distillguard.bench.ServiceLoad app/target/distillguard.jar EVENTS.jsonl [EVENTS_TO_SEND] [RATE] [SECONDS]
 * </pre>
 */
public final class ServiceLoad {

  static final String TOKEN = "service-load-benchmark-token";
  static final int BATCH = 1000;

  private ServiceLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ServiceLoad DISTILLGUARD_JAR EVENTS.jsonl [EVENTS_TO_SEND=200000] [RATE=5000] [SECONDS=30]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path events = Path.of(args[1]);
    int toSend = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
    int rate = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    Path data = Files.createTempDirectory("dg-load");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // the server's JVM options: those of the launcher script unless DISTILLGUARD_JAVA_OPTS says otherwise
    String opts = System.getenv().getOrDefault("DISTILLGUARD_JAVA_OPTS", "-Xmx4g -XX:+UseParallelGC");
    command.addAll(Arrays.asList(opts.trim().split("\\s+")));
    command.addAll(List.of("-jar", jar.toString(), "serve", "--port", "0", "--data-dir", data.toString()));
    System.out.println("server: java " + opts);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("DISTILLGUARD_ADMIN_TOKEN", TOKEN);
    pb.environment().put("DISTILLGUARD_INGEST_MAX_LAG", "2000000000");
    pb.redirectErrorStream(true);
    Process server = pb.start();
    try {
      String base = awaitListening(server);
      HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
          .connectTimeout(Duration.ofSeconds(5)).build();

      // ingest
      List<String> accounts = new ArrayList<>();
      long t0 = System.nanoTime();
      long sent = 0;
      long bytes = 0;
      try (BufferedReader in = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
        StringBuilder batch = new StringBuilder();
        int n = 0;
        String line;
        Pattern account = Pattern.compile("\"account_id\":\"([^\"]+)\"");
        while (sent + n < toSend && (line = in.readLine()) != null) {
          batch.append(line).append('\n');
          if (n % 50 == 0) {
            Matcher m = account.matcher(line);
            if (m.find()) {
              accounts.add(m.group(1));
            }
          }
          if (++n == BATCH) {
            bytes += post(http, base, batch.toString());
            sent += n;
            n = 0;
            batch.setLength(0);
          }
        }
        if (n > 0) {
          bytes += post(http, base, batch.toString());
          sent += n;
        }
      }
      double ingestSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("ingest: %,d events (%,.1f MB) acknowledged in %.1f s: %,.0f events/s (batches of %d)%n",
          sent, bytes / 1e6, ingestSeconds, sent / ingestSeconds, BATCH);
      long caught = System.nanoTime();
      awaitCaughtUp(http, base);
      System.out.printf("detection caught up %.1f s later (%,.0f events/s from the first post)%n",
          (System.nanoTime() - caught) / 1e9, sent / ((System.nanoTime() - t0) / 1e9));

      // decisions, open loop
      decisions(http, base, accounts, rate / 5, 5); // warm-up
      decisions(http, base, accounts, rate, seconds);
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
      server.destroyForcibly();
    }
    System.exit(0); // the HTTP client's executor threads would keep this JVM alive
  }

  static String awaitListening(Process p) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("listening on (http://[0-9.]+:[0-9]+)");
    String line;
    while ((line = out.readLine()) != null) {
      Matcher m = listening.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> {
          try {
            out.lines().filter(l -> l.contains("ERROR") || l.contains("WARN")).forEach(l -> System.err.println("server: " + l));
          } catch (java.io.UncheckedIOException e) {
            // the server went away
          }
        });
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
    }
    throw new IllegalStateException("the service did not start");
  }

  static long post(HttpClient http, String base, String body) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/v1/events")).header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
    if (resp.statusCode() != 200) {
      throw new IllegalStateException("ingest answered " + resp.statusCode() + ": " + resp.body());
    }
    return body.length();
  }

  static void awaitCaughtUp(HttpClient http, String base) throws Exception {
    Pattern p = Pattern.compile("\"processed_seq\":(\\d+),\"log_seq\":(\\d+)");
    while (true) {
      String body = http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = p.matcher(body);
      if (m.find() && m.group(1).equals(m.group(2))) {
        return;
      }
      Thread.sleep(200);
    }
  }

  /**
   * Open-loop load over {@link #CONNECTIONS} persistent HTTP/1.1 connections on plain sockets (a client light enough
   * not to be the bottleneck): connection {@code c} sends requests {@code c, c + CONNECTIONS, ...}, each at its due
   * time, and each latency is measured from the due time, so a slow answer also delays and counts against the
   * requests queued behind it (no coordinated omission).
   */
  static void decisions(HttpClient http, String base, List<String> accounts, int rate, int seconds)
      throws Exception {
    URI uri = URI.create(base);
    int total = rate * seconds;
    long[] latency = new long[total];
    AtomicInteger errors = new AtomicInteger();
    AtomicLong blocks = new AtomicLong();
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < CONNECTIONS; c++) {
      int first = c;
      Thread t = new Thread(() -> {
        try (java.net.Socket sock = new java.net.Socket(uri.getHost(), uri.getPort())) {
          sock.setTcpNoDelay(true);
          java.io.OutputStream out = sock.getOutputStream();
          java.io.InputStream in = new java.io.BufferedInputStream(sock.getInputStream(), 1 << 16);
          for (int i = first; i < total; i += CONNECTIONS) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
              java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            String req = "GET /v1/decisions/" + accounts.get(i % accounts.size()) + " HTTP/1.1\r\nHost: "
                + uri.getHost() + "\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n";
            out.write(req.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String body = readResponse(in);
            latency[i] = System.nanoTime() - due;
            if (body == null) {
              errors.incrementAndGet();
            } else if (body.contains("\"action\":\"block\"")) {
              blocks.incrementAndGet();
            }
          }
        } catch (java.io.IOException e) {
          errors.incrementAndGet();
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    long[] sorted = latency.clone();
    Arrays.sort(sorted);
    System.out.printf("decisions: %,d requests at %,d/s target (%,.0f/s achieved) over %d connections and %d"
            + " accounts, %d errors, %d blocks: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
        total, rate, total / wall, CONNECTIONS, new java.util.HashSet<>(accounts).size(), errors.get(), blocks.get(),
        pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), pct(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
  }

  static final int CONNECTIONS = 16;

  /** Reads one HTTP/1.1 response with a Content-Length body; null unless the status is 200. */
  static String readResponse(java.io.InputStream in) throws java.io.IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      if (head.length() >= 4 && head.charAt(head.length() - 1) == '\n' && head.charAt(head.length() - 2) == '\r'
          && head.charAt(head.length() - 3) == '\n') {
        break;
      }
    }
    String h = head.toString();
    Matcher m = Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(h);
    int len = m.find() ? Integer.parseInt(m.group(1)) : 0;
    byte[] body = in.readNBytes(len);
    return h.startsWith("HTTP/1.1 200") ? new String(body, StandardCharsets.UTF_8) : null;
  }

  static double pct(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }
}
