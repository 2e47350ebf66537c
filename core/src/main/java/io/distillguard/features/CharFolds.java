package io.distillguard.features;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What the first steps of the standard {@link TextNormalizer} chain (case fold, compatibility decomposition without
 * marks, invisible characters) make of each UTF-16 char on its own, for the one-pass normalizer: a table, computed
 * from those very steps a block of 256 chars at a time on first use. Whitespace in a result is given as {@code ' '}
 * (the chain collapses every whitespace run into one space anyway).
 *
 * <p>A char is <em>simple</em> when applying those steps to a text is the same as applying them to each char and
 * concatenating, with later steps also acting char by char: the char is not a surrogate, not the capital sigma
 * (whose lower case depends on its neighbours), its decomposition holds no combining char that is kept (a kept char
 * with a non-zero combining class could be reordered against its neighbours), and every char of its result
 * lower-cases on its own to one char. Texts of simple chars only may take the one-pass path; others take the chain.
 * Thread-safe: blocks are immutable and published through final fields (a race computes a block twice).
 */
final class CharFolds {

  /** The char is not simple: texts containing it take the step-by-step chain. */
  static final int COMPLEX = 1;
  /** Some char of the result is a letter that the homoglyph step may fold. */
  static final int CONFUSABLE = 2;
  /** Some char of the result is changed by lower-casing. */
  static final int CASED = 4;

  /** ASCII chars through the chain's char-wise steps: lower case, controls and whitespace as {@code ' '}. */
  static final char[] ASCII = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII[c] = c < 0x20 || c == 0x7F ? ' ' : c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
  }

  private static final Block[] BLOCKS = new Block[256];

  private CharFolds() {}

  /** The block holding {@code c}: chars {@code c & ~0xFF} to {@code c | 0xFF}. */
  static Block block(char c) {
    Block b = BLOCKS[c >>> 8];
    if (b == null) {
      b = new Block(c & 0xFF00);
      BLOCKS[c >>> 8] = b;
    }
    return b;
  }

  /**
   * The results for 256 consecutive chars: the result of char {@code base + i} is {@code chars[start[i]]} to
   * {@code chars[start[i + 1]]} (exclusive), with flags {@code flags[i]}.
   */
  static final class Block {
    final char[] chars;
    final int[] start;
    final byte[] flags;

    Block(int base) {
      StringBuilder all = new StringBuilder(256);
      int[] st = new int[257];
      byte[] fl = new byte[256];
      for (int i = 0; i < 256; i++) {
        char c = (char) (base + i);
        st[i] = all.length();
        String r = c < 0x80 ? String.valueOf(ASCII[c]) : result(c);
        if (r == null) {
          fl[i] = COMPLEX;
          continue;
        }
        int f = 0;
        for (int k = 0; k < r.length(); k++) {
          char x = r.charAt(k);
          if (x >= 0x80 && Character.isLetter(x) && HomoglyphStep.fold(x) != 0) {
            f |= CONFUSABLE;
          }
          if (Character.toLowerCase(x) != x) {
            f |= CASED;
          }
        }
        fl[i] = (byte) f;
        all.append(r);
      }
      st[256] = all.length();
      this.chars = all.toString().toCharArray();
      this.start = st;
      this.flags = fl;
    }
  }

  private static final CaseFoldStep CASE = new CaseFoldStep();
  private static final CompatibilityStep COMPATIBILITY = new CompatibilityStep();
  private static final InvisibleCharacterStep INVISIBLE = new InvisibleCharacterStep();

  /** The result of the char-wise steps for a non-ASCII char, whitespace as {@code ' '}; null when not simple. */
  private static String result(char c) {
    if (Character.isSurrogate(c) || c == '\u03A3') {
      return null;
    }
    String lower = CASE.apply(String.valueOf(c));
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
    for (int k = 0; k < decomposed.length(); k++) {
      char x = decomposed.charAt(k);
      if (Character.isSurrogate(x)
          || (Character.getType(x) != Character.NON_SPACING_MARK && !isStarter(x))) {
        return null;
      }
    }
    String r = INVISIBLE.apply(COMPATIBILITY.apply(lower));
    StringBuilder out = new StringBuilder(r.length());
    for (int k = 0; k < r.length(); k++) {
      char x = r.charAt(k);
      String xl = String.valueOf(x).toLowerCase(Locale.ROOT);
      if (x == '\u03A3' || xl.length() != 1 || xl.charAt(0) != Character.toLowerCase(x)) {
        return null;
      }
      out.append(WhitespaceStep.isSpace(x) ? ' ' : x);
    }
    return out.toString();
  }

  /**
   * Whether {@code x} has canonical combining class 0, probed through canonical reordering: a char of class above 1
   * moves before U+0334 (class 1), one of a class between 1 and 229 moves before U+0301 (class 230).
   */
  static boolean isStarter(char x) {
    // x comes from a decomposition, so it is its own canonical decomposition
    return Normalizer.normalize(x + "\u0334", Normalizer.Form.NFD).equals(x + "\u0334")
        && Normalizer.normalize("\u0301" + x, Normalizer.Form.NFD).equals("\u0301" + x);
  }
}
