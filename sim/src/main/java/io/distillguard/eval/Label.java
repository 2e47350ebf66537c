package io.distillguard.eval;

import java.util.Objects;

/**
 * One line of {@code labels.jsonl} ({@code spec/events-v1.md}, "Ground truth"): an account, its true class, and the
 * campaign or persona it belongs to.
 */
public record Label(String accountId, LabelClass labelClass, String group) {
  public Label {
    Objects.requireNonNull(accountId, "account_id");
    Objects.requireNonNull(labelClass, "class");
    Objects.requireNonNull(group, "group");
    if (accountId.isEmpty()) {
      throw new IllegalArgumentException("account_id is empty");
    }
    if (group.isEmpty()) {
      throw new IllegalArgumentException("group is empty");
    }
  }
}
