package io.distillguard.service;

import io.distillguard.scoring.DetectionConfig;
import io.distillguard.service.decide.Action;
import io.distillguard.service.decide.DecisionPolicy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of the service, from an optional properties file, then environment variables (a key's variable is
 * {@code DISTILLGUARD_} plus the key in upper case with dots as underscores, e.g. {@code DISTILLGUARD_STORE_URL}).
 * Unknown keys in the file are an error.
 *
 * <pre>
 * store.url                  =           # JDBC URL; empty: SQLite file DATA_DIR/distillguard.db
 * store.user                 =
 * store.password             =
 * ingest.max_body_bytes      = 16777216  # larger requests get 413
 * ingest.max_event_bytes     = 1048576   # larger events are rejected one by one
 * ingest.max_lag             = 500000    # events acknowledged but not yet analysed; beyond it ingest answers 429
 * events.retention           = P7D       # raw event bodies (customers' prompts) are blanked once this old and
 *                                        # behind the older of the two kept checkpoints; ids stay for idempotency
 * detection.evaluate_every   = PT5M      # event-time grid of evaluations (scan's default is PT30M)
 * detection.checkpoint_every = 12        # evaluations between checkpoints of the detector (0: never); a restart
 *                                        # resumes from DATA_DIR/checkpoint.bin and replays only later events
 * detection.attack_threshold = 0.7
 * detection.suspicious_threshold = 0.4
 * decisions.attack_action    = block     # block, degrade or throttle
 * decisions.suspicious_action = review   # review, throttle or allow
 * decisions.shadow           = false     # decide and record, but always answer allow
 * decisions.ttl              = PT5M      # how long a gateway may cache a decision
 * decisions.fail_closed      = false     # while detection is not ready: false answers from the latest evaluation
 *                                        # (fail open), true answers 503 (the gateway's failure mode applies)
 * litellm.account_fields     = user_api_key_user_id,user_api_key_team_id,user_api_key_org_id,user_api_key_hash
 *                                        # request_data fields naming the account, first non-empty wins
 * envoy.grpc_port            = -1        # Envoy ext_authz gRPC port (0: any free port; -1: off)
 * envoy.account_header       = x-distillguard-account   # header carrying the account id
 * envoy.api_key_map          =           # file of '<sha256 of API key> <account_id>' lines
 * policy.file                =           # CEL rule file, hot-reloaded when it changes (see PolicyRules)
 * alerts.webhook_url         =           # where alerts are POSTed (none: stored and listed only)
 * alerts.format              = json      # json (the alert as is) or slack (an incoming-webhook message)
 * alerts.secret              =           # HMAC-SHA256 key for the X-Distillguard-Signature header
 * alerts.retry_base          = PT5S      # first retry delay, doubling per attempt
 * alerts.retry_max           = PT1H      # longest retry delay
 * alerts.max_attempts        = 12        # attempts before an alert is given up
 * allowlist                  =           # file of account or org ids never enforced
 * features.hosting_asns      =           # file of hosting/cloud ASNs added to the bundled list (-ASN removes one)
 * </pre>
 */
