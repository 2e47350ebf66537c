package io.distillguard.service.decide;

import java.util.Locale;
import java.util.Optional;

/** What a gateway should do with an account's next requests, from least to most severe. */
public enum Action {
  ALLOW, REVIEW, THROTTLE, DEGRADE, BLOCK;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Action> parse(String s) {
    for (Action a : values()) {
      if (a.wireName().equals(s)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
