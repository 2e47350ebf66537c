package io.distillguard.eval;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of {@code labels.jsonl} ({@code spec/events-v1.md}, "Ground truth"): an account, its true class, the
 * campaign or persona it belongs to, and (optional, {@code null} when absent) the time of its first request.
 */
public record Label(String accountId, LabelClass labelClass, String group, Instant firstRequestAt) {

  /** A label without the account's first request time. */
  public Label(String accountId, LabelClass labelClass, String group) {
    this(accountId, labelClass, group, null);
  }

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
