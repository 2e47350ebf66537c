package io.distillguard.scoring;

import java.time.Duration;

/**
 * The detector's thresholds and cadence, from configuration. {@code attackThreshold} and {@code suspiciousThreshold}
 * turn scores into verdicts; {@code evaluateEvery} is the event-time grid on which linking and scoring run (verdicts
 * and {@code first_flagged_at} change only on this grid, so a scan of a log cut at a grid point reproduces the full
 * run's verdicts at that point).
 */
public record DetectionConfig(double attackThreshold, double suspiciousThreshold, Duration evaluateEvery,
    int minAttackRequests, java.util.Set<SignalGroup> disabled) {

  public DetectionConfig(double attackThreshold, double suspiciousThreshold, Duration evaluateEvery,
      int minAttackRequests) {
    this(attackThreshold, suspiciousThreshold, evaluateEvery, minAttackRequests, java.util.Set.of());
  }

  public DetectionConfig {
    disabled = disabled == null ? java.util.Set.of() : java.util.Set.copyOf(disabled);
    if (!(suspiciousThreshold > 0 && suspiciousThreshold < attackThreshold && attackThreshold <= 1)) {
      throw new IllegalArgumentException(
          "need 0 < suspicious threshold < attack threshold <= 1: " + suspiciousThreshold + ", " + attackThreshold);
    }
    if (evaluateEvery.isNegative() || evaluateEvery.isZero() || evaluateEvery.toMinutes() < 1) {
      throw new IllegalArgumentException("evaluate_every must be at least one minute: " + evaluateEvery);
    }
    if (minAttackRequests < 1) {
      throw new IllegalArgumentException("min_attack_requests must be positive: " + minAttackRequests);
    }
  }

  public static DetectionConfig defaults() {
    return new DetectionConfig(0.7, 0.4, Duration.ofMinutes(30), 10);
  }

  /** Whether a signal group is switched on. */
  public boolean enabled(SignalGroup g) {
    return !disabled.contains(g);
  }

  /** Whether the reason named {@code signal} may contribute (its group is not switched off). */
  public boolean allows(String signal) {
    for (SignalGroup g : disabled) {
      if (g.covers(signal)) {
        return false;
      }
    }
    return true;
  }

  /** The verdict a score earns (the allowlist is applied by the caller). */
  public Verdict verdictFor(double score, long requests) {
    return verdictFor(score, requests, minAttackRequests);
  }

  /** As above with another request minimum for {@code attack} (at most {@link #minAttackRequests}). */
  public Verdict verdictFor(double score, long requests, int minRequests) {
    if (score >= attackThreshold && requests >= Math.min(minRequests, minAttackRequests)) {
      return Verdict.ATTACK;
    }
    return score >= suspiciousThreshold ? Verdict.SUSPICIOUS : Verdict.BENIGN;
  }
}
