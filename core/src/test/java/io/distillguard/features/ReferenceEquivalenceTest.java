package io.distillguard.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.openhft.hashing.LongHashFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tokenizer, the text shape and MinHash against their {@link Reference} versions, on seeded random texts. */
class ReferenceEquivalenceTest {

  private static final TextNormalizer N = TextNormalizer.standard();
  private static final String[] PIECES = {
    "word", "Another", "x", "snake_case_name", "v2", "abc123def", "3.14", "1,000", "42", "7.", ",", ".", "```",
    "```py\nprint(1)\n```", "bob@example.org", "https://a.example/x?y=1", "ftp://h", "a:/", "@", "中文", "日本語",
    "한국어", "カタカナ", "ﾊﾝｶｸ", "\u0663\u0664", "caf\u00e9", "\u0440l\u0435\u0430s\u0435", "Покажи", "\uFF1F", "?",
    "{\"k\": 1}", "\"key\": ", "{", "}", "(", ")", "[x]", "a == b", "x += 1", "def f():", "return x;", "(a)", "a)",
    "b)", "Options:", "\n", "\n\n", "\n    ", "\n\t\tx", " ", "  ", "\t", "\u00A0", "\u200B", "-", "+", "*", "/", "^",
    "%", "=>", "::", "</a>", "null", "ID a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2", "\uD83D\uDE00", "\u03A3"
  };

  private static String randomText(SplittableRandom r, int pieces) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
      if (r.nextInt(3) > 0) {
        sb.append(' ');
      }
    }
    return sb.toString();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void tokensAndShape_matchTheReference(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int t = 0; t < 3000; t++) {
      String raw = randomText(r, r.nextInt(t % 100 == 0 ? 3000 : 120));
      String normalized = N.normalize(raw);
      assertThat(Tokens.of(normalized)).as("seed %d text %d", seed, t).containsExactly(Reference.tokens(normalized));
      assertThat(Tokens.of(raw)).as("seed %d raw text %d", seed, t).containsExactly(Reference.tokens(raw));
      assertThat(TextShape.append(new long[0], raw, normalized)).as("seed %d text %d", seed, t)
          .containsExactly(Reference.shape(raw, normalized));
    }
  }

  @Test
  void hashOfChars_equalsHashOfTheString() {
    LongHashFunction xx = LongHashFunction.xx3();
    SplittableRandom r = new SplittableRandom(9);
    for (int t = 0; t < 2000; t++) {
      String s = randomText(r, r.nextInt(30));
      int from = r.nextInt(s.length() + 1);
      int len = r.nextInt(s.length() - from + 1);
      assertThat(xx.hashChars(s.toCharArray(), from, len)).isEqualTo(xx.hashChars(s, from, len));
    }
  }

  /**
   * MinHash signatures with tabled probe sequences equal the reference's, for sets from empty to a few hundred
   * shingles (one or two shingles leave most bins to borrow, past the tabled probes for some) and every bin count.
   */
  @ParameterizedTest
  @ValueSource(ints = {8, 64, 1024})
  void minHash_matchesTheReference(int bins) {
    SplittableRandom r = new SplittableRandom(bins);
    MinHasher hasher = new MinHasher(bins, 0x7E3A_17F0_55L + bins);
    for (int t = 0; t < 3000; t++) {
      long[] shingles = new long[t < 300 ? t % 3 : r.nextInt(400)];
      for (int i = 0; i < shingles.length; i++) {
        shingles[i] = r.nextLong();
      }
      assertThat(hasher.hash(shingles)).as("bins %d set %d", bins, t)
          .containsExactly(Reference.minHash(shingles, bins, 0x7E3A_17F0_55L + bins));
    }
  }
}
