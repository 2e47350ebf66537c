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
  /** The option-list markers looked for in the normalized text. */
  private static final String[] OPTION_MARKERS = {"(a)", "a)", "b)", "options:"};

  /**
   * The {@link Lexicon} groups (the bits of {@link Lexicon#ALL}), then one group per code word (so that the number of
   * groups seen is the number of distinct code words present), then one per option marker: one pass over a normalized
   * prompt finds the lexicon phrases and the shape's phrases.
   */
  static final PhraseMatcher MATCHER;

  private static final int CODE_SHIFT = Lexicon.GROUPS.size();
  private static final long CODE_BITS = ((1L << CODE_WORDS.length) - 1) << CODE_SHIFT;
  private static final long PAREN_A = 1L << (CODE_SHIFT + CODE_WORDS.length);
  private static final long A = PAREN_A << 1;
  private static final long B = PAREN_A << 2;
  private static final long OPTIONS = PAREN_A << 3;

  static {
    java.util.List<java.util.List<String>> groups = new java.util.ArrayList<>(Lexicon.GROUPS);
    for (String w : CODE_WORDS) {
      groups.add(java.util.List.of(w));
    }
    for (String m : OPTION_MARKERS) {
      if (!TextNormalizer.standard().normalize(m).equals(m)) {
        throw new AssertionError("an option marker must be normalized text: " + m);
      }
      groups.add(java.util.List.of(m));
    }
    MATCHER = new PhraseMatcher(groups);
  }

  /** Per ASCII char: what the shape counts it as. */
  private static final byte[] ASCII_CLASS = new byte[128];
  private static final int SYMBOL = 1;
  private static final int DIGIT = 2;
  private static final int LETTER = 4;
  private static final int QUESTION = 8;
  private static final int OPERATOR = 16;

  static {
    for (char c : "{}();=<>[]".toCharArray()) {
      ASCII_CLASS[c] |= SYMBOL;
    }
    for (char c : "+-*/^%".toCharArray()) {
      ASCII_CLASS[c] |= OPERATOR;
    }
    for (char c = 0; c < 128; c++) {
      if (c >= '0' && c <= '9') {
        ASCII_CLASS[c] |= DIGIT;
      } else if (Character.isLetter(c)) {
        ASCII_CLASS[c] |= LETTER;
      }
    }
    ASCII_CLASS['?'] |= QUESTION;
  }

  private static final String[] NAMES = {
    "sym", "codewords", "digits", "ops", "letters", "questions", "lines", "indented", "length", "options", "json",
    "fence"
  };
  /** {@code TOKENS[f][b]}: the pseudo-token of feature {@code NAMES[f]} in bucket {@code b}. */
  private static final long[][] TOKENS = new long[NAMES.length][8];

  static {
    for (int f = 0; f < NAMES.length; f++) {
      for (int b = 0; b < TOKENS[f].length; b++) {
        TOKENS[f][b] = XX.hashChars("\u0000shape:" + NAMES[f] + ":" + b);
      }
    }
  }

  private TextShape() {}

  /** Appends the shape pseudo-tokens of {@code raw} (and its normalized form) to {@code tokens}. */
  static long[] append(long[] tokens, String raw, String normalized) {
    String head = normalized.length() > MAX_CHARS ? normalized.substring(0, MAX_CHARS) : normalized;
    return append(tokens, raw, MATCHER.match(head));
  }

  /**
   * Appends the shape pseudo-tokens of {@code raw} to {@code tokens}, given {@code headPhrases}: the groups of
   * {@link #MATCHER} found in the first {@link #MAX_CHARS} chars of the normalized text.
   */
  static long[] append(long[] tokens, String raw, long headPhrases) {
    return append(tokens, raw.toCharArray(), raw.length(), headPhrases);
  }

  /** {@link #append(long[], String, long)} of the raw text {@code raw[0, rawLength)}. */
  static long[] append(long[] tokens, char[] raw, int rawLength, long headPhrases) {
    long[] out = Arrays.copyOf(tokens, tokens.length + NAMES.length);
    shape(raw, rawLength, headPhrases, out, tokens.length);
    return out;
  }

  /** Writes the {@code NAMES.length} shape pseudo-tokens to {@code out[at...]}. */
  private static void shape(char[] raw, int rawLength, long headPhrases, long[] out, int at) {
    int len = Math.min(rawLength, MAX_CHARS);
    int n = Math.max(1, len);
    int sym = 0;
    int digits = 0;
    int letters = 0;
    int questions = 0;
    int lines = 1;
    int indented = 0;
    int ops = 0;
    boolean json = false;
    boolean fence = false;
    // the two previous chars; a line starts after a newline, and so does the text
    char p1 = '\n';
    char p2 = 0;
    for (int i = 0; i < len; i++) {
      char c = raw[i];
      if (c < 128) {
        int k = ASCII_CLASS[c];
        sym += k & SYMBOL;
        digits += (k & DIGIT) >>> 1;
        letters += (k & LETTER) >>> 2;
        questions += (k & QUESTION) >>> 3;
        ops += (k & OPERATOR) >>> 4;
        // JSON ({"  or  ": ) and a code fence, each seen at its last char; no branches on these common chars
        json |= c == '"' & p1 == '{' | c == ' ' & p1 == ':' & p2 == '"';
        fence |= c == '`' & p1 == '`' & p2 == '`';
        lines += c == '\n' ? 1 : 0;
      } else if (Character.isLetter(c)) {
        letters++;
      } else if (c == '\uFF1F') {
        questions++;
      }
      if (p1 == '\n' && (c == ' ' || c == '\t') && i + 1 < len && (raw[i + 1] == ' ' || raw[i + 1] == '\t')) {
        indented++;
      }
      p2 = p1;
      p1 = c;
    }
    int codeWords = Long.bitCount(headPhrases & CODE_BITS);
    boolean options = (headPhrases & PAREN_A) != 0 || (headPhrases & A) != 0 && (headPhrases & B) != 0
        || (headPhrases & OPTIONS) != 0;
    out[at] = TOKENS[0][bucket(1000.0 * sym / n, 5, 15, 30, 60, 100)];
    out[at + 1] = TOKENS[1][bucket(codeWords, 1, 2, 4, 7, 11)];
    out[at + 2] = TOKENS[2][bucket(1000.0 * digits / n, 5, 20, 50, 100, 200)];
    out[at + 3] = TOKENS[3][bucket(1000.0 * ops / n, 3, 10, 25, 50)];
    out[at + 4] = TOKENS[4][bucket(100.0 * letters / n, 40, 60, 75, 85)];
    out[at + 5] = TOKENS[5][bucket(questions, 1, 2, 4)];
    out[at + 6] = TOKENS[6][bucket(lines, 2, 4, 10, 30, 80)];
    out[at + 7] = TOKENS[7][bucket(100.0 * indented / lines, 5, 20, 40)];
    out[at + 8] = TOKENS[8][bucket(len, 80, 200, 500, 1500, 4000)];
    out[at + 9] = TOKENS[9][options ? 1 : 0];
    out[at + 10] = TOKENS[10][json ? 1 : 0];
    out[at + 11] = TOKENS[11][fence ? 1 : 0];
  }

  private static int bucket(double v, double... bounds) {
    int b = 0;
    while (b < bounds.length && v >= bounds[b]) {
      b++;
    }
    return b;
  }
}
