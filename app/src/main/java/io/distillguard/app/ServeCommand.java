package io.distillguard.app;

import io.distillguard.service.Service;
import io.distillguard.service.ServiceConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code distillguard serve}: the live service on embedded defaults. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the live service: durable event ingest (POST /v1/events), streaming detection, decisions for gateways"
          + " (GET /v1/decisions/{account_id}), the analyst API, /healthz, /readyz and /metrics.",
      "State lives in an SQLite file under --data-dir unless store.url names a PostgreSQL server.",
      "The first admin token comes from DISTILLGUARD_ADMIN_TOKEN, or is generated and printed once."
    })
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (0: any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(names = "--data-dir", defaultValue = "run/data", description = "Directory for the embedded store. Default: ${DEFAULT-VALUE}.")
  Path dataDir;

  @Option(names = "--grpc-port", description = "Envoy ext_authz gRPC port (0: any free port); off unless given"
      + " here or as envoy.grpc_port.")
  Integer grpcPort;

  @Option(names = "--config", description = "Properties file with service settings (see the README); environment"
      + " variables DISTILLGUARD_<KEY> override it.")
  Path config;

  @Override
  public Integer call() throws Exception {
    ServiceConfig cfg;
    try {
      cfg = ServiceConfig.load(config, System.getenv());
      if (grpcPort != null) {
        cfg = cfg.withEnvoyGrpcPort(grpcPort);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("distillguard serve: " + e.getMessage());
      return 2;
    }
    Service service = Service.start(cfg, dataDir, host, port, System.getenv(Service.ADMIN_TOKEN_ENV));
    if (service.generatedAdminToken() != null) {
      System.out.println("admin token (shown once; keep it): " + service.generatedAdminToken());
    }
    System.out.println("distillguard listening on http://" + host + ":" + service.port());
    if (service.envoyPort() >= 0) {
      System.out.println("Envoy ext_authz gRPC on " + host + ":" + service.envoyPort());
    }
    System.out.flush();
    serveUntilShutdown(service, "distillguard serve");
    return 0;
  }

  /** Blocks until the JVM shuts down (Ctrl-C, SIGTERM), then closes {@code service}; {@code who} prefixes errors. */
  static void serveUntilShutdown(Service service, String who) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        service.close();
      } catch (Exception e) {
        System.err.println(who + ": shutdown: " + e);
      } finally {
        done.countDown();
      }
    }));
    done.await();
  }
}
