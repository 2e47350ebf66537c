package io.distillguard.features;

import java.util.Arrays;
import net.openhft.hashing.LongHashFunction;

/**
 * The template skeleton of a normalized text as a sequence of 64-bit token hashes. Words (runs of letters) are kept;
 * slot-like values are masked to one placeholder each: numbers, fenced code blocks, URLs, e-mail addresses and very
 * long tokens (ids, hashes, base64). Punctuation is dropped. CJK ideographs, kana and Hangul count one token per
 * character, as they have no spaces.
 *
 * <p>Bounded work: at most {@link #MAX_TOKENS} tokens are kept, the first {@code MAX_TOKENS - TAIL} and the last
 * {@code TAIL}, because templates put their fixed text at the start and the end of a prompt.
 */
public final class Tokens {

  public static final int MAX_TOKENS = 640;
  static final int TAIL = 128;
  static final int LONG_TOKEN = 40;

  private static final LongHashFunction XX = LongHashFunction.xx3();
  static final long NUMBER = XX.hashChars("<num>");
  static final long CODE = XX.hashChars("<code>");
  static final long URL = XX.hashChars("<url>");
  static final long EMAIL = XX.hashChars("<email>");
  static final long LONG = XX.hashChars("<long>");

  private Tokens() {}

  /**
   * Tokenizes already-normalized text (see {@link TextNormalizer}) into token hashes; the result's length is at most
   * {@link #MAX_TOKENS}.
   */
  public static long[] of(String s) {
    long[] head = new long[MAX_TOKENS - TAIL];
    long[] tail = new long[TAIL];
    int nh = 0;
    long nt = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      long tok;
      int end;
      if (c == '`' && s.startsWith("```", i)) {
        int close = s.indexOf("```", i + 3);
        end = close < 0 ? n : close + 3;
        tok = CODE;
      } else if (isDigit(c)) {
        end = i + 1;
        while (end < n && (isDigit(s.charAt(end)) || ((s.charAt(end) == '.' || s.charAt(end) == ',')
            && end + 1 < n && isDigit(s.charAt(end + 1))))) {
          end++;
        }
        tok = NUMBER;
      } else if (isIdeographic(c)) {
        end = i + 1;
        tok = XX.hashChars(s, i, 1);
      } else if (Character.isLetter(c)) {
        end = i + 1;
        while (end < n && isWordChar(s.charAt(end))) {
          end++;
        }
        if ((end < n && s.charAt(end) == '@') || (end + 2 < n && s.charAt(end) == ':' && s.charAt(end + 1) == '/'
            && s.charAt(end + 2) == '/')) {
          boolean email = s.charAt(end) == '@';
          while (end < n && !WhitespaceStep.isSpace(s.charAt(end))) {
            end++;
          }
          tok = email ? EMAIL : URL;
        } else if (end - i > LONG_TOKEN) {
          tok = LONG;
        } else if (hasDigit(s, i, end)) {
          tok = end - i > 12 ? LONG : NUMBER;
        } else {
          tok = XX.hashChars(s, i, end - i);
        }
      } else {
        i++;
        continue;
      }
      i = end;
      if (nh < head.length) {
        head[nh++] = tok;
      } else {
        tail[(int) (nt++ % TAIL)] = tok;
      }
    }
    if (nt == 0) {
      return Arrays.copyOf(head, nh);
    }
    int keep = (int) Math.min(nt, TAIL);
    long[] out = Arrays.copyOf(head, nh + keep);
    long startTail = nt - keep;
    for (int k = 0; k < keep; k++) {
      out[nh + k] = tail[(int) ((startTail + k) % TAIL)];
    }
    return out;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordChar(char c) {
    return (Character.isLetterOrDigit(c) || c == '_') && !isIdeographic(c);
  }

  private static boolean hasDigit(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean isIdeographic(char c) {
    return (c >= '\u3040' && c <= '\u30FF') // kana
        || (c >= '\u3400' && c <= '\u9FFF') // CJK unified ideographs (+ ext A)
        || (c >= '\uAC00' && c <= '\uD7AF') // Hangul syllables
        || (c >= '\uF900' && c <= '\uFAFF');
  }
}
