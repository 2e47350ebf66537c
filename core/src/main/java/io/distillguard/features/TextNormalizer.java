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
    String fast = onePass(s);
    return fast != null ? fast : byChain(s);
  }

  /** The chain applied step by step: the definition of {@link #normalize}. */
  String byChain(String s) {
    String out = s;
    for (NormalizationStep step : steps) {
      out = step.apply(out);
    }
    return out;
  }

  /** Scratch space of the one-pass path, per thread; kept when at most this many chars. */
  private static final int SCRATCH_KEEP = 1 << 16;
  private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[1024]);

  /**
   * The standard chain in one pass, or null when {@code s} holds a char that is not simple. Pass one maps each char
   * through {@link CharFolds} (case, compatibility forms, marks, invisible characters) and collapses whitespace on
   * the fly: collapsing only shortens runs of non-letters, so it commutes with the homoglyph and case steps, which
   * see the same words. The homoglyph and second case-fold steps then run in place, only when some char needs them.
   */
  static String onePass(String s) {
    int n = s.length();
    char[] buf = SCRATCH.get();
    if (buf.length < n) {
      buf = new char[Math.max(n, 2 * buf.length)];
    }
    char[] scratch = buf;
    int k = 0;
    int flags = 0;
    boolean pendingSpace = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        char m = CharFolds.ASCII[c];
        if (m == ' ') {
          pendingSpace = k > 0;
        } else {
          if (pendingSpace) {
            buf[k++] = ' ';
            pendingSpace = false;
          }
          buf[k++] = m;
        }
        continue;
      }
      CharFolds.Block b = CharFolds.block(c);
      int j = c & 0xFF;
      int f = b.flags[j];
      if ((f & CharFolds.COMPLEX) != 0) {
        return null;
      }
      flags |= f;
      int from = b.start[j];
      int to = b.start[j + 1];
      // each char still to come adds at most one char (ASCII) or its own table result (grown here)
      int need = k + 1 + (to - from) + (n - i - 1);
      if (need > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(need, 2 * buf.length));
      }
      for (int p = from; p < to; p++) {
        char m = b.chars[p];
        if (m == ' ') {
          pendingSpace = k > 0;
        } else {
          if (pendingSpace) {
            buf[k++] = ' ';
            pendingSpace = false;
          }
          buf[k++] = m;
        }
      }
    }
    if ((flags & CharFolds.CONFUSABLE) != 0 && HomoglyphStep.foldInPlace(buf, k)) {
      flags |= CharFolds.CASED;
    }
    if ((flags & CharFolds.CASED) != 0) {
      for (int i = 0; i < k; i++) {
        buf[i] = Character.toLowerCase(buf[i]);
      }
    }
    if (buf != scratch && buf.length <= SCRATCH_KEEP) {
      SCRATCH.set(buf);
    }
    return new String(buf, 0, k);
  }
}
