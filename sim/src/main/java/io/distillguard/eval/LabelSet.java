package io.distillguard.eval;

import java.util.Map;
import java.util.Objects;

/**
 * The labels read from one file, keyed by account id, and how many lines repeated an account already seen (the last
 * line for an account wins).
 */
public record LabelSet(String source, Map<String, Label> byAccount, int duplicateLines) {
  public LabelSet {
    Objects.requireNonNull(source, "source");
    byAccount = Map.copyOf(byAccount);
    byAccount.forEach(
        (id, label) -> {
          if (!id.equals(label.accountId())) {
            throw new IllegalArgumentException("key " + id + " holds the label of " + label.accountId());
          }
        });
    if (duplicateLines < 0) {
      throw new IllegalArgumentException("duplicateLines < 0: " + duplicateLines);
    }
  }
}
