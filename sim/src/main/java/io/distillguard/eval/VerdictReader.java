package io.distillguard.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code verdicts.jsonl} ({@code spec/scan-v1.md}): {@code account_id}, {@code verdict} and {@code score} are
 * required, {@code campaign_id} and {@code first_flagged_at} may be null (an empty {@code campaign_id} counts as
 * null), other fields are ignored. {@code reasons} are not kept: the evaluation does not use them, and they are most
 * of the file's bytes. A repeated account replaces the earlier line and is counted. A malformed line throws {@link
 * InputFormatException} naming the file and line.
 */
public final class VerdictReader {

  private VerdictReader() {}

  /** Reads a verdicts file ({@code .gz} accepted). */
  public static VerdictSet read(Path file) throws IOException {
    try (BufferedReader in = JsonLines.open(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads verdicts from {@code in}; {@code source} names it in errors and in the result. */
  public static VerdictSet read(BufferedReader in, String source) throws IOException {
    Map<String, AccountVerdict> byAccount = new HashMap<>();
    int[] duplicates = {0};
    JsonLines.forEach(
        in,
        source,
        object -> {
          AccountVerdict v = parse(object);
          if (byAccount.put(v.accountId(), v) != null) {
            duplicates[0]++;
          }
        });
    return new VerdictSet(source, byAccount, duplicates[0]);
  }

  private static AccountVerdict parse(JsonNode object) {
    String accountId = JsonLines.requiredText(object, "account_id");
    String wire = JsonLines.requiredText(object, "verdict");
    Verdict verdict;
    try {
      verdict = Verdict.fromWire(wire);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + ": " + JsonLines.quote(wire), e);
    }
    JsonNode score = object.get("score");
    if (score == null || score.isNull()) {
      throw new IllegalArgumentException("score is missing");
    }
    if (!score.isNumber()) {
      throw new IllegalArgumentException("score is not a number");
    }
    String campaignId = JsonLines.optionalText(object, "campaign_id");
    return new AccountVerdict(
        accountId,
        verdict,
        score.doubleValue(),
        campaignId == null || campaignId.isEmpty() ? null : campaignId,
        JsonLines.optionalTime(object, "first_flagged_at"),
        List.of());
  }
}
