package io.distillguard.service.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers stored alerts to a webhook: the alert JSON as is ({@code format = json}) or a Slack-compatible message
 * ({@code format = slack}: {@code {"text": ...}} with the campaign, verdict, size and top signals). With a secret,
 * each request carries {@code X-Distillguard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, so the
 * receiver can check origin and freshness. A failed attempt (network error or a non-2xx answer) is retried with
 * exponential backoff ({@code retryBase} doubling up to {@code retryMax}) until {@code maxAttempts}. Runs on its own
 * thread; time comes from the injected clock.
 */
public final class AlertSender implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertSender.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String SIGNATURE_HEADER = "X-Distillguard-Signature";

  /** Where and how alerts go. */
  public record Target(URI url, String format, String secret, Duration retryBase, Duration retryMax,
      int maxAttempts) {}

  private final AlertStore store;
  private final Target target;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Object wake = new Object();
  private volatile boolean stop;
  private Thread thread;

  public AlertSender(AlertStore store, Target target, Clock clock) {
    this.store = store;
    this.target = target;
    this.clock = clock;
  }

  public synchronized void start() {
    thread = new Thread(this::run, "alert-sender");
    thread.setDaemon(true);
    thread.start();
  }

  /** Wakes the sender: alerts were raised. */
  public void raised() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void run() {
    while (!stop) {
      try {
        List<Alert> due = store.due(clock.instant(), 20);
        for (Alert a : due) {
          deliver(a);
        }
        synchronized (wake) {
          if (!stop) {
            wake.wait(due.isEmpty() ? 200 : 1);
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        LOG.error("alert delivery: {}", e.toString());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  void deliver(Alert a) throws Exception {
    String body = "slack".equals(target.format()) ? slack(a.payload()) : a.payload();
    HttpRequest.Builder req = HttpRequest.newBuilder(target.url()).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").header("X-Distillguard-Alert-Id", Long.toString(a.id()))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (target.secret() != null) {
      req.header(SIGNATURE_HEADER, sign(target.secret(), clock.instant().getEpochSecond(), body));
    }
    int attempts = a.attempts() + 1;
    String error;
    try {
      HttpResponse<Void> r = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() / 100 == 2) {
        store.delivered(a.id(), attempts, clock.instant());
        return;
      }
      error = "webhook answered " + r.statusCode();
    } catch (java.io.IOException e) {
      error = "webhook unreachable: " + e.getClass().getSimpleName();
    }
    Instant next = attempts >= target.maxAttempts() ? null : clock.instant().plus(backoff(attempts));
    store.failed(a.id(), attempts, next, error);
    LOG.warn("alert {} attempt {} failed ({}); {}", a.id(), attempts, error,
        next == null ? "giving up" : "next attempt at " + next);
  }

  Duration backoff(int attempts) {
    Duration d = target.retryBase().multipliedBy(1L << Math.min(20, attempts - 1));
    return d.compareTo(target.retryMax()) > 0 ? target.retryMax() : d;
  }

  /** {@code t=<seconds>,v1=<hex HMAC-SHA256(secret, "<seconds>.<body>")>}. */
  public static String sign(String secret, long seconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] h = mac.doFinal((seconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(h);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Slack incoming-webhook message for an alert payload. */
  static String slack(String payload) throws java.io.IOException {
    JsonNode a = JSON.readTree(payload);
    StringBuilder t = new StringBuilder();
    String kind = a.path("kind").asText();
    t.append(switch (kind) {
      case "campaign_attack" -> ":rotating_light: *Distillation campaign detected*";
      case "campaign_grew" -> ":chart_with_upwards_trend: *Distillation campaign grew*";
      default -> ":mag: *Campaign for review*";
    });
    t.append(" `").append(escape(a.path("campaign_id").asText())).append("`\n");
    t.append(String.format("verdict *%s*, score %.2f, %d accounts, %d requests, since %s%n",
        a.path("verdict").asText(), a.path("score").asDouble(), a.path("accounts").asLong(),
        a.path("events").asLong(), a.path("first_seen").asText()));
    int shown = 0;
    for (JsonNode r : a.path("reasons")) {
      if (shown++ == 4) {
        break;
      }
      t.append("• ").append(r.path("signal").asText()).append(": ").append(escape(r.path("detail").asText()))
          .append('\n');
    }
    return JSON.writeValueAsString(java.util.Map.of("text", t.toString()));
  }

  /** Slack's control characters in text: {@code &}, {@code <} and {@code >} (links and mentions start with {@code <}). */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    raised();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      t.interrupt();
      t.join(5000);
    }
  }
}
