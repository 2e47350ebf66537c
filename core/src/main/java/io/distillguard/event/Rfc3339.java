package io.distillguard.event;

import static java.time.temporal.ChronoField.DAY_OF_MONTH;
import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MONTH_OF_YEAR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;
import static java.time.temporal.ChronoField.YEAR;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * RFC 3339 date-times ({@code 2026-03-02T14:03:11.250Z}, {@code 2026-03-02T16:03:11+02:00}): a four-digit year,
 * seconds required, 1 to 9 fraction digits, and a zone ({@code Z} or {@code ±hh:mm}) required; {@code T} and {@code Z}
 * may be lower case. Leap seconds ({@code :60}) are not accepted, since an {@link Instant} cannot hold them.
 *
 * <p>The UTC form that almost every log writes is parsed by hand from the parser's character buffer; anything else
 * (offsets, and every malformed input, so that both paths agree on what is valid) goes to {@code java.time}.
 */
final class Rfc3339 {

  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendValue(YEAR, 4)
          .appendLiteral('-')
          .appendValue(MONTH_OF_YEAR, 2)
          .appendLiteral('-')
          .appendValue(DAY_OF_MONTH, 2)
          .appendLiteral('T')
          .appendValue(HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(MINUTE_OF_HOUR, 2)
          .appendLiteral(':')
          .appendValue(SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final DateTimeFormatter ZONED =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(LOCAL)
          .appendOffset("+HH:MM", "Z")
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  private Rfc3339() {}

  /**
   * The fast path: {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z} exactly, or {@code null} for anything else (which is then
   * for {@link #parse} to accept or reject).
   */
  static Instant parseUtc(char[] c, int off, int len) {
    if (len < 20 || len > 30) {
      return null;
    }
    int year = digits4(c, off);
    int month = digits2(c, off + 5);
    int day = digits2(c, off + 8);
    int hour = digits2(c, off + 11);
    int minute = digits2(c, off + 14);
    int second = digits2(c, off + 17);
    if ((year | month | day | hour | minute | second) < 0
        || c[off + 4] != '-'
        || c[off + 7] != '-'
        || (c[off + 10] != 'T' && c[off + 10] != 't')
        || c[off + 13] != ':'
        || c[off + 16] != ':') {
      return null;
    }
    char last = c[off + len - 1];
    if (last != 'Z' && last != 'z') {
      return null;
    }
    int nanos = 0;
    if (len > 20) {
      // ".d" to ".ddddddddd" between the seconds and the Z
      int digits = len - 21;
      if (c[off + 19] != '.' || digits < 1 || digits > 9) {
        return null;
      }
      for (int i = 0; i < digits; i++) {
        int d = c[off + 20 + i] - '0';
        if (d < 0 || d > 9) {
          return null;
        }
        nanos = nanos * 10 + d;
      }
      nanos *= POW10[9 - digits];
    }
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
        || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** Any RFC 3339 date-time; a reason naming {@code field} otherwise. */
  static Instant parse(String s, String field) throws EventFormatException {
    try {
      return OffsetDateTime.parse(s, ZONED).toInstant();
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime.parse(s, LOCAL);
      } catch (DateTimeParseException notLocal) {
        throw new EventFormatException(field + ": not an RFC 3339 date-time");
      }
      throw new EventFormatException(field + ": date-time has no zone (Z or +hh:mm)");
    }
  }

  private static int digits2(char[] c, int at) {
    int a = c[at] - '0';
    int b = c[at + 1] - '0';
    if (a < 0 || a > 9 || b < 0 || b > 9) {
      return -1;
    }
    return a * 10 + b;
  }

  private static int digits4(char[] c, int at) {
    int hi = digits2(c, at);
    int lo = digits2(c, at + 2);
    return (hi | lo) < 0 ? -1 : hi * 100 + lo;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> IsoChronology.INSTANCE.isLeapYear(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
  static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yoe = y - era * 400;
    int mp = (month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468L;
  }
}
