package io.distillguard.features;

import java.util.Arrays;
import net.openhft.hashing.LongHashFunction;

/**
 * The tokenizer, the text shape and MinHash as they were before their one-pass rewrites, kept verbatim as the reference that
 * {@link ReferenceEquivalenceTest} checks the current code against.
 */
final class Reference {

  private static final LongHashFunction XX = LongHashFunction.xx3();
  private static final int MAX_CHARS = TextShape.MAX_CHARS;
  private static final String[] CODE_WORDS = {
    "def ", "return", "function", "class ", "import ", "public ", "static ", "void ", "const ", "let ", "var ",
    "#include", "printf", "console.", "=>", "==", "!=", "++", "elif ", "lambda", "select ", " from ", "while (",
    "for (", "if (", "print(", "self.", "this.", "null", "none", "true", "false", "int ", "string", "async ",
    "await ", "</", "/>", "fn ", "->", "::", "std::", "println", "system.out", "```"
  };
  private static final PhraseMatcher CODE;

  static {
    java.util.List<java.util.List<String>> groups = new java.util.ArrayList<>();
    for (String w : CODE_WORDS) {
      groups.add(java.util.List.of(w));
    }
    CODE = new PhraseMatcher(groups);
  }

  private static final boolean[] SYMBOL = new boolean[128];
  private static final boolean[] OPERATOR = new boolean[128];

  static {
    for (char c : "{}();=<>[]".toCharArray()) {
      SYMBOL[c] = true;
    }
    for (char c : "+-*/^%".toCharArray()) {
      OPERATOR[c] = true;
    }
  }

  private Reference() {}

  /** The tokenizer: {@code Tokens.of}. */
  static long[] tokens(String s) {
    long[] head = new long[Tokens.MAX_TOKENS - Tokens.TAIL];
    long[] tail = new long[Tokens.TAIL];
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
        tok = Tokens.CODE;
      } else if (isDigit(c)) {
        end = i + 1;
        while (end < n && (isDigit(s.charAt(end)) || ((s.charAt(end) == '.' || s.charAt(end) == ',')
            && end + 1 < n && isDigit(s.charAt(end + 1))))) {
          end++;
        }
        tok = Tokens.NUMBER;
      } else if (Tokens.isIdeographic(c)) {
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
          tok = email ? Tokens.EMAIL : Tokens.URL;
        } else if (end - i > Tokens.LONG_TOKEN) {
          tok = Tokens.LONG;
        } else if (hasDigit(s, i, end)) {
          tok = end - i > 12 ? Tokens.LONG : Tokens.NUMBER;
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
        tail[(int) (nt++ % Tokens.TAIL)] = tok;
      }
    }
    if (nt == 0) {
      return Arrays.copyOf(head, nh);
    }
    int keep = (int) Math.min(nt, Tokens.TAIL);
    long[] out = Arrays.copyOf(head, nh + keep);
    long startTail = nt - keep;
    for (int k = 0; k < keep; k++) {
      out[nh + k] = tail[(int) ((startTail + k) % Tokens.TAIL)];
    }
    return out;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordChar(char c) {
    return (Character.isLetterOrDigit(c) || c == '_') && !Tokens.isIdeographic(c);
  }

  private static boolean hasDigit(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The shape pseudo-tokens: {@code TextShape.of}. */
  static long[] shape(String raw, String normalized) {
    String s = raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
    String normalizedHead = normalized.length() > MAX_CHARS ? normalized.substring(0, MAX_CHARS) : normalized;
    int n = Math.max(1, s.length());
    int sym = 0;
    int digits = 0;
    int letters = 0;
    int questions = 0;
    int lines = 1;
    int indented = 0;
    int ops = 0;
    boolean lineStart = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128 && SYMBOL[c]) {
        sym++;
      } else if (c >= '0' && c <= '9') {
        digits++;
      } else if (Character.isLetter(c)) {
        letters++;
      } else if (c == '?' || c == '\uFF1F') {
        questions++;
      }
      if (c < 128 && OPERATOR[c]) {
        ops++;
      }
      if (c == '\n') {
        lines++;
        lineStart = true;
      } else if (lineStart) {
        if (c == ' ' || c == '\t') {
          if (i + 1 < s.length() && (s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
            indented++;
          }
        }
        lineStart = false;
      }
    }
    int codeWords = Long.bitCount(CODE.match(normalizedHead));
    boolean options = normalizedHead.contains("(a)") || normalizedHead.contains("a)") && normalizedHead.contains("b)")
        || normalizedHead.contains("options:");
    boolean json = s.contains("{\"") || s.contains("\": ");
    return new long[] {
      tok("sym", bucket(1000.0 * sym / n, 5, 15, 30, 60, 100)),
      tok("codewords", bucket(codeWords, 1, 2, 4, 7, 11)),
      tok("digits", bucket(1000.0 * digits / n, 5, 20, 50, 100, 200)),
      tok("ops", bucket(1000.0 * ops / n, 3, 10, 25, 50)),
      tok("letters", bucket(100.0 * letters / n, 40, 60, 75, 85)),
      tok("questions", bucket(questions, 1, 2, 4)),
      tok("lines", bucket(lines, 2, 4, 10, 30, 80)),
      tok("indented", bucket(100.0 * indented / lines, 5, 20, 40)),
      tok("length", bucket(s.length(), 80, 200, 500, 1500, 4000)),
      tok("options", options ? 1 : 0),
      tok("json", json ? 1 : 0),
      tok("fence", s.contains("```") ? 1 : 0),
    };
  }

  private static int bucket(double v, double... bounds) {
    int b = 0;
    while (b < bounds.length && v >= bounds[b]) {
      b++;
    }
    return b;
  }

  private static long tok(String name, int bucket) {
    return XX.hashChars("\u0000shape:" + name + ":" + bucket);
  }

  /** One-permutation MinHash with densification as it was before its probe sequences were tabled. */
  static int[] minHash(long[] shingles, int k, long seed) {
    int[] sig = new int[k];
    if (shingles.length == 0) {
      Arrays.fill(sig, Integer.MAX_VALUE);
      return sig;
    }
    Arrays.fill(sig, -1);
    int shift = 64 - Integer.numberOfTrailingZeros(k);
    for (long s : shingles) {
      long h = Shingles.mix(s ^ seed);
      int bin = (int) (h >>> shift);
      int v = (int) (h & 0x7FFF_FFFFL);
      if (sig[bin] == -1 || v < sig[bin]) {
        sig[bin] = v;
      }
    }
    int[] out = sig.clone();
    for (int i = 0; i < k; i++) {
      if (sig[i] != -1) {
        continue;
      }
      long probe = Shingles.mix(seed ^ (0xA5A5A5A5L * (i + 1)));
      for (int attempt = 1; ; attempt++) {
        int j = (int) ((probe >>> shift) & (k - 1));
        if (sig[j] != -1) {
          out[i] = sig[j];
          break;
        }
        probe = Shingles.mix(probe + attempt);
      }
    }
    return out;
  }
}
