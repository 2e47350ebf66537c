package io.distillguard.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass path of {@link TextNormalizer#normalize} against the chain applied step by step. */
class OnePassNormalizerTest {

  private static final TextNormalizer N = TextNormalizer.standard();

  /** Chars that exercise every step: case, compatibility forms, marks, invisibles, homoglyphs, whitespace. */
  private static final String POOL =
      "aAeEoOpPcCxXyYiIlLhHsSzZ \t\n\r\f\u000B.,!?-_'\"()0123456789"
          + "\u0430\u0435\u043E\u0440\u0441\u0410\u0415\u041E\u0420\u04CF\u04C0\u0431\u0434\u0436\u044F"
          + "\u03BF\u03B1\u039F\u0391\u03C3\u03C2\u03A3\u03F9\u03F2\u0585\u057D"
          + "\u200B\u200C\u200D\u2060\u2066\u202E\uFEFF\u00AD\u034F\uFE0F\u0000\u0007\u007F\u0085\u009F"
          + "\u00A0\u2003\u3000\u2028\u1680"
          + "\uFF21\uFF41\uFB01\u2160\u2474\u2102\u212A\u00B4\u00BD\u3392\uFDFA"
          + "\u00E9\u00C9\u00EF\u00FC\u00DF\u0130\u0131\u0301\u0308\u0327\u0345\u1E9E"
          + "\u4E2D\u6587\u65E5\u672C\u8A9E\uAC00\u3042\u30A2\u20AC\u2212\u00B2"
          + "\uD83D\uDE00\uDB40\uDC41\uDB40\uDD00\uD835\uDC00";

  @Test
  void everyBmpChar_alone_andBetweenLetters_matchesTheChain() {
    for (int c = 0; c <= 0xFFFF; c++) {
      String ch = String.valueOf((char) c);
      String[] contexts = {ch, "Ab" + ch + "cD", "x " + ch + ch + " Y", "\u0440" + ch + "\u0435", ch + "\u0301a"};
      for (String s : contexts) {
        assertThat(N.normalize(s)).as("U+%04X in %s", c, escape(s)).isEqualTo(N.byChain(s));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 5, 17, 2026, 31337})
  void randomTextsOfTrickyChars_matchTheChain(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(40);
      for (int k = 0; k < n; k++) {
        sb.append(POOL.charAt(r.nextInt(POOL.length())));
      }
      String s = sb.toString();
      assertThat(N.normalize(s)).as("seed %d, input %s", seed, escape(s)).isEqualTo(N.byChain(s));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {2, 3, 99})
  void randomBmpTexts_matchTheChain(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(24);
      for (int k = 0; k < n; k++) {
        int roll = r.nextInt(4);
        sb.append(roll == 0 ? (char) r.nextInt(0x10000) : roll == 1 ? (char) r.nextInt(0x600) : (char) r.nextInt(0x80));
      }
      String s = sb.toString();
      assertThat(N.normalize(s)).as("seed %d, input %s", seed, escape(s)).isEqualTo(N.byChain(s));
    }
  }

  @Test
  void longTexts_growTheScratchSpace_andStillMatchTheChain() {
    SplittableRandom r = new SplittableRandom(7);
    for (int len : new int[] {1000, 5000, 70_000, 200}) {
      StringBuilder sb = new StringBuilder();
      while (sb.length() < len) {
        sb.append(r.nextInt(8) == 0 ? "\uFDFA\u3392 " : "W\u00F6rd \u0440l\u0435\u0430s\u0435\n\n ");
      }
      String s = sb.toString();
      assertThat(N.normalize(s)).isEqualTo(N.byChain(s));
    }
  }

  @Test
  void ordinaryText_takesTheOnePassPath() {
    for (String s : new String[] {"", "plain ascii TEXT\n\twith  layout", "caf\u00e9 na\u00efve \u4e2d\u6587 \u20ac10",
        "\u0440l\u0435\u0430s\u0435 \u041F\u043E\u043A\u0430\u0436\u0438", "ple\u200Base \uFF33\uFF28\uFF2F\uFF37"}) {
      assertThat(TextNormalizer.onePass(s)).as(escape(s)).isNotNull().isEqualTo(N.byChain(s));
    }
  }

  @Test
  void nonSimpleChars_takeTheChain() {
    assertThat(TextNormalizer.onePass("\u039F\u03A3 final sigma")).isNull();
    assertThat(TextNormalizer.onePass("emoji \uD83D\uDE00")).isNull();
    assertThat(N.normalize("\u039F\u03A3 final sigma")).isEqualTo(N.byChain("\u039F\u03A3 final sigma"));
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }
}
