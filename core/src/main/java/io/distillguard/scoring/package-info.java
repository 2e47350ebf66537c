/**
 * Stage 5, scoring: turns signals into account and campaign scores, each a sum of named contributions kept as
 * {@link io.distillguard.scoring.Reason}s, and scores into {@link io.distillguard.scoring.Verdict}s by configured
 * thresholds. Produces {@link io.distillguard.scoring.AccountVerdict} records for the output stage.
 */
package io.distillguard.scoring;
