package io.distillguard.service;

import io.distillguard.features.FeatureExtractor;
import io.distillguard.features.HostingNetworks;
import io.distillguard.pipeline.DetectionPipeline;
import io.distillguard.policy.Allowlist;
import io.distillguard.service.alert.AlertRules;
import io.distillguard.service.alert.AlertSender;
import io.distillguard.service.alert.AlertStore;
import io.distillguard.service.decide.Decider;
import io.distillguard.service.detect.Detector;
import io.distillguard.service.gateway.AccountResolver;
import io.distillguard.service.gateway.EnvoyAuthz;
import io.distillguard.service.http.Api;
import io.distillguard.service.http.Metrics;
import io.distillguard.service.label.Label;
import io.distillguard.service.label.LabelStore;
import io.distillguard.service.policy.PolicyStore;
import io.distillguard.service.store.Database;
import io.distillguard.service.store.EventLog;
import io.distillguard.service.store.TokenStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live service wired together: the store (event log and tokens), the detector replaying and then following the
 * log, and the HTTP API. {@link #start} returns once the API listens; readiness ({@code /readyz}) follows the replay.
 */
public final class Service implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Service.class);
  /** The environment variable that may carry the first admin token. */
  public static final String ADMIN_TOKEN_ENV = "DISTILLGUARD_ADMIN_TOKEN";

  private final Database db;
  private final EventLog log;
  private final TokenStore tokens;
  private final Detector detector;
  private final Api api;
  private final Metrics metrics = new Metrics();
  private final Decider decider;
  private final PolicyStore policies;
  private final AlertStore alerts;
  private final LabelStore labels;
  private final AlertSender sender;
  private final EnvoyAuthz envoy;
  private io.grpc.Server envoyServer;
  private String generatedAdminToken;
  private final java.time.Duration retention;
  private final java.util.concurrent.ScheduledExecutorService maintenance =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retention");
        t.setDaemon(true);
        return t;
      });

  private Service(Database db, ServiceConfig cfg, Path dataDir, String adminToken) throws IOException, SQLException {
    this.db = db;
    this.log = new EventLog(db);
    this.tokens = new TokenStore(db);
    if (adminToken != null && !adminToken.isBlank()) {
      tokens.add(adminToken.strip(), TokenStore.Role.ADMIN, "admin (environment)");
    } else if (!tokens.hasAdmin()) {
      generatedAdminToken = tokens.create(TokenStore.Role.ADMIN, "admin (generated)");
    }
    Allowlist allowlist = cfg.allowlist() == null ? Allowlist.empty() : Allowlist.read(cfg.allowlist());
    FeatureExtractor extractor = FeatureExtractor.withBundledModel(
        cfg.hostingAsns() == null ? HostingNetworks.bundled() : HostingNetworks.bundledWith(cfg.hostingAsns()));
    this.detector = new Detector(log, () -> new DetectionPipeline(allowlist, cfg.detection(), extractor), 2000);
    detector.checkpoints(new Detector.Checkpoints(dataDir.resolve("checkpoint.bin"), cfg.checkpointEvery()));
    this.decider = new Decider(detector, cfg.decisions(),
        rule -> metrics.inc("distillguard_policy_rule_errors_total", null, 1),
        a -> metrics.inc("distillguard_decisions_total", "action=\"" + a.wireName() + "\"", 1));
    this.policies = new PolicyStore(db, decider::activate);
    metrics.gauge("distillguard_policy_version", () -> policies.active().version());
    if (cfg.policyFile() != null) {
      policies.watch(cfg.policyFile(), 1000);
    }
    this.labels = new LabelStore(db);
    for (Label l : labels.all()) {
      decider.label(l);
    }
    this.alerts = new AlertStore(db);
    this.sender = cfg.alerts().url() == null ? null
        : new AlertSender(alerts, cfg.alerts(), java.time.Clock.systemUTC());
    AlertRules rules = new AlertRules();
    detector.onEvaluation(e -> {
      boolean any = false;
      for (var c : rules.candidates(e)) {
        try {
          if (alerts.raise(c, e.at(), java.time.Instant.now())) {
            any = true;
            metrics.inc("distillguard_alerts_total", "kind=\"" + c.kind() + "\"", 1);
          }
        } catch (SQLException ex) {
          LOG.error("cannot store alert: {}", ex.toString());
        }
      }
      if (any && sender != null) {
        sender.raised();
      }
    });
    this.retention = cfg.retention();
    metrics.describe("distillguard_events_pruned_total", "Event bodies blanked by retention.");
    this.api = new Api(log, tokens, detector, decider, policies, alerts, labels, cfg.maxBodyBytes(), cfg.maxEventBytes(),
        cfg.maxLag(), cfg.failClosed(), cfg.litellmAccountFields(), metrics);
    if (cfg.envoyGrpcPort() >= 0) {
      var keys = cfg.envoyApiKeyMap() == null ? java.util.Map.<String, String>of()
          : AccountResolver.readKeyMap(cfg.envoyApiKeyMap());
      this.envoy = new EnvoyAuthz(decider,
          new AccountResolver(cfg.envoyAccountHeader(), keys), cfg.failClosed(),
          a -> metrics.inc("distillguard_envoy_checks_total", "action=\"" + a.wireName() + "\"", 1));
    } else {
      this.envoy = null;
    }
  }

  /** Opens the store ({@code cfg.storeUrl()} or SQLite under {@code dataDir}), starts detection and the API. */
  public static Service start(ServiceConfig cfg, Path dataDir, String host, int port, String adminToken)
      throws IOException, SQLException {
    Database db = cfg.storeUrl() == null
        ? Database.sqlite(dataDir)
        : Database.at(cfg.storeUrl(), cfg.storeUser(), cfg.storePassword());
    java.nio.file.Files.createDirectories(dataDir);
    Service s = new Service(db, cfg, dataDir, adminToken);
    if (s.sender != null) {
      s.sender.start();
    }
    s.detector.start();
    s.maintenance.scheduleWithFixedDelay(s::prune, 1, 10, java.util.concurrent.TimeUnit.MINUTES);
    s.api.start(host, port);
    if (s.envoy != null) {
      s.envoyServer = s.envoy.serve(host, cfg.envoyGrpcPort());
      LOG.info("Envoy ext_authz gRPC on {}:{}", host, s.envoyServer.getPort());
    }
    LOG.info("listening on {}:{} with store {}", host, s.api.port(), db.describe());
    return s;
  }

  public int port() {
    return api.port();
  }

  /**
   * Applies the retention once: blanks the bodies of events received more than {@code events.retention} ago that no
   * restart can need (behind the older kept checkpoint). Returns how many were blanked.
   */
  public long prune() {
    long through = detector.replayNotNeededThrough();
    if (through <= 0) {
      return 0;
    }
    try {
      long n = log.pruneBodies(through, System.currentTimeMillis() - retention.toMillis(), 10_000);
      if (n > 0) {
        metrics.inc("distillguard_events_pruned_total", null, n);
        LOG.info("retention blanked {} event bodies (log positions through {})", n, log.prunedThrough());
      }
      return n;
    } catch (SQLException | RuntimeException e) {
      LOG.error("retention failed: {}", e.toString());
      return 0;
    }
  }

  /** The Envoy ext_authz gRPC port, or -1 when it is off. */
  public int envoyPort() {
    return envoyServer == null ? -1 : envoyServer.getPort();
  }

  /** The admin token generated at this start because none existed (shown once), or null. */
  public String generatedAdminToken() {
    return generatedAdminToken;
  }

  public Detector detector() {
    return detector;
  }

  @Override
  public void close() throws Exception {
    maintenance.shutdownNow();
    policies.close();
    if (sender != null) {
      sender.close();
    }
    if (envoyServer != null) {
      EnvoyAuthz.stop(envoyServer);
    }
    api.stop();
    detector.close();
    alerts.close();
    labels.close();
    log.close();
  }
}
