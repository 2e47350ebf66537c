package io.distillguard.features;

/**
 * Collapses every run of whitespace (including no-break and other Unicode spaces, tabs and newlines) into one space
 * and trims both ends, so that layout games do not split a template.
 */
final class WhitespaceStep implements NormalizationStep {

  @Override
  public String apply(String s) {
    if (isCollapsed(s)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        pendingSpace = sb.length() > 0;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** True when the only whitespace is single ASCII spaces between other characters. */
  private static boolean isCollapsed(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (i == 0 || i == n - 1 || s.charAt(i + 1) == ' ') {
          return false;
        }
      } else if (isSpace(c)) {
        return false;
      }
    }
    return true;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B
        || (c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c)));
  }
}