public record ServiceConfig(
    String storeUrl,
    String storeUser,
    String storePassword,
    int maxBodyBytes,
    int maxEventBytes,
    long maxLag,
    DetectionConfig detection,
    DecisionPolicy decisions,
    boolean failClosed,
    java.util.List<String> litellmAccountFields,
    int envoyGrpcPort,
    String envoyAccountHeader,
    Path envoyApiKeyMap,
    Path policyFile,
    int checkpointEvery,
    io.distillguard.service.alert.AlertSender.Target alerts,
    Path allowlist,
    Duration retention,
    Path hostingAsns) {

  static final Set<String> KEYS = Set.of(
      "store.url", "store.user", "store.password", "ingest.max_body_bytes", "ingest.max_event_bytes",
      "ingest.max_lag", "detection.evaluate_every", "detection.attack_threshold", "detection.suspicious_threshold",
      "decisions.attack_action", "decisions.suspicious_action", "decisions.shadow", "decisions.ttl",
      "decisions.fail_closed", "litellm.account_fields", "envoy.grpc_port", "envoy.account_header",
      "envoy.api_key_map", "policy.file", "detection.checkpoint_every", "alerts.webhook_url", "alerts.format", "alerts.secret", "alerts.retry_base",
      "alerts.retry_max", "alerts.max_attempts", "allowlist", "events.retention", "features.hosting_asns");

  public static ServiceConfig defaults() {
    return read(new Properties(), Map.of());
  }

  /** Reads {@code file} (may be null) and applies overrides from {@code env}. */
  public static ServiceConfig load(Path file, Map<String, String> env) throws IOException {
    Properties p = new Properties();
    if (file != null) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
      unknown.removeAll(KEYS);
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(file + ": unknown setting(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
      }
    }
    try {
      return read(p, env);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException((file == null ? "environment" : file.toString()) + ": " + e.getMessage(), e);
    }
  }

  static ServiceConfig read(Properties file, Map<String, String> env) {
    Properties p = new Properties();
    p.putAll(file);
    for (String k : KEYS) {
      String v = env.get("DISTILLGUARD_" + k.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
      if (v != null) {
        p.setProperty(k, v);
      }
    }
    DetectionConfig d = DetectionConfig.defaults();
    DecisionPolicy dp = DecisionPolicy.defaults();
    String allow = blankToNull(p.getProperty("allowlist"));
    return new ServiceConfig(
        blankToNull(p.getProperty("store.url")),
        blankToNull(p.getProperty("store.user")),
        blankToNull(p.getProperty("store.password")),
        (int) longValue(p, "ingest.max_body_bytes", 16 << 20),
        (int) longValue(p, "ingest.max_event_bytes", 1 << 20),
        longValue(p, "ingest.max_lag", 500_000),
        new DetectionConfig(
            doubleValue(p, "detection.attack_threshold", d.attackThreshold()),
            doubleValue(p, "detection.suspicious_threshold", d.suspiciousThreshold()),
            duration(p, "detection.evaluate_every", Duration.ofMinutes(5)),
            d.minAttackRequests(), d.disabled()),
        new DecisionPolicy(
            action(p, "decisions.attack_action", dp.onAttack(), Set.of(Action.BLOCK, Action.DEGRADE, Action.THROTTLE)),
            action(p, "decisions.suspicious_action", dp.onSuspicious(),
                Set.of(Action.REVIEW, Action.THROTTLE, Action.ALLOW)),
            Boolean.parseBoolean(p.getProperty("decisions.shadow", "false").strip()),
            duration(p, "decisions.ttl", dp.ttl())),
        Boolean.parseBoolean(p.getProperty("decisions.fail_closed", "false").strip()),
        java.util.Arrays.stream(p.getProperty("litellm.account_fields",
            "user_api_key_user_id,user_api_key_team_id,user_api_key_org_id,user_api_key_hash").split(","))
            .map(String::strip).filter(f -> !f.isEmpty()).toList(),
        port(p, "envoy.grpc_port"),
        p.getProperty("envoy.account_header", "x-distillguard-account").strip(),
        blankToNull(p.getProperty("envoy.api_key_map")) == null ? null
            : Path.of(blankToNull(p.getProperty("envoy.api_key_map"))),
        blankToNull(p.getProperty("policy.file")) == null ? null : Path.of(blankToNull(p.getProperty("policy.file"))),
        p.getProperty("detection.checkpoint_every") != null && p.getProperty("detection.checkpoint_every").strip()
            .equals("0") ? 0 : (int) longValue(p, "detection.checkpoint_every", 12),
        alerts(p),
        allow == null ? null : Path.of(allow),
        duration(p, "events.retention", Duration.ofDays(7)),
        blankToNull(p.getProperty("features.hosting_asns")) == null ? null
            : Path.of(blankToNull(p.getProperty("features.hosting_asns"))));
  }

  private static io.distillguard.service.alert.AlertSender.Target alerts(Properties p) {
    String url = blankToNull(p.getProperty("alerts.webhook_url"));
    String format = p.getProperty("alerts.format", "json").strip();
    if (!format.equals("json") && !format.equals("slack")) {
      throw new IllegalArgumentException("alerts.format must be json or slack");
    }
    java.net.URI uri = null;
    if (url != null) {
      try {
        uri = new java.net.URI(url);
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("alerts.webhook_url is not a URL");
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("alerts.webhook_url must be http or https");
      }
    }
    return new io.distillguard.service.alert.AlertSender.Target(uri, format,
        blankToNull(p.getProperty("alerts.secret")), duration(p, "alerts.retry_base", Duration.ofSeconds(5)),
        duration(p, "alerts.retry_max", Duration.ofHours(1)), (int) longValue(p, "alerts.max_attempts", 12));
  }

  private static int port(Properties p, String key) {
    String v = blankToNull(p.getProperty(key));
    try {
      int n = v == null ? -1 : Integer.parseInt(v);
      if (n < -1 || n > 65535) {
        throw new IllegalArgumentException(key + " must be a port (0: any free port, -1: off)");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a whole number");
    }
  }

  /** A copy with the Envoy gRPC port set (the serve command's --grpc-port). */
  public ServiceConfig withEnvoyGrpcPort(int port) {
    return new ServiceConfig(storeUrl, storeUser, storePassword, maxBodyBytes, maxEventBytes, maxLag, detection,
        decisions, failClosed, litellmAccountFields, port, envoyAccountHeader, envoyApiKeyMap, policyFile,
        checkpointEvery, alerts, allowlist, retention, hostingAsns);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static long longValue(Properties p, String key, long dflt) {
    String v = blankToNull(p.getProperty(key));
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v);
      if (n <= 0 || n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(key + " must be a positive number below 2^31");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a whole number");
    }
  }

  private static double doubleValue(Properties p, String key, double dflt) {
    String v = blankToNull(p.getProperty(key));
    try {
      return v == null ? dflt : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number");
    }
  }

  private static Duration duration(Properties p, String key, Duration dflt) {
    String v = blankToNull(p.getProperty(key));
    try {
      Duration d = v == null ? dflt : Duration.parse(v);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(key + " must be positive");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " is not an ISO-8601 duration such as PT5M");
    }
  }

  private static Action action(Properties p, String key, Action dflt, Set<Action> allowed) {
    String v = blankToNull(p.getProperty(key));
    if (v == null) {
      return dflt;
    }
    Action a = Action.parse(v).orElse(null);
    if (a == null || !allowed.contains(a)) {
      throw new IllegalArgumentException(key + " must be one of " + new TreeSet<>(allowed.stream().map(Action::wireName).toList()));
    }
    return a;
  }
}
