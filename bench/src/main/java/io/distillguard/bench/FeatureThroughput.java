package io.distillguard.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Feature extraction alone ({@code FeatureExtractor.extract}), single thread, over events held in memory: one or
 * more builds side by side in one run, so that their ratio is measured under the same machine load. Each round times
 * every build once (the order alternating between rounds); the first rounds are warm-up; prints the median per build
 * as seconds per million events and the ratio to the first build.
 *
 * <pre>
 * java -Xmx12g -cp bench/target/benchmarks.jar io.distillguard.bench.FeatureThroughput FILE EVENTS ROUNDS JAR...
 * </pre>
 *
 * e.g. {@code ... FILE 200000 9 /tmp/before.jar bench/target/benchmarks.jar} to compare a saved build with this one.
 */
public final class FeatureThroughput {

  private static final int WARMUP_ROUNDS = 2;

  private FeatureThroughput() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: FeatureThroughput EVENTS_FILE EVENTS ROUNDS JAR...");
      System.exit(2);
    }
    String file = args[0];
    int limit = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    List<String> names = new ArrayList<>();
    List<Object> variants = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      names.add(args[i]);
      variants.add(FeatureVariant.load(Path.of(args[i]), file, limit));
    }
    int n = (Integer) FeatureVariant.call(variants.get(0), "size");
    System.out.printf("%,d events from %s%n", n, file);
    double[][] secs = new double[variants.size()][rounds];
    long sink = 0;
    for (int r = 0; r < WARMUP_ROUNDS + rounds; r++) {
      StringBuilder line = new StringBuilder(r < WARMUP_ROUNDS ? "warm-up" : "round " + (r - WARMUP_ROUNDS + 1));
      for (int k = 0; k < variants.size(); k++) {
        int v = r % 2 == 0 ? k : variants.size() - 1 - k;
        long t0 = System.nanoTime();
        sink += (Long) FeatureVariant.call(variants.get(v), "extractAll");
        double s = (System.nanoTime() - t0) / 1e9;
        if (r >= WARMUP_ROUNDS) {
          secs[v][r - WARMUP_ROUNDS] = s;
        }
        line.append(String.format("  [%d] %.3f s", v, s));
      }
      System.out.println(line);
    }
    double base = 0;
    for (int v = 0; v < variants.size(); v++) {
      double[] s = secs[v].clone();
      Arrays.sort(s);
      double median = s[s.length / 2];
      if (v == 0) {
        base = median;
      }
      System.out.printf("[%d] %s: median %.3f s = %.2f s per 1M events (%.2fx the first)%n", v, names.get(v), median,
          median * 1e6 / n, median / base);
    }
    if (sink == 42) {
      System.out.println();
    }
  }
}
