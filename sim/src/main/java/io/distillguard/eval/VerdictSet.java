package io.distillguard.eval;

import io.distillguard.scoring.AccountVerdict;
import java.util.Map;
import java.util.Objects;

/**
 * The verdicts read from one file, keyed by account id, and how many lines repeated an account already seen (the
 * last line for an account wins).
 */
public record VerdictSet(String source, Map<String, AccountVerdict> byAccount, int duplicateLines) {
  public VerdictSet {
    Objects.requireNonNull(source, "source");
    byAccount = Map.copyOf(byAccount);
    byAccount.forEach(
        (id, verdict) -> {
          if (!id.equals(verdict.accountId())) {
            throw new IllegalArgumentException("key " + id + " holds the verdict of " + verdict.accountId());
          }
        });
    if (duplicateLines < 0) {
      throw new IllegalArgumentException("duplicateLines < 0: " + duplicateLines);
    }
  }
}
