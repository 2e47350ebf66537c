package io.distillguard.features;

import java.text.Normalizer;

/**
 * Unicode compatibility decomposition (NFKD) with combining marks dropped: full-width letters, ligatures, circled and
 * mathematical alphanumerics become their plain forms, and accents stop distinguishing otherwise equal words.
 * Pure ASCII text is returned unchanged without allocation.
 */
final class CompatibilityStep implements NormalizationStep {

  @Override
  public String apply(String s) {
    if (isAscii(s)) {
      return s;
    }
    String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
    StringBuilder sb = null;
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        if (sb == null) {
          sb = new StringBuilder(d.length());
          sb.append(d, 0, i);
        }
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? d : sb.toString();
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
