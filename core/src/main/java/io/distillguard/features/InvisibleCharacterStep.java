package io.distillguard.features;

/**
 * Drops characters that render as nothing (zero-width spaces and joiners, bidirectional controls, soft hyphens, the
 * BOM, variation selectors, tag characters) and turns other control characters into spaces, so that inserting them
 * into a template changes nothing.
 */
final class InvisibleCharacterStep implements NormalizationStep {

  @Override
  public String apply(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int action = classify(s, i);
      if (action == KEEP) {
        if (sb != null) {
          sb.append(c);
        }
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(s.length());
        sb.append(s, 0, i);
      }
      if (action == SPACE) {
        sb.append(' ');
      } else if (action == DROP_PAIR) {
        i++;
      }
    }
    return sb == null ? s : sb.toString();
  }

  private static final int KEEP = 0;
  private static final int DROP = 1;
  private static final int SPACE = 2;
  private static final int DROP_PAIR = 3;

  private static int classify(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x20) {
      return c == '\n' || c == '\t' || c == '\r' ? KEEP : SPACE;
    }
    if (c < 0x7F) {
      return KEEP;
    }
    if (c == 0x7F || (c >= 0x80 && c < 0xA0)) {
      return SPACE;
    }
    if (c == '\u00AD' || c == '\u034F' || c == '\u061C' || c == '\u115F' || c == '\u1160' || c == '\u180E'
        || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2060' && c <= '\u206F') || c == '\u3164' || c == '\uFEFF' || c == '\uFFA0'
        || (c >= '\uFE00' && c <= '\uFE0F')) {
      return DROP;
    }
    // tag characters U+E0000..U+E007F and variation selectors supplement U+E0100..U+E01EF
    if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
      int cp = Character.toCodePoint(c, s.charAt(i + 1));
      if ((cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
        return DROP_PAIR;
      }
    }
    return KEEP;
  }
}
