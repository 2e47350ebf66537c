package io.distillguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code scan} command as a user runs it, next to a bare Jackson parse of the same file, in one run: first the
 * bare token scan ({@link TokenCounter}: decompression included, one thread), then {@code distillguard scan} in a
 * child JVM with the launcher's options ({@code -Xmx4g -XX:+UseParallelGC}, or {@code DISTILLGUARD_JAVA_OPTS}).
 * Prints both wall times, events/s and their ratio, and the child's peak resident set size (from
 * {@code /usr/bin/time} when present).
 *
 * <pre>
 * ./mvnw -q -B package -DskipTests
 * java -cp bench/target/benchmarks.jar io.distillguard.bench.ScanVsParse app/target/distillguard.jar \
 *     run/sim16/events.jsonl.gz run/sim16/allowlist.txt
 * </pre>
 */
public final class ScanVsParse {

  private ScanVsParse() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 2) {
      System.err.println("usage: ScanVsParse APP_JAR EVENTS_FILE [ALLOWLIST]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path file = Path.of(args[1]);
    System.out.printf("file: %s (%,.1f MB on disk)%n", file, Files.size(file) / 1e6);

    long t0 = System.nanoTime();
    TokenCounter.Count base = TokenCounter.count(file);
    double parse = (System.nanoTime() - t0) / 1e9;
    long n = base.lines();
    System.out.printf("bare Jackson parse: %,d lines in %.1f s (%,.0f lines/s)%n", n, parse, n / parse);

    Path out = Files.createTempDirectory("scan-vs-parse");
    Path timeLog = out.resolve("time.txt");
    List<String> cmd = new ArrayList<>();
    boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
    if (timed) {
      cmd.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", timeLog.toString()));
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String opts = System.getenv().getOrDefault("DISTILLGUARD_JAVA_OPTS", "-Xmx4g -XX:+UseParallelGC");
    cmd.addAll(List.of(opts.trim().split("\\s+")));
    cmd.addAll(List.of("-jar", jar.toString(), "scan", "--quiet", "--input", file.toString(), "--out",
        out.resolve("out").toString()));
    if (args.length > 2) {
      cmd.addAll(List.of("--allowlist", args[2]));
    }
    t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    if (!p.waitFor(2, TimeUnit.HOURS)) {
      p.destroyForcibly();
      throw new IOException("scan did not finish within two hours");
    }
    double scan = (System.nanoTime() - t0) / 1e9;
    if (p.exitValue() != 0) {
      throw new IOException("scan exited with " + p.exitValue());
    }
    System.out.printf("scan: %,d events in %.1f s (%,.0f events/s)%n", n, scan, n / scan);
    System.out.printf("scan / bare parse: %.2fx the time%n", scan / parse);
    if (timed) {
      String kb = Files.readString(timeLog).strip();
      kb = kb.substring(kb.lastIndexOf('\n') + 1).strip();
      System.out.printf("scan peak RSS: %,.1f GB%n", Long.parseLong(kb) / 1e6);
    }
  }
}
