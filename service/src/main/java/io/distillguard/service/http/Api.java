package io.distillguard.service.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.distillguard.linking.Campaign;
import io.distillguard.report.JsonFiles;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.Reason;
import io.distillguard.service.decide.Decision;
import io.distillguard.service.decide.Decider;
import io.distillguard.service.policy.PolicyException;
import io.distillguard.service.policy.PolicyRules;
import io.distillguard.service.policy.PolicyStore;
import io.distillguard.service.detect.Detector;
import io.distillguard.service.ingest.IngestParser;
import io.distillguard.service.label.Label;
import io.distillguard.service.store.EventLog;
import io.distillguard.service.store.TokenStore;
import io.distillguard.service.store.TokenStore.Principal;
import io.distillguard.service.store.TokenStore.Role;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API. Every {@code /v1} route needs a bearer token with a role: {@code ingest} sends events and asks for
 * decisions (a gateway), {@code analyst} reads verdicts and campaigns, {@code admin} does everything and makes
 * tokens. Errors are JSON ({@code {"error": ...}}) and never quote the request's content.
 *
 * <pre>
 * POST /v1/events                 NDJSON or a JSON array of event-v1; 200 once durable, with per-line rejects
 * GET  /v1/decisions/{account_id} the action for a gateway, with reasons and a TTL
 * GET  /v1/accounts[?verdict=v]   verdicts (analyst)
 * GET  /v1/accounts/{account_id}  one verdict with all reasons (analyst)
 * GET  /v1/campaigns              campaigns with evidence (analyst)
 * POST /v1/tokens                 {"role": "ingest", "name": "gateway-eu"} makes a token (admin)
 * POST /beta/litellm_basic_guardrail_api  LiteLLM's generic guardrail API (ingest; token also as x-api-key)
 * GET  /v1/alerts[?limit=N]       recent alerts with their delivery state (analyst)
 * POST /v1/labels                 {"account_id", "label": confirm|dismiss|allowlist, "note"} (analyst)
 * GET  /v1/labels?account_id=A    an account's labels, newest first (analyst)
 * GET  /v1/policy                 the active rules, their version and the last rejection (analyst)
 * PUT  /v1/policy                 new rules: validated, stored as a new version, active at once (admin)
 * POST /v1/policy/validate        compiles rules without activating them (analyst)
 * GET  /healthz  /readyz  /metrics
 * </pre>
 */
public final class Api {

  private static final Logger LOG = LoggerFactory.getLogger(Api.class);
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper();
  static final int MAX_ID_CHARS = 256;
  /** Ingest requests processed at once; more wait for no one and get 429. */
  static final int INGEST_CONCURRENCY = 4;

  private final EventLog log;
  private final TokenStore tokens;
  private final Detector detector;
  private final Decider decider;
  private final PolicyStore policies;
  private final io.distillguard.service.alert.AlertStore alerts;
  private final io.distillguard.service.label.LabelStore labels;
  private final IngestParser parser;
  private final int maxBodyBytes;
  private final long maxLag;
  private final Metrics metrics;
  private final Semaphore ingestSlots = new Semaphore(INGEST_CONCURRENCY);
  private final boolean failClosed;
  private final List<String> litellmAccountFields;
  private Javalin app;

  public Api(EventLog log, TokenStore tokens, Detector detector, Decider decider, PolicyStore policies,
      io.distillguard.service.alert.AlertStore alerts, io.distillguard.service.label.LabelStore labels,
      int maxBodyBytes, int maxEventBytes, long maxLag, boolean failClosed, List<String> litellmAccountFields,
      Metrics metrics) {
    this.log = log;
    this.decider = decider;
    this.policies = policies;
    this.alerts = alerts;
    this.labels = labels;
    this.failClosed = failClosed;
    this.litellmAccountFields = List.copyOf(litellmAccountFields);
    this.tokens = tokens;
    this.detector = detector;
    this.parser = new IngestParser(maxEventBytes);
    this.maxBodyBytes = maxBodyBytes;
    this.maxLag = maxLag;
    this.metrics = metrics;
    metrics.describe("distillguard_ingest_events_total", "Events received, by result.");
    metrics.describe("distillguard_http_requests_total", "HTTP requests, by route and status.");
    metrics.describe("distillguard_decisions_total", "Decisions answered, by action.");
    metrics.gauge("distillguard_detector_lag_events", () -> Math.max(0, log.lastSeq() - detector.processedSeq()));
    metrics.gauge("distillguard_detector_processed_seq", detector::processedSeq);
    metrics.gauge("distillguard_evaluations_total", detector::evaluations);
    metrics.gauge("distillguard_accounts_evaluated", () -> detector.snapshot().verdicts().size());
    metrics.gauge("distillguard_campaigns", () -> detector.snapshot().campaigns().size());
  }

