package io.distillguard.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

  private static final TextNormalizer N = TextNormalizer.standard();
  private static final String TEMPLATE =
      "Here is a question and its final answer. Please write out every step of the reasoning.";

  @Test
  void normalize_foldsCaseAndLayout() {
    assertThat(N.normalize("  Here IS\ta\n\nQuestion\u00A0now  ")).isEqualTo("here is a question now");
  }

  @Test
  void normalize_dropsZeroWidthAndBidiControls() {
    assertThat(N.normalize("ple\u200Base wr\u200Dite\u2060 out\u202E\uFEFF"))
        .isEqualTo("please write out");
  }

  @Test
  void normalize_foldsHomoglyphsInsideLatinWords() {
    // Cyrillic р, е, а, о and Greek ο in otherwise Latin words
    assertThat(N.normalize("\u0440l\u0435\u0430s\u0435 sh\u043Ew y\u03BFur w\u043Erk")).isEqualTo("please show your work");
  }

  @Test
  void normalize_leavesGenuineCyrillicWordsAlone() {
    assertThat(N.normalize("Покажи решение")).isEqualTo("покажи решение");
  }

  @Test
  void normalize_compatibilityFormsAndAccents() {
    assertThat(N.normalize("ＳＨＯＷ ｙｏｕｒ ﬁnal réasoning")).isEqualTo("show your final reasoning");
  }

  @Test
  void normalize_controlCharactersBecomeSpaces() {
    assertThat(N.normalize("a\u0000b\u0007c")).isEqualTo("a b c");
  }

  @Test
  void normalize_null_isEmpty() {
    assertThat(N.normalize(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42, 1234, 99991})
  void normalize_isIdempotent_onRandomStrings(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 2000; i++) {
      String s = randomString(r, 60);
      String once = N.normalize(s);
      assertThat(N.normalize(once)).as("seed %d, input %s", seed, escape(s)).isEqualTo(once);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 11, 2026})
  void normalize_isInvariantUnderObfuscation(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String expected = N.normalize(TEMPLATE);
    for (int i = 0; i < 500; i++) {
      String obfuscated = obfuscate(TEMPLATE, r);
      assertThat(N.normalize(obfuscated)).as("seed %d, input %s", seed, escape(obfuscated)).isEqualTo(expected);
    }
  }

  /** Applies the games a template author might play: invisible characters, look-alikes, case, spacing. */
  static String obfuscate(String s, SplittableRandom r) {
    String[] invisible = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u202E", "\u2066"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int roll = r.nextInt(10);
      if (c == ' ') {
        sb.append(roll < 3 ? "  " : roll < 5 ? "\t" : roll < 6 ? "\u00A0" : roll < 7 ? "\n" : " ");
        continue;
      }
      if (roll == 0) {
        sb.append(invisible[r.nextInt(invisible.length)]);
      }
      char out = r.nextInt(4) == 0 ? Character.toUpperCase(c) : c;
      char look = lookAlike(out);
      if (look != 0 && r.nextInt(3) == 0) {
        out = look;
      }
      sb.append(out);
    }
    return sb.toString();
  }

  private static char lookAlike(char c) {
    return switch (c) {
      case 'a' -> '\u0430';
      case 'e' -> '\u0435';
      case 'o' -> r(c);
      case 'p' -> '\u0440';
      case 'c' -> '\u0441';
      case 'x' -> '\u0445';
      case 'y' -> '\u0443';
      case 'i' -> '\u0456';
      case 'A' -> '\u0410';
      case 'E' -> '\u0415';
      case 'T' -> '\u0422';
      case 'H' -> '\u041D';
      default -> 0;
    };
  }

  private static char r(char c) {
    return c == 'o' ? '\u03BF' : c;
  }

  private static String randomString(SplittableRandom r, int maxLen) {
    String pool = "aAeEoOpP \t\n.,!?0123456789\u0430\u0435\u043E\u0440\u0410\u0415\u041E\u0431\u0434\u200B\u202E"
        + "\uFEFF\u00AD\u0000\u0007\u00A0\u3000\uFF21\uFB01\u00E9\u0301\u0130\u03A3\u03C3\u4E2D\u6587\uAC00";
    int n = r.nextInt(maxLen);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(pool.charAt(r.nextInt(pool.length())));
    }
    return sb.toString();
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c < 0x20 || c > 0x7E) {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
