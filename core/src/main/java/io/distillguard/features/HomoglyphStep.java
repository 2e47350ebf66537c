package io.distillguard.features;

/**
 * Folds Cyrillic, Greek and Armenian letters that look like Latin ones into those Latin letters, but only inside a
 * word made entirely of Latin letters and such look-alikes: {@code "рlеаsе"} (Cyrillic р, е, а) becomes
 * {@code "please"}, while a genuine Russian or Greek word, which contains letters with no Latin twin, is left alone.
 * A word here is a maximal run of letters.
 */
final class HomoglyphStep implements NormalizationStep {

  /** Confusable letter -> Latin letter, for the BMP block 0x0370..0x058F; 0 where none. */
  private static final char[] FOLD = new char[0x0590 - 0x0370];

  static {
    String[] pairs = {
      // Cyrillic lower case
      "а a", "в b", "е e", "ё e", "к k", "м m", "н h", "о o", "р p", "с c", "т t", "у y", "х x", "ѕ s", "і i",
      "ї i", "ј j", "ԁ d", "һ h", "ԛ q", "ԝ w", "ӏ l", "ү y", "ɡ g",
      // Cyrillic upper case
      "А A", "В B", "Е E", "Ё E", "К K", "М M", "Н H", "О O", "Р P", "С C", "Т T", "У Y", "Х X", "Ѕ S", "І I",
      "Ї I", "Ј J", "Ԁ D", "Һ H", "Ԛ Q", "Ԝ W", "Ӏ I", "Ү Y",
      // Greek
      "α a", "ο o", "ρ p", "ν v", "ι i", "κ k", "τ t", "υ u", "χ x", "ϲ c", "ϳ j",
      "Α A", "Β B", "Ε E", "Ζ Z", "Η H", "Ι I", "Κ K", "Μ M", "Ν N", "Ο O", "Ρ P", "Τ T", "Υ Y", "Χ X", "Ϲ C",
      // Armenian
      "օ o", "ս u", "զ q", "ց g", "հ h", "ո n", "ա w",
    };
    for (String p : pairs) {
      char from = p.charAt(0);
      if (from >= 0x0370 && from < 0x0590) {
        FOLD[from - 0x0370] = p.charAt(2);
      }
    }
  }

  static char fold(char c) {
    return c >= 0x0370 && c < 0x0590 ? FOLD[c - 0x0370] : 0;
  }

  @Override
  public String apply(String s) {
    if (CompatibilityStep.isAscii(s)) {
      return s;
    }
    char[] out = s.toCharArray();
    return foldInPlace(out, out.length) ? new String(out) : s;
  }

  /** Applies the step to {@code text[0, length)} in place; returns whether any char changed. */
  static boolean foldInPlace(char[] text, int length) {
    boolean changed = false;
    int i = 0;
    while (i < length) {
      if (!Character.isLetter(text[i])) {
        i++;
        continue;
      }
      int start = i;
      boolean foldable = true;
      boolean hasConfusable = false;
      while (i < length && Character.isLetter(text[i])) {
        char c = text[i];
        if (c >= 0x80) {
          if (fold(c) != 0) {
            hasConfusable = true;
          } else {
            foldable = false;
          }
        }
        i++;
      }
      if (foldable && hasConfusable) {
        for (int j = start; j < i; j++) {
          char f = fold(text[j]);
          if (f != 0) {
            text[j] = f;
            changed = true;
          }
        }
      }
    }
    return changed;
  }
}
