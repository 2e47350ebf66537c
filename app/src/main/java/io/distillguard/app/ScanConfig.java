package io.distillguard.app;

import io.distillguard.event.ReaderOptions;
import io.distillguard.features.HostingNetworks;
import io.distillguard.scoring.DetectionConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of a scan, read from {@code --config FILE} (Java properties syntax: {@code key = value}, {@code #}
 * comments). Unknown keys are an error, so that a typo never silently leaves a default in place.
 *
 * <pre>
 * reader.max_line_bytes   = 1048576   # longer lines are rejected
 * reader.max_out_of_order = PT5M      # ISO-8601 duration; events later than this are processed as late
 * reader.max_buffered     = 1000000   # events held for reordering per input file
 * reader.dedupe_window    = PT1H      # a repeated event_id within this event-time window is dropped
 * detection.attack_threshold     = 0.7   # score at or above which an account is an attack (enforce)
 * detection.suspicious_threshold = 0.4   # score at or above which an account goes to review
 * detection.evaluate_every       = PT30M # event-time grid on which linking and scoring run
 * detection.min_attack_requests  = 10    # an account needs this many requests before it can be an attack
 * detection.disabled_signals     =       # signal groups to switch off, for ablations: families, lockstep,
 *                                        # infrastructure, content, rhythm, volume, coordination
 * features.hosting_asns          =       # file of hosting/cloud compute ASNs added to the bundled list, one a
 *                                        # line (AS123 or 123; -123 removes a bundled one)
 * </pre>
 */
record ScanConfig(ReaderOptions reader, DetectionConfig detection, HostingNetworks hosting) {

  static final Set<String> KEYS =
      Set.of(
          "reader.max_line_bytes", "reader.max_out_of_order", "reader.max_buffered", "reader.dedupe_window",
          "detection.attack_threshold", "detection.suspicious_threshold", "detection.evaluate_every",
          "detection.min_attack_requests", "detection.disabled_signals", "features.hosting_asns");

  static ScanConfig defaults() {
    return new ScanConfig(ReaderOptions.defaults(), DetectionConfig.defaults(), HostingNetworks.bundled());
  }

  /** Reads a config file; throws {@link IllegalArgumentException} naming the file and the bad key or value. */
  static ScanConfig read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(file + ": unknown setting(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
    }
    ReaderOptions d = ReaderOptions.defaults();
    DetectionConfig dd = DetectionConfig.defaults();
    try {
      return new ScanConfig(
          new ReaderOptions(
              intValue(p, "reader.max_line_bytes", d.maxLineBytes()),
              duration(p, "reader.max_out_of_order", d.maxOutOfOrder()),
              intValue(p, "reader.max_buffered", d.maxBuffered()),
              duration(p, "reader.dedupe_window", d.dedupeWindow())),
          new DetectionConfig(
              doubleValue(p, "detection.attack_threshold", dd.attackThreshold()),
              doubleValue(p, "detection.suspicious_threshold", dd.suspiciousThreshold()),
              duration(p, "detection.evaluate_every", dd.evaluateEvery()),
              intValue(p, "detection.min_attack_requests", dd.minAttackRequests()),
              signalGroups(p.getProperty("detection.disabled_signals"))),
          hosting(p.getProperty("features.hosting_asns")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static HostingNetworks hosting(String v) throws IOException {
    if (v == null || v.isBlank()) {
      return HostingNetworks.bundled();
    }
    Path file = Path.of(v.strip());
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("features.hosting_asns: no such file " + file);
    }
    return HostingNetworks.bundledWith(file);
  }

  private static int intValue(Properties p, String key, int dflt) {
    String v = p.getProperty(key);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n <= 0) {
        throw new IllegalArgumentException(key + " must be positive: " + v.strip());
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not an integer: " + v.strip());
    }
  }

  private static java.util.Set<io.distillguard.scoring.SignalGroup> signalGroups(String v) {
    java.util.Set<io.distillguard.scoring.SignalGroup> out = new java.util.TreeSet<>();
    if (v != null) {
      for (String part : v.split(",")) {
        if (!part.isBlank()) {
          out.add(io.distillguard.scoring.SignalGroup.fromWire(part.strip()));
        }
      }
    }
    return out;
  }

  private static double doubleValue(Properties p, String key, double dflt) {
    String v = p.getProperty(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number: " + v.strip());
    }
  }

  private static Duration duration(Properties p, String key, Duration dflt) {
    String v = p.getProperty(key);
    if (v == null) {
      return dflt;
    }
    try {
      Duration d = Duration.parse(v.strip());
      if (d.isNegative()) {
        throw new IllegalArgumentException(key + " must not be negative: " + v.strip());
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " is not an ISO-8601 duration such as PT5M: " + v.strip());
    }
  }
}
