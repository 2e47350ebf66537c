package io.distillguard.service.label;

import io.distillguard.service.decide.Action;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * An analyst's label on an account. {@code CONFIRM} enforces (block) whatever the verdict; {@code DISMISS} (a false
 * positive) and {@code ALLOWLIST} allow, and detection treats the account as allowlisted from {@code appliedSeq} of
 * the event log on, so its traffic stops shaping family and campaign scores. The latest label of an account counts.
 */
public record Label(long id, String accountId, Kind kind, String note, String author, Instant createdAt,
    long appliedSeq) {

  public enum Kind {
    CONFIRM(Action.BLOCK), DISMISS(Action.ALLOW), ALLOWLIST(Action.ALLOW);

    public final Action action;

    Kind(Action action) {
      this.action = action;
    }

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Whether detection should stop treating the account as a possible attacker. */
    public boolean allows() {
      return this != CONFIRM;
    }

    public static Optional<Kind> parse(String s) {
      for (Kind k : values()) {
        if (k.wireName().equals(s)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }
}
