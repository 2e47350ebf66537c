package io.distillguard.event;

import java.util.Objects;

/**
 * A line (or a whole file) that could not be read: the file as the caller named it, the 1-based line number, and a
 * short reason. The reason never carries the rejected content: at most a field name and a short description, so a
 * rejects file can be shared without leaking prompts.
 */
public record Reject(String file, long line, String reason) {

  public Reject {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
  }
}
