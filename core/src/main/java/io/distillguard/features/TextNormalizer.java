package io.distillguard.features;

import java.util.List;

/**
 * The normalization chain applied to prompt text before fingerprinting: compatibility forms and accents, invisible
 * characters, homoglyphs, case, whitespace (case is folded first so that the marks some lower-case forms carry
 * are dropped, and again after the folds that can yield capitals). Stateless and thread-safe. {@code normalize} is
 * idempotent, and inserting zero-width characters, swapping Latin letters for look-alikes, changing case or layout
 * does not change its result.
 */
public final class TextNormalizer {

  private static final TextNormalizer STANDARD =
      new TextNormalizer(
          List.of(
              new CaseFoldStep(),
              new CompatibilityStep(),
              new InvisibleCharacterStep(),
              new HomoglyphStep(),
              // again: compatibility forms and homoglyph folding can yield upper-case letters
              new CaseFoldStep(),
              new WhitespaceStep()));

  private final List<NormalizationStep> steps;

  private TextNormalizer(List<NormalizationStep> steps) {
    this.steps = List.copyOf(steps);
  }

  /** The standard chain, the only one (the one-pass path of {@link #normalize} is built for it). */
  public static TextNormalizer standard() {
    return STANDARD;
  }

  /**
   * Normalizes {@code s}; {@code null} gives the empty string. Texts of {@linkplain CharFolds simple} chars (nearly
   * all text) take one pass over a per-char table of the chain's char-wise steps; others go through the chain step
   * by step. Both give the same result (tested char by char and on randomized texts).
   */
  public String normalize(String s) {
    if (s == null) {
      return "";
    }
    Buffer[] b = SCRATCH.get();
    b[0].set(s);
    String out = onePass(b[0].chars, b[0].length, b[1]) ? new String(b[1].chars, 0, b[1].length) : byChain(s);
    b[0].release();
    b[1].release();
    return out;
  }

  /**
   * Normalizes the text in {@code in} into {@code out}, as {@link #normalize} would: for callers that read the text
   * and the result as chars.
   */
  void normalize(Buffer in, Buffer out) {
    if (!onePass(in.chars, in.length, out)) {
      out.set(byChain(new String(in.chars, 0, in.length)));
    }
  }

  /** The chain applied step by step: the definition of {@link #normalize}. */
  String byChain(String s) {
    String out = s;
    for (NormalizationStep step : steps) {
      out = step.apply(out);
    }
    return out;
  }

  /** A reusable char buffer holding a text in {@code chars[0, length)}; not thread-safe, one per thread. */
  static final class Buffer {
    /** Kept after use when at most this many chars, else given up. */
    private static final int KEEP = 1 << 16;
    private static final int INITIAL = 1024;

    char[] chars = new char[INITIAL];
    int length;

    /** Sets the text to {@code s}. */
    void set(String s) {
      ensure(s.length());
      s.getChars(0, s.length(), chars, 0);
      length = s.length();
    }

    /** Makes room for {@code n} chars, keeping {@code chars[0, length)}. */
    void ensure(int n) {
      if (chars.length < n) {
        chars = java.util.Arrays.copyOf(chars, Math.max(n, 2 * chars.length));
      }
    }

    /** Gives up an over-large array once its text is no longer needed. */
    void release() {
      if (chars.length > KEEP) {
        chars = new char[INITIAL];
      }
    }
  }

  /** The text and the result of {@link #normalize(String)}, per thread. */
  private static final ThreadLocal<Buffer[]> SCRATCH =
      ThreadLocal.withInitial(() -> new Buffer[] {new Buffer(), new Buffer()});

  /**
   * The standard chain over {@code s[0, n)} in one pass into {@code out}; false when a char is not simple. Pass
   * one maps each char through {@link CharFolds} (case, compatibility forms, marks, invisible characters) and
   * collapses whitespace on the fly: collapsing only shortens runs of non-letters, so it commutes with the homoglyph
   * and case steps, which see the same words. The homoglyph and second case-fold steps then run in place, only when
   * some char needs them.
   */
  static boolean onePass(char[] s, int n, Buffer out) {
    out.ensure(n);
    char[] buf = out.chars;
    int k = 0;
    int flags = 0;
    // whitespace collapses without branches: each char is stored, but a space is kept only after a kept char other
    // than a space (the text starts as after a space, so leading spaces go), and a trailing one is dropped at the end
    int lastSpace = 1;
    for (int i = 0; i < n; i++) {
      char c = s[i];
      if (c < 0x80) {
        char m = CharFolds.ASCII[c];
        int space = isSpace(m);
        buf[k] = m;
        k += 1 - (space & lastSpace);
        lastSpace = space;
        continue;
      }
      CharFolds.Block b = CharFolds.block(c);
      int j = c & 0xFF;
      int f = b.flags[j];
      if ((f & CharFolds.COMPLEX) != 0) {
        return false;
      }
      flags |= f;
      int from = b.start[j];
      int to = b.start[j + 1];
      // each char still to come adds at most one char (ASCII) or its own table result (made room for here)
      int need = k + (to - from) + (n - i);
      if (need > buf.length) {
        out.length = k;
        out.ensure(need);
        buf = out.chars;
      }
      for (int p = from; p < to; p++) {
        char m = b.chars[p];
        int space = isSpace(m);
        buf[k] = m;
        k += 1 - (space & lastSpace);
        lastSpace = space;
      }
    }
    if (k > 0 && buf[k - 1] == ' ') {
      k--;
    }
    if ((flags & CharFolds.CONFUSABLE) != 0 && HomoglyphStep.foldInPlace(buf, k)) {
      flags |= CharFolds.CASED;
    }
    if ((flags & CharFolds.CASED) != 0) {
      for (int i = 0; i < k; i++) {
        buf[i] = Character.toLowerCase(buf[i]);
      }
    }
    out.length = k;
    return true;
  }

  /** 1 when {@code m} is {@code ' '}, else 0, without a branch. */
  private static int isSpace(char m) {
    return ((m ^ ' ') - 1) >>> 31;
  }

  /** {@link #onePass(char[], int, Buffer)} to a string, or null: for tests. */
  static String onePass(String s) {
    Buffer b = new Buffer();
    return onePass(s.toCharArray(), s.length(), b) ? new String(b.chars, 0, b.length) : null;
  }
}
