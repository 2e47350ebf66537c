package io.distillguard.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

  @Test
  void match_findsGroupsAnywhere_includingOverlaps() {
    PhraseMatcher m = new PhraseMatcher(List.of(List.of("he", "she"), List.of("hers"), List.of("his")));
    assertThat(m.match("ushers")).isEqualTo(0b011);
    assertThat(m.match("this")).isEqualTo(0b100);
    assertThat(m.match("nothing")).isZero();
  }

  @Test
  void match_phrasesAreNormalizedLikeTexts() {
    PhraseMatcher m = new PhraseMatcher(List.of(List.of("Schritt für Schritt")));
    assertThat(m.match(TextNormalizer.standard().normalize("bitte SCHRITT  fur\u200B schritt"))).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void match_agreesWithNaiveSearch_onRandomTexts(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String alphabet = "abc d";
    List<List<String>> groups = new java.util.ArrayList<>();
    for (int g = 0; g < 6; g++) {
      List<String> ps = new java.util.ArrayList<>();
      for (int p = 0; p < 3; p++) {
        ps.add(random(r, alphabet.replace(" ", ""), 1 + r.nextInt(4)));
      }
      groups.add(ps);
    }
    PhraseMatcher m = new PhraseMatcher(groups);
    for (int t = 0; t < 500; t++) {
      String text = random(r, alphabet, r.nextInt(40)).strip().replaceAll(" +", " ");
      long expected = 0;
      for (int g = 0; g < groups.size(); g++) {
        for (String p : groups.get(g)) {
          if (text.contains(p)) {
            expected |= 1L << g;
          }
        }
      }
      assertThat(m.match(text)).as("seed %d text '%s' groups %s", seed, text, groups).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {4, 5, 6, 7})
  void matchOfCharRange_agreesWithNaiveSearch_onLongTexts(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String alphabet = "abcd e";
    List<List<String>> groups = new java.util.ArrayList<>();
    for (int g = 0; g < 40; g++) {
      groups.add(List.of(random(r, "abcde", 1 + r.nextInt(g < 4 ? 30 : 6))));
    }
    PhraseMatcher m = new PhraseMatcher(groups);
    for (int t = 0; t < 300; t++) {
      String text = random(r, alphabet, r.nextInt(3000)).strip().replaceAll(" +", " ");
      int from = text.isEmpty() ? 0 : r.nextInt(text.length() / 4 + 1);
      int to = text.length() - (text.isEmpty() ? 0 : r.nextInt(text.length() / 4 + 1));
      String range = text.substring(from, Math.max(from, to));
      long expected = 0;
      for (int g = 0; g < groups.size(); g++) {
        if (range.contains(groups.get(g).get(0))) {
          expected |= 1L << g;
        }
      }
      assertThat(m.match(text.toCharArray(), from, from + range.length())).as("seed %d text %d", seed, t)
          .isEqualTo(expected)
          .isEqualTo(m.match(range));
    }
  }

  private static String random(SplittableRandom r, String alphabet, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
