package io.distillguard.report;

import java.util.Map;
import java.util.Objects;

/**
 * {@code summary.json}: what a scan read and concluded. {@code linesRead} counts non-blank input lines,
 * {@code events} the events processed after dedupe, {@code late} those that arrived past the out-of-order bound.
 */
public record ScanSummary(
    long files,
    long linesRead,
    long bytesRead,
    long events,
    long rejected,
    long duplicates,
    long late,
    long accounts,
    long campaigns,
    Map<String, Long> verdicts,
    double wallSeconds,
    double eventsPerSecond,
    String firstEventTs,
    String lastEventTs) {

  public ScanSummary {
    Objects.requireNonNull(verdicts, "verdicts");
    verdicts = Map.copyOf(verdicts);
  }
}
