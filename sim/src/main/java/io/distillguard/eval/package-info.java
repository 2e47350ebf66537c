/**
 * Evaluation: scores a run's {@code verdicts.jsonl} against a simulator's ground truth ({@code labels.jsonl}, and
 * {@code scenario.json} when present). Consumes those files; produces an {@link io.distillguard.eval.EvalReport},
 * rendered as a fixed-width table or as JSON, with the issue-3 targets checked line by line.
 */
package io.distillguard.eval;
