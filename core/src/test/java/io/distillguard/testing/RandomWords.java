package io.distillguard.testing;

import java.util.SplittableRandom;

/** Seeded random text for tests: words of 3 to 9 random letters, so that their shingles almost never recur. */
public final class RandomWords {

  private RandomWords() {}

  /** {@code n} random words separated by single spaces. */
  public static String words(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      int len = 3 + r.nextInt(7);
      for (int j = 0; j < len; j++) {
        sb.append((char) ('a' + r.nextInt(26)));
      }
    }
    return sb.toString();
  }
}
