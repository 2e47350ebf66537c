package io.distillguard.app;

import io.distillguard.policy.Allowlist;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code distillguard scan}: the batch contract of {@code spec/scan-v1.md}. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Reads event-v1 logs, processes them in event-time order as a live stream would, and writes one verdict",
      "per account (attack, suspicious, benign, allowed) with its reasons, the campaigns found, a summary and an",
      "HTML report to --out.",
      "",
      "Files written: verdicts.jsonl, campaigns.jsonl, summary.json, report.html, and rejects.jsonl when some",
      "lines could not be read (file, line, reason). Rejected lines never stop the run.",
      "Exit status: 0 when the run completed, 2 with a one-line reason when it could not run.",
      ""
    })
final class ScanCommand implements Callable<Integer> {

  @Option(
      names = "--input",
      required = true,
      paramLabel = "PATH",
      description = "An event-v1 JSON Lines file (.jsonl or .jsonl.gz) or a folder of them. Repeatable.")
  List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder, created if missing.")
  Path out;

  @Option(
      names = "--allowlist",
      paramLabel = "FILE",
      description = "Accounts and orgs that may distil under an agreement: lines 'account:<id>' or 'org:<id>'.")
  Path allowlist;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings in properties syntax (reader.max_line_bytes, reader.max_out_of_order, ...).")
  Path config;

  @Option(names = "--quiet", description = "No progress lines on standard error.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    ScanConfig cfg = config == null ? ScanConfig.defaults() : ScanConfig.read(config);
    Allowlist allow = allowlist == null ? Allowlist.empty() : Allowlist.read(allowlist);
    Progress progress = quiet ? Progress.NONE : Progress.toStderr();
    ScanJob.Outcome o = new ScanJob(inputs, out, allow, cfg, progress).run();
    if (!quiet) {
      System.err.printf(
          "scan: %,d events (%,d rejected, %,d duplicates, %,d late), %,d accounts, %,d campaigns in %.1f s"
              + " (%,.0f events/s) -> %s%n",
          o.summary().events(), o.summary().rejected(), o.summary().duplicates(), o.summary().late(),
          o.summary().accounts(), o.summary().campaigns(), o.summary().wallSeconds(),
          o.summary().eventsPerSecond(), out);
    }
    return 0;
  }
}
