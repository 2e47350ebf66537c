/**
 * Stage 6, out: writes what a run concluded as the files of {@code spec/scan-v1.md} (verdicts, campaigns, summary,
 * rejects, a self-contained HTML report). Everything rendered from events is escaped; no raw prompt leaves except
 * as a truncated, escaped evidence sample.
 */
package io.distillguard.report;
