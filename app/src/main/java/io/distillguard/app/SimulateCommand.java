package io.distillguard.app;

import io.distillguard.sim.SimulationConfig;
import io.distillguard.sim.SimulationResult;
import io.distillguard.sim.Simulator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code distillguard simulate}: writes realistic API traffic with ground truth (see {@link Simulator}). */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes simulated LLM API traffic with ground truth to --out:",
      "  events.jsonl      event format v1 (events.jsonl.gz with --gzip)",
      "  labels.jsonl      one line per account: class attack|benign|allowed, group",
      "  scenario.json     the plan, with actual counts per campaign and persona",
      "  allowlist.txt     the allowed partner, in the scan allowlist format",
      "The same seed and options give byte-identical files.",
      "",
      "Scale: --scale 1 is the default scenario, about 1 million events and 6,000",
      "accounts over 7 days. Accounts grow linearly with the scale, events with",
      "scale and duration (per-account rates are fixed): --scale 16 gives about",
      "16 million events with 24,000+ attack accounts. Campaign phases sit at the",
      "same fractions of the period; frontier-large-2 is released half way through.",
      "",
      "Attack campaigns (class attack):",
      "  cot-harvest           synchronized bursts: reasoning reconstruction, rubric",
      "                        grading, sensitive-question rewriting",
      "  agentic-harvest       tool use, data analysis, computer use over many",
      "                        access paths; later reasoning-trace extraction",
      "  coding-agent-harvest  agentic coding; half its accounts move to the new",
      "                        model within 24 h of its release",
      "  hydra-reseller        churning reseller accounts mixing harvest with real",
      "                        customers behind residential proxies",
      "  low-and-slow          a thousand accounts at ~25 requests a day each",
      "  paraphrased-cot       composed, partly non-English reasoning coercion",
      "Benign personas (class benign): general (4,000 ordinary customers) and the",
      "hard negatives rag-app, coding-agent-product, university-class, eval-team,",
      "shared-payment-company. Allowed (on the allowlist): allowed-partner.",
      "",
      "--evasive: the campaigns evade the known tells as an adaptive operator",
      "would. Each attack account gets an ordinary customer's user agent, TLS",
      "fingerprint and access path, a home address in a customer's country (hydra",
      "keeps its rotating residential proxies), its own payment fingerprint and a",
      "creation date spread over the 60 days before it starts; starts shift by up",
      "to 12 hours, cot-harvest's accounts send on their own instead of in",
      "synchronized rounds, and every second account of a campaign that ran around",
      "the clock follows a person's daily cycle in its own time zone. Prompts,",
      "volumes, budgets, the model pivot, campaign sizes, personas and labels stay;",
      "scenario.json then records \"evasive\": true.",
      "",
      "--shared-tool-users adds a benign persona (hard negative): about 200",
      "unrelated developers who each run the same open-source coding agent with",
      "their own key, from their own networks, on their own daily cycle; their",
      "tasks, tools and output limits are those a coding-agent campaign also",
      "sends. scenario.json then records \"shared_tool_users\": true.",
      "",
      "--wording DIR replaces the harvest campaigns' and the students' wrappers",
      "with templates written elsewhere, for a held-out wording test: elicit.jsonl",
      "(low-and-slow, slot {q}), reconstruct.jsonl (cot-harvest, slots {q} and",
      "{a}), system.jsonl (cot-harvest system prompts), student.jsonl",
      "(university-class, slot {q}); one {\"template\": ...} per line, a missing",
      "file keeps the simulator's own. scenario.json then records the folder name.",
      "",
      "Prompt text comes from a bundled sample of permissively licensed public",
      "prompt sets (see NOTICE); --corpus reads the same layout (<set>.jsonl or",
      "<set>.jsonl.gz) from a folder instead, e.g. shared/data/prompts.",
      ""
    })
public final class SimulateCommand implements Callable<Integer> {

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--scale",
      paramLabel = "F",
      defaultValue = "1.0",
      description = "Scenario size; 1 = ~1M events, 6k accounts per 7 days (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder, created if missing.")
  Path out;

  @Option(
      names = "--days",
      paramLabel = "D",
      defaultValue = "7",
      description = "Simulated period in days, fractions allowed (default: ${DEFAULT-VALUE}).")
  double days;

  @Option(
      names = "--start",
      paramLabel = "T",
      defaultValue = "2026-03-02T00:00:00Z",
      description = "Start of the period, RFC 3339 UTC (default: ${DEFAULT-VALUE}).")
  Instant start;

  @Option(names = "--gzip", description = "Write events.jsonl.gz instead of events.jsonl.")
  boolean gzip;

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      description = "Prompt folder in the shared layout instead of the bundled sample.")
  Path corpus;

  @Option(
      names = "--max-events",
      paramLabel = "N",
      defaultValue = "0",
      description = "Stop after N events (0 = no cap; default: ${DEFAULT-VALUE}).")
  long maxEvents;

  @Option(
      names = "--evasive",
      description = "Attack campaigns adopt an adaptive operator's evasions (see above).")
  boolean evasive;

  @Option(
      names = "--shared-tool-users",
      description = "Add developers who share one open-source coding agent, a hard negative (see above).")
  boolean sharedToolUsers;

  @Option(
      names = "--wording",
      paramLabel = "DIR",
      description = "Harvest and homework wrappers from DIR instead of the simulator's (see above).")
  Path wording;

  @Option(names = "--quiet", description = "No progress lines on standard error.")
  boolean quiet;

  public SimulateCommand() {}

  @Override
  public Integer call() {
    if (corpus != null && !Files.isDirectory(corpus)) {
      throw new IllegalArgumentException("--corpus is not a folder: " + corpus);
    }
    if (!(days > 0)) {
      throw new IllegalArgumentException("--days must be positive, was " + days);
    }
    Duration duration = Duration.ofMillis(Math.round(days * 86_400_000d));
    SimulationConfig cfg =
        new SimulationConfig(seed, scale, start, duration, gzip, corpus, out, maxEvents, evasive,
            sharedToolUsers, wording);
    PrintStream err = System.err;
    SimulationResult r =
        Simulator.run(
            cfg,
            p -> {
              if (!quiet) {
                err.printf("simulate: %,d events, %,.0f events/s, simulated time %s%n", p.events(),
                    p.eventsPerSecond(), p.simulatedTime());
              }
            });
    err.printf(
        "simulate: wrote %,d events, %,d accounts (%,d attack) in %.1f s (%,.0f events/s)%n", r.events(),
        r.accounts(), r.attackAccounts(), r.seconds(), r.eventsPerSecond());
    err.printf(
        "simulate: %s %s (%s uncompressed)%n", r.files().get(0), human(r.bytes()), human(r.uncompressedBytes()));
    for (Path f : r.files().subList(1, r.files().size())) {
      err.printf("simulate: %s%n", f);
    }
    return 0;
  }

  private static String human(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format("%.2f GiB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format("%.1f MiB", bytes / (double) (1L << 20));
    }
    return String.format("%.1f KiB", bytes / 1024.0);
  }
}