  /** Starts the server on {@code host:port} (port 0: any free port). */
  public Api start(String host, int port) {
    app = Javalin.create(cfg -> {
      cfg.http.maxRequestSize = maxBodyBytes;
      // Javalin copies each result through a fresh buffer of this size (Jetty's 32 KB by default): at thousands of
      // decisions a second that buffer was most of the garbage, and the collections behind it most of the p99.
      cfg.http.responseBufferSize = 4096;
      // the dashboard: plain ES modules from the jar, ECharts from its WebJar; no inline script may ever run
      cfg.staticFiles.add(sf -> {
        sf.hostedPath = "/ui";
        sf.directory = "/ui";
        sf.location = io.javalin.http.staticfiles.Location.CLASSPATH;
        sf.headers = Map.of("Content-Security-Policy", CSP, "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer", "Cache-Control", "no-cache");
      });
      cfg.staticFiles.enableWebjars();
      cfg.startup.showJavalinBanner = false;
      cfg.routes.exception(ApiException.class, (e, ctx) -> {
        if (e.retryAfter != null) {
          ctx.header("Retry-After", e.retryAfter);
        }
        error(ctx, e.status, e.getMessage());
      });
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed: {}", ctx.method(), routeLabel(ctx), e.toString());
        error(ctx, 500, "internal error");
      });
      cfg.routes.error(404, "*", ctx -> {
        if (ctx.result() == null) {
          error(ctx, 404, "no such route");
        }
      });
      cfg.routes.after(ctx -> metrics.inc("distillguard_http_requests_total",
          "route=\"" + routeLabel(ctx) + "\",status=\"" + ctx.statusCode() + "\"", 1));
      cfg.routes.get("/healthz", ctx -> json(ctx, 200, g -> g.writeStringField("status", "ok")));
      cfg.routes.get("/readyz", this::ready);
      cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.render()));
      cfg.routes.post("/v1/events", this::ingest);
      cfg.routes.get("/v1/decisions/{account_id}", this::decision);
      cfg.routes.get("/v1/accounts", this::accounts);
      cfg.routes.get("/v1/accounts/{account_id}", this::account);
      cfg.routes.get("/v1/campaigns", this::campaigns);
      cfg.routes.get("/v1/campaigns/{campaign_id}", this::campaign);
      cfg.routes.get("/v1/accounts/{account_id}/profile", this::profile);
      cfg.routes.get("/v1/overview", this::overview);
      cfg.routes.get("/v1/search", this::search);
      cfg.routes.get("/v1/whoami", this::whoami);
      cfg.routes.post("/v1/policy/backtest", this::backtest);
      cfg.routes.get("/", ctx -> ctx.redirect("/ui/"));
      cfg.routes.post("/v1/tokens", this::createToken);
      cfg.routes.post("/beta/litellm_basic_guardrail_api", this::litellm);
      cfg.routes.get("/v1/policy", this::policy);
      cfg.routes.get("/v1/alerts", this::alerts);
      cfg.routes.post("/v1/labels", this::addLabel);
      cfg.routes.get("/v1/labels", this::listLabels);
      cfg.routes.put("/v1/policy", this::putPolicy);
      cfg.routes.post("/v1/policy/validate", this::validatePolicy);
    });
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  public void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private static final Set<String> ROUTES = Set.of("/healthz", "/readyz", "/metrics", "/v1/events",
      "/v1/decisions/{account_id}", "/v1/accounts", "/v1/accounts/{account_id}", "/v1/campaigns", "/v1/tokens",
      "/beta/litellm_basic_guardrail_api", "/v1/policy", "/v1/policy/validate", "/v1/alerts", "/v1/labels",
      "/v1/campaigns/{campaign_id}", "/v1/accounts/{account_id}/profile", "/v1/overview", "/v1/search", "/v1/whoami",
      "/v1/policy/backtest");

  /** The dashboard's Content-Security-Policy: scripts only from this origin, no inline script, no plugins, no frames. */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
      + " data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private static String routeLabel(Context ctx) {
    // routes are fixed strings from this class; anything else is "other"
    String matched;
    try {
      var e = ctx.endpoints().lastHttpEndpoint();
      matched = e == null ? null : e.path;
    } catch (RuntimeException e) {
      matched = null;
    }
    return matched != null && ROUTES.contains(matched) ? matched : "other";
  }

  // ---- authentication

  private Principal require(Context ctx, Role... roles) {
    String h = ctx.header("Authorization");
    String apiKey = ctx.header("x-api-key");
    if ((h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) && apiKey != null) {
      h = "Bearer " + apiKey; // LiteLLM sends a guardrail's api_key this way
    }
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiException(401, "missing bearer token");
    }
    Principal p = tokens.authenticate(h.substring(7).strip()).orElse(null);
    if (p == null) {
      ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      throw new ApiException(401, "unknown or revoked token");
    }
    if (p.role() == Role.ADMIN) {
      return p;
    }
    for (Role r : roles) {
      if (p.role() == r) {
        return p;
      }
    }
    throw new ApiException(403, "role " + p.role().wireName() + " may not do this");
  }

  // ---- routes

  private void ready(Context ctx) {
    boolean ready = detector.ready();
    json(ctx, ready ? 200 : 503, g -> {
      g.writeStringField("status", ready ? "ready" : detector.failure() != null ? "failed" : "replaying");
      g.writeNumberField("processed_seq", detector.processedSeq());
      g.writeNumberField("log_seq", log.lastSeq());
    });
  }

  private void ingest(Context ctx) throws IOException {
    require(ctx, Role.INGEST);
    long lag = log.lastSeq() - detector.processedSeq();
    if (lag > maxLag) {
      metrics.inc("distillguard_ingest_rejected_requests_total", "reason=\"lag\"", 1);
      throw new ApiException(429, "detection is " + lag + " events behind; retry later", "5");
    }
    if (!ingestSlots.tryAcquire()) {
      metrics.inc("distillguard_ingest_rejected_requests_total", "reason=\"concurrency\"", 1);
      throw new ApiException(429, "too many ingest requests at once; retry later", "1");
    }
    try {
      byte[] body = boundedBody(ctx);
      IngestParser.Parsed parsed = parser.parse(body);
      EventLog.Appended appended;
      try {
        appended = log.append(parsed.events());
      } catch (SQLException e) {
        LOG.error("event log append failed: {}", e.toString());
        throw new ApiException(503, "the event log is unavailable; nothing from this request was stored", "5");
      }
      detector.appended();
      metrics.inc("distillguard_ingest_events_total", "result=\"accepted\"", appended.inserted());
      metrics.inc("distillguard_ingest_events_total", "result=\"duplicate\"", appended.duplicates().size());
      metrics.inc("distillguard_ingest_events_total", "result=\"rejected\"", parsed.rejected().size());
      int status = parsed.events().isEmpty() && !parsed.rejected().isEmpty() ? 400 : 200;
      json(ctx, status, g -> {
        g.writeNumberField("accepted", appended.inserted());
        g.writeNumberField("duplicates", appended.duplicates().size());
        g.writeNumberField("rejected", parsed.rejected().size());
        g.writeArrayFieldStart("errors");
        int shown = 0;
        for (IngestParser.Rejected r : parsed.rejected()) {
          if (shown++ == 100) {
            break; // the count above has them all
          }
          g.writeStartObject();
          g.writeNumberField("line", r.line());
          g.writeStringField("reason", r.reason());
          g.writeEndObject();
        }
        g.writeEndArray();
      });
    } finally {
      ingestSlots.release();
    }
  }

  private byte[] boundedBody(Context ctx) throws IOException {
    String len = ctx.header("Content-Length");
    if (len != null) {
      try {
        if (Long.parseLong(len.strip()) > maxBodyBytes) {
          throw new ApiException(413, "request body exceeds " + maxBodyBytes + " bytes");
        }
      } catch (NumberFormatException e) {
        throw new ApiException(400, "invalid Content-Length");
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(len == null ? 8192 : Math.min(maxBodyBytes, 1 << 20));
    byte[] buf = new byte[1 << 16];
    try (InputStream in = ctx.bodyInputStream()) {
      int n;
      while ((n = in.read(buf)) > 0) {
        if (out.size() + n > maxBodyBytes) {
          throw new ApiException(413, "request body exceeds " + maxBodyBytes + " bytes");
        }
        out.write(buf, 0, n);
      }
    }
    return out.toByteArray();
  }

  private void decision(Context ctx) {
    require(ctx, Role.INGEST, Role.ANALYST);
    String id = accountId(ctx);
    notReadyGuard();
    Decision d = decider.decide(id);
    json(ctx, 200, g -> writeDecision(g, d));
  }

  /**
   * With {@code decisions.fail_closed}, a detector that has not caught up (or has failed) answers 503, so that the
   * gateway applies its own failure mode; otherwise decisions come from the latest evaluation, whatever its age.
   */
  private void notReadyGuard() {
    if (failClosed && !detector.ready()) {
      throw new ApiException(503, "detection is not ready (replaying or failed)", "5");
    }
  }

  /**
   * LiteLLM's generic guardrail API: the account is the first non-empty of {@code litellmAccountFields} in
   * {@code request_data}; {@code block} answers {@code BLOCKED} with the verdict's signals (never content), every
   * other action {@code NONE} (LiteLLM cannot throttle; use the decisions API or Envoy for that). Responses
   * ({@code input_type = response}) always pass.
   */
  private void litellm(Context ctx) throws IOException {
    require(ctx, Role.INGEST);
    JsonNodeHolder body = JsonNodeHolder.parse(boundedBody(ctx));
    String account = null;
    for (String f : litellmAccountFields) {
      String v = body.requestData(f);
      if (v != null && !v.isEmpty()) {
        account = v.length() > MAX_ID_CHARS ? v.substring(0, MAX_ID_CHARS) : v;
        break;
      }
    }
    if (account == null || "response".equals(body.text("input_type"))) {
      json(ctx, 200, g -> g.writeStringField("action", "NONE"));
      return;
    }
    notReadyGuard();
    Decision d = decider.decide(account);
    if (d.action() == io.distillguard.service.decide.Action.BLOCK) {
      StringBuilder why = new StringBuilder("distillguard: account blocked (" + d.verdict());
      if (d.campaignId() != null) {
        why.append(", campaign ").append(d.campaignId());
      }
      why.append("; signals:");
      for (Reason r : d.reasons()) {
        why.append(' ').append(r.signal());
      }
      why.append(')');
      json(ctx, 200, g -> {
        g.writeStringField("action", "BLOCKED");
        g.writeStringField("blocked_reason", why.toString());
      });
    } else {
      json(ctx, 200, g -> g.writeStringField("action", "NONE"));
    }
  }

  /** The few fields read from a LiteLLM guardrail request. */
  private record JsonNodeHolder(com.fasterxml.jackson.databind.JsonNode root) {
    static JsonNodeHolder parse(byte[] body) {
      try {
        com.fasterxml.jackson.databind.JsonNode n = MAPPER.readTree(body);
        if (n == null || !n.isObject()) {
          throw new ApiException(400, "body must be a JSON object");
        }
        return new JsonNodeHolder(n);
      } catch (IOException e) {
        throw new ApiException(400, "body is not valid JSON");
      }
    }

    String requestData(String field) {
      com.fasterxml.jackson.databind.JsonNode v = root.path("request_data").path(field);
      return v.isTextual() ? v.asText() : v.isNumber() ? v.asText() : null;
    }

    String text(String field) {
      com.fasterxml.jackson.databind.JsonNode v = root.path(field);
      return v.isTextual() ? v.asText() : null;
    }
  }

  /** Writes a decision's fields into the current JSON object. */
  public static void writeDecision(JsonGenerator g, Decision d) throws IOException {
    g.writeStringField("account_id", d.accountId());
    g.writeStringField("action", d.action().wireName());
    if (d.shadowAction() != null) {
      g.writeStringField("shadow_action", d.shadowAction().wireName());
    }
    g.writeStringField("verdict", d.verdict());
    g.writeNumberField("score", JsonFiles.round(d.score()));
    g.writeStringField("campaign_id", d.campaignId());
    g.writeStringField("rule", d.rule());
    g.writeNumberField("policy_version", d.policyVersion());
    JsonFiles.writeReasons(g, d.reasons());
    g.writeStringField("evaluated_at", d.evaluatedAt().toString());
    g.writeNumberField("ttl_seconds", d.ttlSeconds());
  }

  private void accounts(Context ctx) {
    require(ctx, Role.ANALYST);
    String verdict = ctx.queryParam("verdict");
    int limit = intParam(ctx, "limit", 1000, 100_000);
    Detector.Snapshot s = detector.snapshot();
    List<AccountVerdict> out = new ArrayList<>();
    for (AccountVerdict v : new TreeMap<>(s.verdicts()).values()) {
      if (verdict == null || v.verdict().wireName().equals(verdict)) {
        out.add(v);
        if (out.size() == limit) {
          break;
        }
      }
    }
    json(ctx, 200, g -> {
      g.writeStringField("evaluated_at", s.at().toString());
      g.writeArrayFieldStart("accounts");
      for (AccountVerdict v : out) {
        JsonFiles.writeVerdict(g, v);
      }
      g.writeEndArray();
    });
  }

  private void account(Context ctx) {
    require(ctx, Role.ANALYST);
    String id = accountId(ctx);
    AccountVerdict v = detector.snapshot().verdicts().get(id);
    if (v == null) {
      throw new ApiException(404, "no verdict for this account");
    }
    ctx.status(200).contentType("application/json");
    ctx.result(write(g -> JsonFiles.writeVerdict(g, v)));
  }

  /** A view computed on the detector thread; 503 if it is busy for longer than a few seconds. */
  private <T> T view(java.util.function.Function<io.distillguard.pipeline.DetectionPipeline, T> f) {
    try {
      return detector.query(f, java.time.Duration.ofSeconds(5));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new ApiException(503, "detection is busy; try again", "2");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "interrupted");
    }
  }

  private void whoami(Context ctx) {
    Principal p = require(ctx, Role.INGEST, Role.ANALYST);
    json(ctx, 200, g -> {
      g.writeStringField("name", p.name());
      g.writeStringField("role", p.role().wireName());
    });
  }

  /** Counts, the verdict history, capabilities targeted by campaigns, the campaigns by score. */
  private void overview(Context ctx) throws IOException {
    require(ctx, Role.ANALYST);
    Detector.Snapshot s = detector.snapshot();
    Map<String, Integer> verdicts = new TreeMap<>();
    for (AccountVerdict v : s.verdicts().values()) {
      verdicts.merge(v.verdict().wireName(), 1, Integer::sum);
    }
    Map<String, Double> capabilities = new TreeMap<>();
    for (Campaign c : s.campaigns()) {
      c.capabilities().forEach((k, share) -> capabilities.merge(k, share * c.events(), Double::sum));
    }
    capabilities.replaceAll((k, v) -> (double) Math.round(v));
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("evaluated_at", s.at().toString());
    out.put("events_logged", log.lastSeq());
    out.put("events_processed", detector.processedSeq());
    out.put("ready", detector.ready());
    out.put("accounts", s.verdicts().size());
    out.put("verdicts", verdicts);
    out.put("campaigns", s.campaigns().size());
    out.put("campaign_requests_by_capability", capabilities);
    List<Map<String, Object>> history = new ArrayList<>();
    for (Detector.Point p : detector.history()) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("at", p.at().toString());
      m.put("events", p.seq());
      m.put("accounts", p.accounts());
      m.put("attack", p.attack());
      m.put("suspicious", p.suspicious());
      m.put("campaigns", p.campaigns());
      history.add(m);
    }
    out.put("history", history);
    writeObject(ctx, out);
  }

  /** One campaign with its account graph, families with samples, model history and labels. */
  private void campaign(Context ctx) throws IOException {
    require(ctx, Role.ANALYST);
    String id = ctx.pathParam("campaign_id");
    if (id.length() > MAX_ID_CHARS) {
      throw new ApiException(400, "campaign_id is too long");
    }
    Detector.Snapshot s = detector.snapshot();
    Campaign c = s.campaignsById().get(id);
    if (c == null) {
      throw new ApiException(404, "no such campaign in the latest evaluation");
    }
    Map<String, Object> graph = view(p -> io.distillguard.service.view.Views.campaign(p, s, c));
    List<Label> trail = labelTrail(Label.Target.CAMPAIGN, id);
    List<Map<String, Object>> models = new ArrayList<>();
    for (Detector.ModelPoint p : detector.campaignModels(id)) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("at", p.at().toString());
      m.put("events", p.events());
      m.put("by_model", p.byModel());
      models.add(m);
    }
    ctx.status(200).contentType("application/json");
    ctx.result(write(g -> {
      g.writeStartObject();
      g.writeStringField("evaluated_at", s.at().toString());
      g.writeFieldName("campaign");
      JsonFiles.writeCampaign(g, c);
      g.writeFieldName("graph");
      MAPPER.writeValue(g, graph);
      g.writeFieldName("model_history");
      MAPPER.writeValue(g, models);
      writeLabels(g, trail);
      g.writeEndObject();
    }));
  }

  /** An account's verdict, profile (activity by hour, families with samples, infrastructure) and labels. */
  private void profile(Context ctx) throws IOException {
    require(ctx, Role.ANALYST);
    String id = accountId(ctx);
    Detector.Snapshot s = detector.snapshot();
    AccountVerdict v = s.verdicts().get(id);
    Map<String, Object> profile = view(p -> io.distillguard.service.view.Views.account(p, s, id));
    if (v == null && profile == null) {
      throw new ApiException(404, "no such account");
    }
    List<Label> trail = labelTrail(Label.Target.ACCOUNT, id);
    Campaign campaign = s.campaignOf(id);
    Decision d = decider.decide(id);
    ctx.status(200).contentType("application/json");
    ctx.result(write(g -> {
      g.writeStartObject();
      if (v != null) {
        g.writeFieldName("verdict");
        JsonFiles.writeVerdict(g, v);
      }
      g.writeObjectFieldStart("decision");
      writeDecision(g, d);
      g.writeEndObject();
      g.writeFieldName("profile");
      MAPPER.writeValue(g, profile);
      g.writeStringField("campaign_id", campaign == null ? null : campaign.campaignId());
      g.writeArrayFieldStart("linked_accounts");
      if (campaign != null) {
        int n = 0;
        for (String a : campaign.accounts()) {
          if (!a.equals(id) && n++ < 50) {
            g.writeString(a);
          }
        }
      }
      g.writeEndArray();
      writeLabels(g, trail);
      g.writeEndObject();
    }));
  }

  /** {@code ?q=}: accounts by id, org, IP range, payment or TLS fingerprint; template families by sample text. */
  private void search(Context ctx) throws IOException {
    require(ctx, Role.ANALYST);
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank() || q.length() > 200) {
      throw new ApiException(400, "q must have 1 to 200 characters");
    }
    Detector.Snapshot s = detector.snapshot();
    writeObject(ctx, view(p -> io.distillguard.service.view.Views.search(p, s, q.strip(), 50)));
  }

  /** The rules in the body, checked and compared with the active ones on the latest evaluation; nothing is saved. */
  private void backtest(Context ctx) throws IOException {
    require(ctx, Role.ANALYST);
    String text = new String(boundedBody(ctx), java.nio.charset.StandardCharsets.UTF_8);
    PolicyRules candidate;
    try {
      candidate = PolicyRules.compile(text, 0);
    } catch (PolicyException e) {
      json(ctx, 200, g -> {
        g.writeBooleanField("valid", false);
        g.writeStringField("error", e.getMessage());
      });
      return;
    }
    List<Decider.Change> changes = decider.backtest(candidate);
    Map<String, Integer> transitions = new TreeMap<>();
    for (Decider.Change c : changes) {
      transitions.merge(c.from().wireName() + " -> " + c.to().wireName(), 1, Integer::sum);
    }
    json(ctx, 200, g -> {
      g.writeBooleanField("valid", true);
      g.writeNumberField("rules", candidate.rules().size());
      g.writeNumberField("accounts", detector.snapshot().verdicts().size());
      g.writeNumberField("changed", changes.size());
      g.writeObjectFieldStart("transitions");
      for (Map.Entry<String, Integer> e : transitions.entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("changes");
      for (Decider.Change c : changes.subList(0, Math.min(500, changes.size()))) {
        g.writeStartObject();
        g.writeStringField("account_id", c.accountId());
        g.writeStringField("verdict", c.verdict());
        g.writeStringField("from", c.from().wireName());
        g.writeStringField("to", c.to().wireName());
        g.writeStringField("rule", c.rule());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private static void writeObject(Context ctx, Object o) throws IOException {
    ctx.status(200).contentType("application/json");
    ctx.result(MAPPER.writeValueAsBytes(o));
  }

  private void campaigns(Context ctx) {
    require(ctx, Role.ANALYST);
    Detector.Snapshot s = detector.snapshot();
    json(ctx, 200, g -> {
      g.writeStringField("evaluated_at", s.at().toString());
      g.writeArrayFieldStart("campaigns");
      for (Campaign c : s.campaigns()) {
        JsonFiles.writeCampaign(g, c);
      }
      g.writeEndArray();
    });
  }

  private void createToken(Context ctx) throws IOException {
    require(ctx, Role.ADMIN);
    Map<?, ?> body;
    try {
      body = MAPPER.readValue(boundedBody(ctx), Map.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new ApiException(400, "body must be a JSON object such as {\"role\": \"ingest\", \"name\": \"gateway\"}");
    }
    Role role = body.get("role") instanceof String r ? Role.parse(r).orElse(null) : null;
    if (role == null) {
      throw new ApiException(400, "role must be one of ingest, analyst, admin");
    }
    String name = body.get("name") instanceof String n && !n.isBlank() ? n : role.wireName();
    String token;
    try {
      token = tokens.create(role, name);
    } catch (SQLException e) {
      throw new ApiException(503, "token store unavailable");
    }
    json(ctx, 201, g -> {
      g.writeStringField("token", token);
      g.writeStringField("role", role.wireName());
      g.writeStringField("name", name.length() > 128 ? name.substring(0, 128) : name);
    });
  }

  private void policy(Context ctx) {
    require(ctx, Role.ANALYST);
    PolicyRules active = policies.active();
    json(ctx, 200, g -> {
      g.writeNumberField("version", active.version());
      g.writeNumberField("rules", active.rules().size());
      g.writeStringField("source", active.source());
      g.writeStringField("last_error", policies.lastError());
    });
  }

  private void alerts(Context ctx) throws IOException {
    require(ctx, Role.ANALYST);
    int limit = intParam(ctx, "limit", 100, 10_000);
    List<io.distillguard.service.alert.Alert> list;
    try {
      list = alerts.recent(limit);
    } catch (SQLException e) {
      throw new ApiException(503, "the alert store is unavailable");
    }
    json(ctx, 200, g -> {
      g.writeArrayFieldStart("alerts");
      for (io.distillguard.service.alert.Alert a : list) {
        g.writeStartObject();
        g.writeNumberField("id", a.id());
        g.writeStringField("kind", a.kind());
        g.writeStringField("campaign_id", a.campaignId());
        g.writeStringField("created_at", a.createdAt().toString());
        g.writeStringField("event_time", a.eventTime().toString());
        g.writeNumberField("attempts", a.attempts());
        g.writeStringField("delivered_at", a.deliveredAt() == null ? null : a.deliveredAt().toString());
        g.writeStringField("next_attempt_at", a.nextAttemptAt() == null ? null : a.nextAttemptAt().toString());
        g.writeStringField("last_error", a.lastError());
        g.writeFieldName("payload");
        g.writeRawValue(a.payload());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  /**
   * {@code {"account_id" | "campaign_id": ..., "label": ..., "note": ...}}. A campaign label also labels the
   * campaign's current accounts (one transaction) and answers their number in {@code accounts_labelled}.
   */
  private void addLabel(Context ctx) throws IOException {
    Principal p = require(ctx, Role.ANALYST);
    JsonNodeHolder body = JsonNodeHolder.parse(boundedBody(ctx));
    String account = body.text("account_id");
    String campaign = body.text("campaign_id");
    if ((account == null) == (campaign == null)) {
      throw new ApiException(400, "give exactly one of account_id and campaign_id");
    }
    String subject = account != null ? account : campaign;
    if (subject.isEmpty() || subject.length() > MAX_ID_CHARS) {
      throw new ApiException(400, (account != null ? "account_id" : "campaign_id") + " must have 1 to "
          + MAX_ID_CHARS + " characters");
    }
    Label.Kind kind = body.text("label") == null ? null : Label.Kind.parse(body.text("label")).orElse(null);
    if (kind == null) {
      throw new ApiException(400, "label must be one of " + Label.Kind.names());
    }
    List<String> members = List.of();
    if (campaign != null) {
      Campaign c = detector.snapshot().campaignsById().get(campaign);
      if (c == null) {
        throw new ApiException(404, "no such campaign in the latest evaluation");
      }
      members = c.accounts();
    }
    String note = body.text("note") == null ? "" : body.text("note");
    List<Label> added;
    try {
      added = labels.add(campaign != null ? Label.Target.CAMPAIGN : Label.Target.ACCOUNT, subject, kind, note,
          p.name(), java.time.Instant.now(), log.lastSeq(), members);
    } catch (SQLException e) {
      throw new ApiException(503, "the label store is unavailable; nothing changed");
    }
    added.forEach(decider::label);
    metrics.inc("distillguard_labels_total", "label=\"" + kind.wireName() + "\",target=\""
        + added.get(0).target().wireName() + "\"", 1);
    Label first = added.get(0);
    int labelled = campaign != null ? added.size() - 1 : 1;
    json(ctx, 201, g -> {
      writeLabel(g, first);
      g.writeNumberField("accounts_labelled", labelled);
    });
  }

  /** {@code ?account_id=} or {@code ?campaign_id=}: the labels naming it, newest first; neither: the newest labels. */
  private void listLabels(Context ctx) {
    require(ctx, Role.ANALYST);
    String account = ctx.queryParam("account_id");
    String campaign = ctx.queryParam("campaign_id");
    String subject = account != null ? account : campaign;
    if (subject != null && (subject.isEmpty() || subject.length() > MAX_ID_CHARS)) {
      throw new ApiException(400, "the id must have 1 to " + MAX_ID_CHARS + " characters");
    }
    int limit = intParam(ctx, "limit", 100, 10_000);
    List<Label> list;
    try {
      list = subject == null ? labels.recent(limit)
          : labels.of(account != null ? Label.Target.ACCOUNT : Label.Target.CAMPAIGN, subject);
    } catch (SQLException e) {
      throw new ApiException(503, "the label store is unavailable");
    }
    json(ctx, 200, g -> writeLabels(g, list.size() > limit ? list.subList(0, limit) : list));
  }

  /** The labels naming {@code subject}, newest first; 503 if the store cannot answer. */
  private List<Label> labelTrail(Label.Target target, String subject) {
    try {
      return labels.of(target, subject);
    } catch (SQLException e) {
      throw new ApiException(503, "the label store is unavailable");
    }
  }

  /** {@code "labels": [...]}. */
  private static void writeLabels(JsonGenerator g, List<Label> list) throws IOException {
    g.writeArrayFieldStart("labels");
    for (Label l : list) {
      g.writeStartObject();
      writeLabel(g, l);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeLabel(JsonGenerator g, Label l) throws IOException {
    g.writeNumberField("id", l.id());
    g.writeStringField("target", l.target().wireName());
    g.writeStringField(l.target() == Label.Target.CAMPAIGN ? "campaign_id" : "account_id", l.subject());
    g.writeStringField("label", l.kind().wireName());
    g.writeStringField("note", l.note());
    g.writeStringField("author", l.author());
    g.writeStringField("created_at", l.createdAt().toString());
    g.writeNumberField("applied_seq", l.appliedSeq());
  }

  private void putPolicy(Context ctx) throws IOException {
    Principal p = require(ctx, Role.ADMIN);
    String text = new String(boundedBody(ctx), java.nio.charset.StandardCharsets.UTF_8);
    try {
      PolicyRules next = policies.submit(text, "api (" + p.name() + ")");
      json(ctx, 200, g -> {
        g.writeNumberField("version", next.version());
        g.writeNumberField("rules", next.rules().size());
      });
    } catch (PolicyException e) {
      json(ctx, 400, g -> {
        g.writeStringField("error", e.getMessage());
        g.writeNumberField("active_version", policies.active().version());
      });
    } catch (SQLException e) {
      throw new ApiException(503, "the policy store is unavailable; the active rules stay");
    }
  }

  private void validatePolicy(Context ctx) throws IOException {
    require(ctx, Role.ANALYST);
    String text = new String(boundedBody(ctx), java.nio.charset.StandardCharsets.UTF_8);
    try {
      PolicyRules r = PolicyRules.compile(text, 0);
      json(ctx, 200, g -> {
        g.writeBooleanField("valid", true);
        g.writeNumberField("rules", r.rules().size());
      });
    } catch (PolicyException e) {
      json(ctx, 200, g -> {
        g.writeBooleanField("valid", false);
        g.writeStringField("error", e.getMessage());
      });
    }
  }

  // ---- helpers

  private static String accountId(Context ctx) {
    String id = ctx.pathParam("account_id");
    if (id.isEmpty() || id.length() > MAX_ID_CHARS) {
      throw new ApiException(400, "account_id must have 1 to " + MAX_ID_CHARS + " characters");
    }
    return id;
  }

  private static int intParam(Context ctx, String name, int dflt, int max) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 1 || n > max) {
        throw new ApiException(400, name + " must be between 1 and " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ApiException(400, name + " must be a whole number");
    }
  }

  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static void json(Context ctx, int status, Body fields) {
    ctx.status(status).contentType("application/json");
    ctx.result(write(g -> {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    }));
  }

  private static void error(Context ctx, int status, String message) {
    json(ctx, status, g -> g.writeStringField("error", message));
  }
}
