package io.distillguard.app;

import io.distillguard.linking.Campaign;
import io.distillguard.policy.Allowlist;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.service.decide.Action;
import io.distillguard.service.decide.Decision;
import io.distillguard.service.decide.DecisionPolicy;
import io.distillguard.service.policy.PolicyException;
import io.distillguard.service.policy.PolicyRules;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code distillguard policy}: work with CEL policy rule files. */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Validate and backtest policy rule files (CEL) before a service loads them.",
    subcommands = {PolicyCommand.Check.class, PolicyCommand.Test.class})
final class PolicyCommand implements Runnable {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static PolicyRules load(Path rules, PrintWriter err) {
    try {
      return PolicyRules.compile(Files.readString(rules, StandardCharsets.UTF_8), 1);
    } catch (PolicyException e) {
      err.println("distillguard policy: " + rules + ": " + e.getMessage());
      return null;
    } catch (java.io.IOException e) {
      err.println("distillguard policy: cannot read " + rules + ": " + e.getMessage());
      return null;
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true, description = "Compiles a rule file; exit 1 when it is bad.")
  static final class Check implements Callable<Integer> {
    @Option(names = "--rules", required = true, paramLabel = "FILE", description = "Rule file (JSON with CEL rules).")
    Path rules;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PolicyRules r = load(rules, spec.commandLine().getErr());
      if (r == null) {
        return 1;
      }
      spec.commandLine().getOut().printf("%s: %d rules, valid%n", rules, r.rules().size());
      return 0;
    }
  }

  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = "Backtests a rule file against a log: scans it (as `scan` does), then lists the accounts whose"
          + " action the rules change, and the count of accounts per action with and without the rules.")
  static final class Test implements Callable<Integer> {
    @Option(names = "--rules", required = true, paramLabel = "FILE", description = "Rule file (JSON with CEL rules).")
    Path rules;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "PATH", description = "Event logs.")
    List<Path> inputs;

    @Option(names = "--allowlist", paramLabel = "FILE") Path allowlist;

    @Option(names = "--config", paramLabel = "FILE", description = "Scan settings, as for `scan`.") Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Also keep the scan's output files here.") Path out;

    @Option(names = "--limit", defaultValue = "50", description = "Changed accounts listed (default ${DEFAULT-VALUE}).")
    int limit;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter o = spec.commandLine().getOut();
      PolicyRules r = load(rules, spec.commandLine().getErr());
      if (r == null) {
        return 1;
      }
      ScanConfig cfg = config == null ? ScanConfig.defaults() : ScanConfig.read(config);
      Allowlist allow = allowlist == null ? Allowlist.empty() : Allowlist.read(allowlist);
      Path dir = out != null ? out : Files.createTempDirectory("dg-policy-test");
      ScanJob.Outcome scan;
      try {
        scan = new ScanJob(inputs, dir, allow, cfg, Progress.NONE).run();
      } finally {
        if (out == null) {
          try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
          }
        }
      }
      // as the service decides: an account's campaign is the one it is linked into, whatever that campaign's verdict
      Map<String, Campaign> campaignOf = new HashMap<>();
      scan.result().campaigns().forEach(c -> c.accounts().forEach(a -> campaignOf.put(a, c)));
      DecisionPolicy base = DecisionPolicy.defaults();
      Map<Action, Integer> before = new EnumMap<>(Action.class);
      Map<Action, Integer> after = new EnumMap<>(Action.class);
      List<String> changed = new ArrayList<>();
      Map<String, Integer> errors = new HashMap<>();
      int changes = 0;
      for (AccountVerdict v : scan.result().verdicts()) {
        Campaign c = campaignOf.get(v.accountId());
        Decision d0 = base.decide(v.accountId(), v, c, scan.result().watermark(), PolicyRules.none(), e -> { });
        Decision d1 = base.decide(v.accountId(), v, c, scan.result().watermark(), r, e -> errors.merge(e, 1, Integer::sum));
        before.merge(d0.action(), 1, Integer::sum);
        after.merge(d1.action(), 1, Integer::sum);
        if (d0.action() != d1.action()) {
          changes++;
          if (changed.size() < limit) {
            changed.add(String.format("%-28s %-11s %5.2f  %-8s -> %-8s %s", v.accountId(), v.verdict().wireName(),
                v.score(), d0.action().wireName(), d1.action().wireName(), d1.rule()));
          }
        }
      }
      o.printf("%s against %,d accounts (%,d events):%n", rules, scan.result().verdicts().size(),
          scan.summary().events());
      o.printf("%-10s %10s %10s%n", "action", "default", "with rules");
      for (Action a : Action.values()) {
        o.printf("%-10s %,10d %,10d%n", a.wireName(), before.getOrDefault(a, 0), after.getOrDefault(a, 0));
      }
      o.printf("%,d accounts change action%s%n", changes, changes > changed.size() ? " (first " + changed.size()
          + " listed)" : "");
      if (!changed.isEmpty()) {
        o.printf("%-28s %-11s %5s  %-8s    %-8s %s%n", "account", "verdict", "score", "default", "rules", "rule");
        changed.forEach(o::println);
      }
      errors.forEach((rule, n) -> o.printf("rule \"%s\" failed to evaluate for %,d accounts (use has())%n", rule, n));
      o.flush();
      return 0;
    }
  }
}
