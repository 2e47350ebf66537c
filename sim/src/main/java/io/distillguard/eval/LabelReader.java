package io.distillguard.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code labels.jsonl}: one object a line with {@code account_id}, {@code class} and {@code group}, optionally
 * {@code first_request_at} (RFC 3339); other fields are ignored. A repeated account replaces the earlier line and is
 * counted. A malformed line throws {@link InputFormatException} naming the file and line.
 */
public final class LabelReader {

  private LabelReader() {}

  /** Reads a labels file ({@code .gz} accepted). */
  public static LabelSet read(Path file) throws IOException {
    try (BufferedReader in = JsonLines.open(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads labels from {@code in}; {@code source} names it in errors and in the result. */
  public static LabelSet read(BufferedReader in, String source) throws IOException {
    Map<String, Label> byAccount = new HashMap<>();
    int[] duplicates = {0};
    JsonLines.forEach(
        in,
        source,
        object -> {
          String accountId = JsonLines.requiredText(object, "account_id");
          String cls = JsonLines.requiredText(object, "class");
          LabelClass labelClass;
          try {
            labelClass = LabelClass.fromWire(cls);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ": " + JsonLines.quote(cls), e);
          }
          String group = JsonLines.requiredText(object, "group");
          Instant first = JsonLines.optionalTime(object, "first_request_at");
          if (byAccount.put(accountId, new Label(accountId, labelClass, group, first)) != null) {
            duplicates[0]++;
          }
        });
    return new LabelSet(source, byAccount, duplicates[0]);
  }
}
