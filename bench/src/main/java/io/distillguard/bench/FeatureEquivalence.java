package io.distillguard.bench;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks that two builds extract the same features: runs {@code FeatureExtractor.extract} of both over the first
 * events of a file and compares every field of every {@code RequestFeatures} (shingles element by element). Prints
 * the differences (the first few in full) and exits 1 when there is any.
 *
 * <pre>
 * java -Xmx12g -cp bench/target/benchmarks.jar io.distillguard.bench.FeatureEquivalence FILE EVENTS JAR_A JAR_B
 * </pre>
 */
public final class FeatureEquivalence {

  private static final String[] FIELDS = {
    "shingles", "systemHash", "capability", "cot.score", "cot.reconstruction", "promptChars", "hasImages", "toolCount"
  };

  private FeatureEquivalence() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: FeatureEquivalence EVENTS_FILE EVENTS JAR_A JAR_B");
      System.exit(2);
    }
    int limit = Integer.parseInt(args[1]);
    Object a = FeatureVariant.load(Path.of(args[2]), args[0], limit);
    Object b = FeatureVariant.load(Path.of(args[3]), args[0], limit);
    int n = (Integer) FeatureVariant.call(a, "size");
    if (n != (Integer) FeatureVariant.call(b, "size")) {
      throw new IllegalStateException("the builds read different numbers of events");
    }
    long differing = 0;
    long shingles = 0;
    for (int i = 0; i < n; i++) {
      if (!FeatureVariant.call(a, "id", i).equals(FeatureVariant.call(b, "id", i))) {
        throw new IllegalStateException("the builds read different events at " + i);
      }
      Object[] fa = (Object[]) FeatureVariant.call(a, "fields", i);
      Object[] fb = (Object[]) FeatureVariant.call(b, "fields", i);
      shingles += ((long[]) fa[0]).length;
      boolean same = true;
      for (int k = 0; k < FIELDS.length; k++) {
        boolean eq = k == 0 ? Arrays.equals((long[]) fa[0], (long[]) fb[0]) : fa[k].equals(fb[k]);
        if (!eq) {
          same = false;
          if (differing < 10) {
            System.out.printf("event %d (%s): %s differs: %s vs %s%n", i, FeatureVariant.call(a, "id", i), FIELDS[k],
                k == 0 ? Arrays.toString((long[]) fa[0]) : fa[k], k == 0 ? Arrays.toString((long[]) fb[0]) : fb[k]);
          }
        }
      }
      if (!same) {
        differing++;
      }
    }
    System.out.printf("%,d events compared (%,d shingles): %,d with differences%n", n, shingles, differing);
    System.exit(differing == 0 ? 0 : 1);
  }
}
