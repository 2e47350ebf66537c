package io.distillguard.scoring;

import java.util.Locale;
import java.util.Set;

/**
 * The signal families the detector combines, by the reason names they produce. Configuration can switch a family
 * off ({@code detection.disabled_signals}), which is how the ablation table in the README is measured.
 */
public enum SignalGroup {
  /** Shared suspicious template families (account evidence and family links). */
  FAMILIES(Set.of("shared_template_family")),
  /** Lockstep on template-family sets. */
  LOCKSTEP(Set.of("lockstep_families")),
  /**
   * Links through payment fingerprints and IP ranges; addresses rotated through a proxy pool; requests sent straight
   * from hosting networks.
   */
  INFRASTRUCTURE(Set.of("shared_infrastructure", "rotating_addresses", "shared_client_configuration",
      "hosting_network")),
  /** What requests ask for: chain-of-thought, reconstruction, capability concentration. */
  CONTENT(Set.of("cot_elicitation", "reasoning_reconstruction", "capability_concentration")),
  /** Daily rhythm: around the clock, or a human cycle. */
  RHYTHM(Set.of("no_daily_cycle", "human_daily_cycle")),
  /** Maximal budgets and new accounts at full throughput. */
  VOLUME(Set.of("maximal_budgets", "new_account_full_throughput")),
  /** Campaign coordination: shared payment, creation batches, synchronized activity, model pivot. */
  COORDINATION(Set.of("shared_payment", "batch_created", "synchronized_activity", "model_pivot"));

  private final Set<String> signals;

  SignalGroup(Set<String> signals) {
    this.signals = signals;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the reason named {@code signal} belongs to this group. */
  public boolean covers(String signal) {
    return signals.contains(signal);
  }

  /** Parses a wire name; throws {@link IllegalArgumentException} listing the known ones. */
  public static SignalGroup fromWire(String s) {
    for (SignalGroup g : values()) {
      if (g.wireName().equals(s)) {
        return g;
      }
    }
    throw new IllegalArgumentException("unknown signal group '" + s
        + "' (known: families, lockstep, infrastructure, content, rhythm, volume, coordination)");
  }
}
