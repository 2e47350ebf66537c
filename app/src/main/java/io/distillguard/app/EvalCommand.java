package io.distillguard.app;

import io.distillguard.eval.EvalReport;
import io.distillguard.eval.Evaluator;
import io.distillguard.eval.InputFormatException;
import io.distillguard.eval.JsonRenderer;
import io.distillguard.eval.LabelReader;
import io.distillguard.eval.LabelSet;
import io.distillguard.eval.Scenario;
import io.distillguard.eval.ScenarioReader;
import io.distillguard.eval.TableRenderer;
import io.distillguard.eval.VerdictReader;
import io.distillguard.eval.VerdictSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code distillguard eval}: scores a scan's verdicts against the simulator's ground truth and prints the report as
 * tables or JSON. Exit status 0 whenever the evaluation ran, whether or not the targets pass; 2 with a one-line
 * reason when an input could not be read or the JSON could not be written.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpWidth = 110,
    description = {
      "Scores verdicts.jsonl from `scan` against labels.jsonl (and scenario.json) from `simulate`, and checks",
      "the project's targets. Prints fixed-width tables by default, JSON with --json.",
      "",
      "Every labelled account is evaluated once; a labelled account without a verdict counts as benign, a",
      "verdict for an unlabelled account is ignored, a repeated account keeps its last line (all three are",
      "counted under Coverage).",
      "",
      "Accounts: positive = labelled attack. TP, FP, FN, TN, precision, recall and F1, once with verdict attack",
      "  as the prediction and once with attack or suspicious ('flagged'). With no predictions precision is",
      "  100%%, with no attack accounts recall is 100%% (the counts beside them show it); no value is ever NaN.",
      "  Also the verdicts given to each label class.",
      "Campaign families: each attack label group is a campaign; its family comes from the scenario (without",
      "  one, family = campaign). Recall (verdict attack), suspicious count, pace, and time to first flag =",
      "  first_flagged_at minus the campaign's start (scenario), over the accounts that ever reached attack:",
      "  earliest, median and p90 (nearest rank: always an observed time), and the family's floor: the median",
      "  first request of those accounts (or the start, if later), below which no detector's median can go.",
      "  Per campaign also the median and p90 from each flagged account's own first request (labels'",
      "  first_request_at, when present): how long an account that joins late harvests before it is caught.",
      "Benign personas: each benign label group, with its share of accounts judged attack and suspicious;",
      "  hard negatives (scenario hard_negative) listed first and marked.",
      "Allowlist: accounts labelled allowed without verdict allowed (violations), and verdict allowed given",
      "  to accounts not labelled allowed.",
      "Grouping: per family, the share of its attack-verdict accounts in its most common campaign_id (accounts",
      "  without one count as not grouped). Detected campaigns (distinct campaign_id): their labelled members,",
      "  the share labelled benign or allowed, and each one's dominant label group.",
      "Targets (PASS/FAIL per line, never the exit status): precision >= 99.5%%, recall >= 98%%, every family",
      "  recall >= 95%%, every benign persona attack rate <= 0.5%% and no single-account persona judged attack,",
      "  no allowlist violation, grouping >= 95%% per family, <= 1%% benign or allowed in detected campaigns,",
      "  median time to first flag <= 6 h (high_volume) or <= 48 h (low_and_slow).",
      "",
      "Exit status: 0 when the evaluation ran, 2 with a one-line reason when an input could not be read.",
      ""
    })
public final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--labels",
      required = true,
      paramLabel = "FILE",
      description = "Ground truth from the simulator: labels.jsonl (account_id, class, group).")
  Path labels;

  @Option(
      names = "--verdicts",
      required = true,
      paramLabel = "FILE",
      description = "verdicts.jsonl written by scan, or the scan --out folder that holds it.")
  Path verdicts;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "scenario.json from the simulator (families, paces, start times, hard negatives). "
          + "Default: scenario.json beside --labels, when there is one.")
  Path scenario;

  @Option(names = "--json", description = "Print the report as JSON instead of tables.")
  boolean json;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON report to FILE.")
  Path out;

  public EvalCommand() {}

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    EvalReport report;
    Path reading = labels;
    try {
      LabelSet labelSet = LabelReader.read(labels);
      reading = Files.isDirectory(verdicts) ? verdicts.resolve("verdicts.jsonl") : verdicts;
      VerdictSet verdictSet = VerdictReader.read(reading);
      reading = scenario != null ? scenario : ScenarioReader.besides(labels).orElse(null);
      Scenario sc = reading == null ? null : ScenarioReader.read(reading);
      report = new Evaluator().evaluate(labelSet, verdictSet, sc);
    } catch (InputFormatException e) {
      return fail(stderr, e.getMessage());
    } catch (IOException e) {
      return fail(stderr, "cannot read " + describe(reading, e));
    } catch (UncheckedIOException e) {
      return fail(stderr, "cannot read " + describe(reading, e.getCause()));
    }
    String jsonText = json || out != null ? JsonRenderer.render(report) : null;
    if (out != null) {
      try {
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) {
          Files.createDirectories(dir);
        }
        Files.writeString(out, jsonText, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return fail(stderr, "cannot write " + describe(out, e));
      }
    }
    stdout.print(json ? jsonText : TableRenderer.render(report));
    stdout.flush();
    return 0;
  }

  private static int fail(PrintWriter stderr, String reason) {
    stderr.println("distillguard eval: " + reason.replace('\n', ' '));
    stderr.flush();
    return 2;
  }

  private static String describe(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return file + ": no such file";
    }
    if (e instanceof AccessDeniedException) {
      return file + ": permission denied";
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    return m.startsWith(String.valueOf(file)) ? m : file + ": " + m;
  }
}
