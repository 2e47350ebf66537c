package io.distillguard.service;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for tests: {@code initdb} into a temporary directory, started on a free port on
 * loopback, stopped and deleted by {@link #close}. Uses Debian's server binaries ({@code .ci/run} installs the
 * {@code postgresql} package); when the tests run as root, the server runs as the {@code postgres} user.
 */
final class PostgresServer implements AutoCloseable {

  final Path dir;
  final int port;
  private final Path bin;
  private final boolean root;

  private PostgresServer(Path dir, int port, Path bin, boolean root) {
    this.dir = dir;
    this.port = port;
    this.bin = bin;
    this.root = root;
  }

  static PostgresServer start() throws IOException, InterruptedException {
    Path bin;
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.naturalOrder())
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql"));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalStateException("PostgreSQL server binaries missing: apt-get install postgresql (.ci/run does)");
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("dg-pg");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PostgresServer pg = new PostgresServer(dir, port, bin, root);
    if (root) {
      run(List.of("chown", "postgres:postgres", dir.toString()));
    }
    pg.as(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "dg",
        "--auth=trust", "-E", "UTF8", "--no-sync"));
    pg.as(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60", "-l",
        dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
            + " -c fsync=off", "start"));
    return pg;
  }

  /** A JDBC URL of a new, empty database on this server. */
  String newDatabase(String name) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "dg", "");
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
  }

  private void as(List<String> cmd) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (root) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(cmd);
    run(full);
  }

  private static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(cmd.get(root(cmd)) + " failed: " + out);
    }
  }

  private static int root(List<String> cmd) {
    return cmd.get(0).equals("runuser") ? 3 : 0;
  }

  @Override
  public void close() throws Exception {
    try {
      as(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
          "stop"));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
