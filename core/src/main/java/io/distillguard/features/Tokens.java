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
    return of(s.toCharArray(), s.length());
  }

  /** Per ASCII char: {@link #LETTER}, {@link #DIGIT}, {@link #WORD} (letters, digits and {@code _}). */
  private static final byte[] ASCII_CLASS = new byte[128];
  private static final int LETTER = 1;
  private static final int DIGIT = 2;
  private static final int WORD = 4;

  static {
    for (char c = 0; c < 128; c++) {
      int k = 0;
      if (isDigit(c)) {
        k |= DIGIT | WORD;
      } else if (Character.isLetter(c)) {
        k |= LETTER | WORD;
      } else if (c == '_') {
        k |= WORD;
      }
      ASCII_CLASS[c] = (byte) k;
    }
  }

  /** Head and tail buffers, per thread: the result is copied out of them. */
  private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[MAX_TOKENS]);

  /** {@link #of(String)} of the normalized text {@code s[0, n)}. */
  static long[] of(char[] s, int n) {
    long[] buf = SCRATCH.get();
    int headLength = MAX_TOKENS - TAIL;
    int nh = 0;
    long nt = 0;
    int i = 0;
    while (i < n) {
      char c = s[i];
      int cls = c < 128 ? ASCII_CLASS[c] : 0;
      long tok;
      int end;
      if (c == '`' && i + 2 < n && s[i + 1] == '`' && s[i + 2] == '`') {
        int close = indexOfFence(s, i + 3, n);
        end = close < 0 ? n : close + 3;
        tok = CODE;
      } else if ((cls & DIGIT) != 0) {
        end = i + 1;
        while (end < n && (isDigit(s[end]) || ((s[end] == '.' || s[end] == ',') && end + 1 < n
            && isDigit(s[end + 1])))) {
          end++;
        }
        tok = NUMBER;
      } else if (c >= 128 && isIdeographic(c)) {
        end = i + 1;
        tok = XX.hashChars(s, i, 1);
      } else if ((cls & LETTER) != 0 || (c >= 128 && Character.isLetter(c))) {
        end = i + 1;
        boolean digit = false;
        while (end < n) {
          char d = s[end];
          if (d < 128) {
            int k = ASCII_CLASS[d];
            if ((k & WORD) == 0) {
              break;
            }
            digit |= (k & DIGIT) != 0;
          } else if (!isWordChar(d)) {
            break;
          }
          end++;
        }
        if ((end < n && s[end] == '@') || (end + 2 < n && s[end] == ':' && s[end + 1] == '/'
            && s[end + 2] == '/')) {
          boolean email = s[end] == '@';
          while (end < n && !WhitespaceStep.isSpace(s[end])) {
            end++;
          }
          tok = email ? EMAIL : URL;
        } else if (end - i > LONG_TOKEN) {
          tok = LONG;
        } else if (digit) {
          tok = end - i > 12 ? LONG : NUMBER;
        } else {
          tok = XX.hashChars(s, i, end - i);
        }
      } else {
        i++;
        continue;
      }
      i = end;
      if (nh < headLength) {
        buf[nh++] = tok;
      } else {
        buf[headLength + (int) (nt++ % TAIL)] = tok;
      }
    }
    if (nt == 0) {
      return Arrays.copyOf(buf, nh);
    }
    int keep = (int) Math.min(nt, TAIL);
    long[] out = Arrays.copyOf(buf, nh + keep);
    long startTail = nt - keep;
    for (int k = 0; k < keep; k++) {
      out[nh + k] = buf[headLength + (int) ((startTail + k) % TAIL)];
    }
    return out;
  }

  /** The index of the next {@code "```"} in {@code s[from, n)}, or -1. */
  private static int indexOfFence(char[] s, int from, int n) {
    for (int j = from; j + 2 < n; j++) {
      if (s[j] == '`' && s[j + 1] == '`' && s[j + 2] == '`') {
        return j;
      }
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordChar(char c) {
    return (Character.isLetterOrDigit(c) || c == '_') && !isIdeographic(c);
  }

  static boolean isIdeographic(char c) {
    return (c >= '\u3040' && c <= '\u30FF') // kana
        || (c >= '\u3400' && c <= '\u9FFF') // CJK unified ideographs (+ ext A)
        || (c >= '\uAC00' && c <= '\uD7AF') // Hangul syllables
        || (c >= '\uF900' && c <= '\uFAFF');
  }
}
