package io.distillguard.report;

/**
 * HTML escaping for attacker-controlled text. Escapes the five markup characters and neutralises bidirectional and
 * zero-width controls by rendering them as visible code points, so that a prompt cannot reorder or hide the text
 * around it.
 */
public final class Html {

  private Html() {}

  /** Escapes {@code s} for use in element content and quoted attribute values; {@code null} becomes empty. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (isInvisibleControl(c)) {
            sb.append("<span class=\"ctl\">U+").append(String.format("%04X", (int) c)).append("</span>");
          } else if (c < 0x20 && c != '\n' && c != '\t') {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** Bidirectional overrides and isolates, zero-width characters and the BOM. */
  static boolean isInvisibleControl(char c) {
    return (c >= '\u200B' && c <= '\u200F')
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u2060'
        || c == '\uFEFF'
        || c == '\u061C';
  }
}
