package io.distillguard.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Rfc3339Test {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 5);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parseUtc_randomInstants_agreesWithJavaTime(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 10_000; i++) {
      long second = r.nextLong(-62_135_596_800L, 253_402_300_799L); // years 0001..9999
      int digits = r.nextInt(10);
      int nanos = digits == 0 ? 0 : r.nextInt(1_000_000_000) / pow10(9 - digits) * pow10(9 - digits);
      Instant t = Instant.ofEpochSecond(second, nanos);
      String text = format(t, digits);

      assertThat(Rfc3339.parseUtc(text.toCharArray(), 0, text.length()))
          .as("seed %d: %s", seed, text)
          .isEqualTo(t)
          .isEqualTo(OffsetDateTime.parse(text).toInstant());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parseUtc_mutatedStrings_neverAcceptsWhatJavaTimeRejects(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String alphabet = "0123456789-:.TZtz+ ";
    for (int i = 0; i < 20_000; i++) {
      long second = r.nextLong(-62_135_596_800L, 253_402_300_799L);
      char[] c = format(Instant.ofEpochSecond(second, r.nextInt(1_000_000_000)), r.nextInt(10)).toCharArray();
      for (int k = r.nextInt(1, 3); k > 0; k--) {
        c[r.nextInt(c.length)] = alphabet.charAt(r.nextInt(alphabet.length()));
      }
      String text = new String(c);

      Instant fast = Rfc3339.parseUtc(c, 0, c.length);
      Instant slow;
      try {
        slow = Rfc3339.parse(text, "ts");
      } catch (EventFormatException e) {
        slow = null;
      }

      if (fast != null) {
        assertThat(slow).as("seed %d: %s", seed, text).isEqualTo(fast);
      }
    }
  }

  private static String format(Instant t, int digits) {
    String s = t.toString(); // ISO_INSTANT: drops zero fractions, uses 3/6/9 digits
    String base = s.substring(0, 19);
    String fraction = String.format("%09d", t.getNano()).substring(0, digits);
    return base + (digits > 0 ? "." + fraction : "") + "Z";
  }

  private static int pow10(int n) {
    int p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
