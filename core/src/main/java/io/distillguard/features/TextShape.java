package io.distillguard.features;

import java.util.Arrays;
import net.openhft.hashing.LongHashFunction;

/**
 * Source-independent shape features of a prompt, as pseudo-tokens that a {@link CapabilityModel} weighs like words:
 * density of code punctuation and code keywords, digits, operators and option lists, indentation, JSON, questions and
 * length, each quantized into a few buckets. They let the model generalize across prompt collections whose wording
 * differs. Reads at most the first {@link #MAX_CHARS} characters of the raw (unnormalized) text.
 */
final class TextShape {

  static final int MAX_CHARS = 8192;
  private static final LongHashFunction XX = LongHashFunction.xx3();
  private static final String[] CODE_WORDS = {
    "def ", "return", "function", "class ", "import ", "public ", "static ", "void ", "const ", "let ", "var ",
    "#include", "printf", "console.", "=>", "==", "!=", "++", "elif ", "lambda", "select ", " from ", "while (",
    "for (", "if (", "print(", "self.", "this.", "null", "none", "true", "false", "int ", "string", "async ",
    "await ", "</", "/>", "fn ", "->", "::", "std::", "println", "system.out", "```"
  };
  /** One group per code word, so that the number of groups seen is the number of distinct code words present. */
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

  private TextShape() {}

  /** Appends the shape pseudo-tokens of {@code raw} (and its normalized form) to {@code tokens}. */
  static long[] append(long[] tokens, String raw, String normalized) {
    long[] shape = of(raw, normalized);
    long[] out = Arrays.copyOf(tokens, tokens.length + shape.length);
    System.arraycopy(shape, 0, out, tokens.length, shape.length);
    return out;
  }

  static long[] of(String raw, String normalized) {
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
}
