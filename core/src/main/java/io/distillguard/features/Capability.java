package io.distillguard.features;

import java.util.Locale;

/**
 * What a request asks the model to do. Distillation campaigns concentrate on the capabilities worth most as training
 * data (reasoning, coding, agentic tool use), far narrower than an ordinary customer's mix. The wire name is the
 * lower-case constant name.
 */
public enum Capability {
  REASONING,
  CODING,
  AGENTIC_TOOL_USE,
  COMPUTER_USE,
  RUBRIC_GRADING,
  POLICY_REWRITE,
  GENERAL;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wire;
  }

  /** Whether the capability is one that distillation campaigns harvest for training data. */
  public boolean isHarvestTarget() {
    return this != GENERAL;
  }
}
