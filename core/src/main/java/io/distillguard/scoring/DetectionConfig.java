package io.distillguard.scoring;

import java.time.Duration;

/**
 * The detector's thresholds and cadence, from configuration. {@code attackThreshold} and {@code suspiciousThreshold}
 * turn scores into verdicts; {@code evaluateEvery} is the event-time grid on which linking and scoring run (verdicts
 * and {@code first_flagged_at} change only on this grid, so a scan of a log cut at a grid point reproduces the full
 * run's verdicts at that point).
 */
public record DetectionConfig(double attackThreshold, double suspiciousThreshold, Duration evaluateEvery,
    int minAttackRequests) {

  public DetectionConfig {
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

  /** The verdict a score earns (the allowlist is applied by the caller). */
  public Verdict verdictFor(double score, long requests) {
    if (score >= attackThreshold && requests >= minAttackRequests) {
      return Verdict.ATTACK;
    }
    return score >= suspiciousThreshold ? Verdict.SUSPICIOUS : Verdict.BENIGN;
  }
}
