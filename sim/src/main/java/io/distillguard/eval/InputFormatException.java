package io.distillguard.eval;

/**
 * An input file that cannot be evaluated: its message is one line, {@code file:line: reason} (or {@code file: reason}
 * when no single line is at fault), fit to show a person as is.
 */
public final class InputFormatException extends RuntimeException {

  private final String source;
  private final long line;

  /** {@code line} is 1-based, or 0 when the fault is not on one line. */
  public InputFormatException(String source, long line, String reason) {
    super(line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason);
    this.source = source;
    this.line = line;
  }

  public String source() {
    return source;
  }

  /** 1-based, or 0 when the fault is not on one line. */
  public long line() {
    return line;
  }
}
