package io.distillguard.service.label;

import io.distillguard.service.decide.Action;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * An analyst's label on an account or a whole campaign ({@code target}; {@code subject} is the account or campaign
 * id). {@code CONFIRM} (also accepted as {@code block}), {@code THROTTLE} and {@code DEGRADE} enforce that action
 * whatever the verdict; {@code DISMISS} (a false positive) and {@code ALLOWLIST} allow, and detection treats the
 * account as allowlisted from {@code appliedSeq} of the event log on, so its traffic stops shaping family and campaign
 * scores; {@code CLEAR} withdraws earlier labels (the verdict decides again). For an account, the newest label that
 * names it or its current campaign counts.
 */
public record Label(long id, Target target, String subject, Kind kind, String note, String author, Instant createdAt,
    long appliedSeq) {

  /** What a label names. */
  public enum Target {
    ACCOUNT, CAMPAIGN;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Target> parse(String s) {
      for (Target t : values()) {
        if (t.wireName().equals(s)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  public enum Kind {
    CONFIRM(Action.BLOCK), THROTTLE(Action.THROTTLE), DEGRADE(Action.DEGRADE), DISMISS(Action.ALLOW),
    ALLOWLIST(Action.ALLOW), CLEAR(null);

    /** The action the label imposes; null for {@code CLEAR} (the verdict and the rules decide). */
    public final Action action;

    Kind(Action action) {
      this.action = action;
    }

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Whether detection should stop treating the account as a possible attacker. */
    public boolean allows() {
      return this == DISMISS || this == ALLOWLIST;
    }

    public static Optional<Kind> parse(String s) {
      if ("block".equals(s)) {
        return Optional.of(CONFIRM);
      }
      for (Kind k : values()) {
        if (k.wireName().equals(s)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }

    /** The names {@link #parse} accepts, for error messages. */
    public static String names() {
      return "confirm (or block), throttle, degrade, dismiss, allowlist, clear";
    }
  }
}
