package io.distillguard.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One labelled group of accounts: an attack campaign or a persona. Holds its plan (window, description, extra facts
 * for {@code scenario.json}) and the counts of what was actually generated for it.
 */
final class Population {

  enum Label {
    ATTACK,
    BENIGN,
    ALLOWED;

    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  final String name;
  /** Campaign family for attacks, {@code null} for personas. */
  final String family;
  final Label label;
  /** {@code high_volume} or {@code low_and_slow} for attacks, {@code null} for personas. */
  final String pace;
  final boolean hardNegative;
  final String description;
  final long start;
  final long end;
  /** Extra facts for the scenario file, in insertion order; values are strings, numbers, booleans or lists. */
  final Map<String, Object> extra = new LinkedHashMap<>();

  final List<SimAccount> accounts = new ArrayList<>();
  long events;
  long firstEvent = Long.MAX_VALUE;
  long lastEvent = Long.MIN_VALUE;

  Population(
      String name,
      String family,
      Label label,
      String pace,
      boolean hardNegative,
      String description,
      long start,
      long end) {
    if (start >= end) {
      throw new IllegalArgumentException(name + ": empty window");
    }
    this.name = name;
    this.family = family;
    this.label = label;
    this.pace = pace;
    this.hardNegative = hardNegative;
    this.description = description;
    this.start = start;
    this.end = end;
  }

  boolean isCampaign() {
    return label == Label.ATTACK;
  }

  int accountsWithEvents() {
    int n = 0;
    for (SimAccount a : accounts) {
      if (a.events > 0) {
        n++;
      }
    }
    return n;
  }
}
