package io.distillguard.eval;

import io.distillguard.eval.EvalReport.Comparison;
import io.distillguard.eval.EvalReport.Target;
import io.distillguard.eval.EvalReport.Unit;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Scores verdicts against labels, optionally with the scenario that generated them, into an {@link EvalReport}, and
 * checks the report against {@link Targets}. The universe is the labelled accounts: a labelled account without a
 * verdict is evaluated as {@code benign}, a verdict for an unlabelled account is counted and ignored. Campaigns are
 * the label groups of class attack, personas those of class benign; a campaign's family is the scenario's {@code
 * family} for it, or its own name. Report lists are sorted: campaigns and families by name, personas hard negatives
 * first and then by name, detected campaigns by size (largest first) and then id.
 */
public final class Evaluator {

  private static final int SAMPLE = 10;

  private final Targets targets;

  /** Checks against {@link Targets#ISSUE_3}. */
  public Evaluator() {
    this(Targets.ISSUE_3);
  }

  public Evaluator(Targets targets) {
    this.targets = Objects.requireNonNull(targets, "targets");
  }

  /** Evaluates; {@code scenario} may be {@code null}, and the report then says what it could not measure. */
  public EvalReport evaluate(LabelSet labels, VerdictSet verdicts, Scenario scenario) {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(verdicts, "verdicts");
    List<String> notes = new ArrayList<>();

    // Join: every labelled account with its verdict, a missing one counting as benign.
    List<Scored> scored = new ArrayList<>(labels.byAccount().size());
    TreeSet<String> missing = new TreeSet<>();
    for (Label label : labels.byAccount().values()) {
      AccountVerdict v = verdicts.byAccount().get(label.accountId());
      if (v == null) {
        missing.add(label.accountId());
      }
      scored.add(new Scored(label, v));
    }
    scored.sort(Comparator.comparing(s -> s.label().accountId()));
    TreeSet<String> unknown = new TreeSet<>();
    for (String id : verdicts.byAccount().keySet()) {
      if (!labels.byAccount().containsKey(id)) {
        unknown.add(id);
      }
    }
    EvalReport.Coverage coverage =
        new EvalReport.Coverage(
            labels.byAccount().size(),
            verdicts.byAccount().size(),
            missing.size(),
            first(missing),
            unknown.size(),
            first(unknown),
            labels.duplicateLines(),
            verdicts.duplicateLines());

    // Account level.
    EvalReport.Confusion attackLevel = confusion(scored, false);
    EvalReport.Confusion flaggedLevel = confusion(scored, true);
    Map<LabelClass, Map<Verdict, Integer>> byClass = new EnumMap<>(LabelClass.class);
    for (Scored s : scored) {
      byClass
          .computeIfAbsent(s.label().labelClass(), c -> new EnumMap<>(Verdict.class))
          .merge(s.verdict(), 1, Integer::sum);
    }

    // Campaigns and families.
    Map<String, List<Scored>> attackGroups = groups(scored, LabelClass.ATTACK);
    List<EvalReport.Campaign> campaigns = new ArrayList<>();
    Map<String, List<String>> familyCampaigns = new TreeMap<>();
    for (Map.Entry<String, List<Scored>> e : attackGroups.entrySet()) {
      String name = e.getKey();
      Scenario.Campaign sc = scenario == null ? null : scenario.campaign(name).orElse(null);
      if (scenario != null && sc == null) {
        notes.add("campaign group " + name + " is not in the scenario: family = group, no pace or start");
      } else if (sc != null && sc.start() == null) {
        notes.add("campaign " + name + " has no start in the scenario: no time to first flag");
      }
      String family = sc == null ? name : sc.familyOrName();
      Instant start = sc == null ? null : sc.start();
      List<Scored> members = e.getValue();
      campaigns.add(
          new EvalReport.Campaign(
              name,
              family,
              sc == null ? null : sc.pace(),
              start,
              members.size(),
              count(members, Verdict.ATTACK),
              count(members, Verdict.SUSPICIOUS),
              start == null ? null : firstFlag(delays(members, s -> start)),
              firstFlag(delays(members, s -> later(start, s.label().firstRequestAt())))));
      familyCampaigns.computeIfAbsent(family, f -> new ArrayList<>()).add(name);
    }
    List<EvalReport.Family> families = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : familyCampaigns.entrySet()) {
      families.add(family(e.getKey(), e.getValue(), campaigns, attackGroups));
    }

    // Benign personas.
    List<EvalReport.Persona> personas = new ArrayList<>();
    for (Map.Entry<String, List<Scored>> e : groups(scored, LabelClass.BENIGN).entrySet()) {
      Scenario.Persona sp = scenario == null ? null : scenario.persona(e.getKey()).orElse(null);
      if (scenario != null && sp == null) {
        notes.add("benign group " + e.getKey() + " is not in the scenario: not known whether it is a hard negative");
      }
      personas.add(
          new EvalReport.Persona(
              e.getKey(),
              sp != null && sp.hardNegative(),
              e.getValue().size(),
              count(e.getValue(), Verdict.ATTACK),
              count(e.getValue(), Verdict.SUSPICIOUS),
              (int) e.getValue().stream().filter(x -> x.firstFlaggedAt() != null).count()));
    }
    personas.sort(
        Comparator.comparing((EvalReport.Persona p) -> !p.hardNegative()).thenComparing(EvalReport.Persona::name));

    // Allowlist.
    TreeSet<String> violations = new TreeSet<>();
    int allowedAccounts = 0;
    int allowedOnOthers = 0;
    for (Scored s : scored) {
      boolean labelledAllowed = s.label().labelClass() == LabelClass.ALLOWED;
      if (labelledAllowed) {
        allowedAccounts++;
        if (s.verdict() != Verdict.ALLOWED) {
          violations.add(s.label().accountId());
        }
      } else if (s.verdict() == Verdict.ALLOWED) {
        allowedOnOthers++;
      }
    }
    EvalReport.Allowlist allowlist =
        new EvalReport.Allowlist(allowedAccounts, violations.size(), first(violations), allowedOnOthers);

    EvalReport.Detected detected = detected(scored);

    // Notes on what could not be measured or was repaired.
    if (scenario == null) {
      notes.add(0, "no scenario: family = campaign group; pace, time to first flag and hard negatives unknown");
    }
    if (!missing.isEmpty()) {
      notes.add("labelled accounts without a verdict, evaluated as benign: " + missing.size());
    }
    if (!unknown.isEmpty()) {
      notes.add("accounts with a verdict but no label, ignored: " + unknown.size());
    }
    if (labels.duplicateLines() + verdicts.duplicateLines() > 0) {
      notes.add(
          "repeated accounts (last line wins): "
              + labels.duplicateLines()
              + " in labels, "
              + verdicts.duplicateLines()
              + " in verdicts");
    }
    if (attackGroups.isEmpty()) {
      notes.add("no attack accounts in the labels: recall is vacuous");
    }

    EvalReport.Inputs inputs =
        new EvalReport.Inputs(
            labels.source(),
            verdicts.source(),
            scenario != null,
            scenario == null ? null : scenario.seed(),
            scenario == null ? null : scenario.scale());
    List<Target> checked =
        targets(attackLevel, families, campaigns, personas, allowlist, detected, notes);
    return new EvalReport(
        inputs,
        coverage,
        attackLevel,
        flaggedLevel,
        byClass,
        families,
        campaigns,
        personas,
        allowlist,
        detected,
        checked,
        notes);
  }

  private List<Target> targets(
      EvalReport.Confusion attackLevel,
      List<EvalReport.Family> families,
      List<EvalReport.Campaign> campaigns,
      List<EvalReport.Persona> personas,
      EvalReport.Allowlist allowlist,
      EvalReport.Detected detected,
      List<String> notes) {
    List<Target> out = new ArrayList<>();
    out.add(
        new Target("precision", Comparison.AT_LEAST, targets.precision(), attackLevel.precision(), Unit.RATIO));
    out.add(new Target("recall", Comparison.AT_LEAST, targets.recall(), attackLevel.recall(), Unit.RATIO));
    for (EvalReport.Family f : families) {
      out.add(
          new Target(
              "family recall: " + f.name(), Comparison.AT_LEAST, targets.familyRecall(), f.recall(), Unit.RATIO));
    }
    EvalReport.Persona worst =
        personas.stream()
            .max(Comparator.comparingDouble(EvalReport.Persona::attackRate))
            .orElse(null);
    out.add(
        new Target(
            worst == null ? "benign persona attack rate, worst" : "benign persona attack rate, worst: " + worst.name(),
            Comparison.AT_MOST,
            targets.personaAttackRate(),
            worst == null ? 0.0 : worst.attackRate(),
            Unit.RATIO));
    long singlesFlagged =
        personas.stream().filter(p -> p.accounts() == 1 && p.attack() > 0).count();
    out.add(
        new Target(
            "single-account benign personas with verdict attack",
            Comparison.AT_MOST,
            0,
            (double) singlesFlagged,
            Unit.ACCOUNTS));
    out.add(
        new Target(
            "allowed accounts without verdict allowed",
            Comparison.AT_MOST,
            0,
            (double) allowlist.violations(),
            Unit.ACCOUNTS));
    for (EvalReport.Family f : families) {
      out.add(
          new Target(
              "grouping: " + f.name(), Comparison.AT_LEAST, targets.grouping(), f.grouping().share(), Unit.RATIO));
    }
    out.add(
        new Target(
            "benign or allowed share of detected campaign members",
            Comparison.AT_MOST,
            targets.benignShareInCampaigns(),
            detected.benignOrAllowedShare(),
            Unit.RATIO));
    for (EvalReport.Family f : families) {
      if (f.pace() != null && f.firstFlag() != null) {
        out.add(firstFlagTarget("family " + f.name(), f.pace(), f.firstFlag()));
        if (f.medianFloor() != null && f.medianFloor().compareTo(targets.firstFlag(f.pace())) > 0) {
          notes.add(String.format(java.util.Locale.ROOT, "family %s: its flagged accounts' median first request is"
              + " %.1f h after the campaign's start, beyond the %.0f h target: no detector can meet it (see floor)",
              f.name(), hours(f.medianFloor()), hours(targets.firstFlag(f.pace()))));
        }
        continue;
      }
      // A family of mixed or partly unknown pace: hold each campaign to its own pace.
      for (EvalReport.Campaign c : campaigns) {
        if (!c.family().equals(f.name())) {
          continue;
        }
        if (c.pace() != null && c.firstFlag() != null) {
          out.add(firstFlagTarget("campaign " + c.name(), c.pace(), c.firstFlag()));
        } else if (c.pace() == null && c.start() != null) {
          notes.add("campaign " + c.name() + " has no known pace: no time-to-first-flag target");
        }
      }
    }
    return out;
  }

  private Target firstFlagTarget(String subject, Pace pace, EvalReport.FirstFlag ff) {
    return new Target(
        "median time to first flag: " + subject + " (" + pace.wireName() + ")",
        Comparison.AT_MOST,
        hours(targets.firstFlag(pace)),
        ff.median() == null ? null : hours(ff.median()),
        Unit.HOURS);
  }

  private static EvalReport.Family family(
      String name,
      List<String> campaignNames,
      List<EvalReport.Campaign> campaigns,
      Map<String, List<Scored>> attackGroups) {
    List<EvalReport.Campaign> mine =
        campaigns.stream().filter(c -> campaignNames.contains(c.name())).collect(Collectors.toList());
    TreeSet<Pace> paces = new TreeSet<>();
    boolean paceKnown = true;
    boolean startKnown = true;
    List<Duration> delays = new ArrayList<>();
    List<Duration> arrivals = new ArrayList<>();
    List<Scored> members = new ArrayList<>();
    for (EvalReport.Campaign c : mine) {
      if (c.pace() == null) {
        paceKnown = false;
      } else {
        paces.add(c.pace());
      }
      List<Scored> group = attackGroups.get(c.name());
      members.addAll(group);
      if (c.start() == null) {
        startKnown = false;
      } else {
        delays.addAll(delays(group, s -> c.start()));
        if (arrivals != null) {
          List<Duration> arrived = spans(group, s -> c.start(), s -> later(c.start(), s.label().firstRequestAt()));
          if (arrived == null) {
            arrivals = null; // a flagged account's first request is unknown: no floor rather than part of one
          } else {
            arrivals.addAll(arrived);
          }
        }
      }
    }
    // Grouping: where the family's attack-verdict accounts were linked.
    Map<String, Integer> byCampaignId = new HashMap<>();
    int attackAccounts = 0;
    for (Scored s : members) {
      if (s.verdict() == Verdict.ATTACK) {
        attackAccounts++;
        if (s.campaignId() != null) {
          byCampaignId.merge(s.campaignId(), 1, Integer::sum);
        }
      }
    }
    Map.Entry<String, Integer> top = top(byCampaignId);
    return new EvalReport.Family(
        name,
        campaignNames,
        paceKnown && paces.size() == 1 ? paces.first() : null,
        members.size(),
        count(members, Verdict.ATTACK),
        count(members, Verdict.SUSPICIOUS),
        startKnown ? firstFlag(delays) : null,
        new EvalReport.Grouping(attackAccounts, top == null ? null : top.getKey(), top == null ? 0 : top.getValue()),
        startKnown && arrivals != null && !arrivals.isEmpty() ? nearestRank(sorted(arrivals), 50) : null);
  }

  private static EvalReport.Detected detected(List<Scored> scored) {
    Map<String, List<Scored>> byId = new TreeMap<>();
    for (Scored s : scored) {
      if (s.campaignId() != null) {
        byId.computeIfAbsent(s.campaignId(), id -> new ArrayList<>()).add(s);
      }
    }
    List<EvalReport.DetectedCampaign> list = new ArrayList<>();
    int members = 0;
    int wrong = 0;
    for (Map.Entry<String, List<Scored>> e : byId.entrySet()) {
      Map<String, Integer> byGroup = new HashMap<>();
      Map<String, LabelClass> classOf = new HashMap<>();
      int notAttack = 0;
      for (Scored s : e.getValue()) {
        byGroup.merge(s.label().group(), 1, Integer::sum);
        classOf.putIfAbsent(s.label().group(), s.label().labelClass());
        if (s.label().labelClass() != LabelClass.ATTACK) {
          notAttack++;
        }
      }
      Map.Entry<String, Integer> top = top(byGroup);
      list.add(
          new EvalReport.DetectedCampaign(
              e.getKey(),
              e.getValue().size(),
              count(e.getValue(), Verdict.ATTACK),
              notAttack,
              top.getKey(),
              classOf.get(top.getKey()),
              top.getValue()));
      members += e.getValue().size();
      wrong += notAttack;
    }
    list.sort(
        Comparator.comparingInt(EvalReport.DetectedCampaign::members)
            .reversed()
            .thenComparing(EvalReport.DetectedCampaign::campaignId));
    return new EvalReport.Detected(list.size(), members, wrong, list);
  }

  /** The entry with the largest count, ties to the smallest key; {@code null} for an empty map. */
  private static Map.Entry<String, Integer> top(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .min(
            Comparator.comparing(Map.Entry<String, Integer>::getValue, Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey))
        .orElse(null);
  }

  private static EvalReport.Confusion confusion(List<Scored> scored, boolean countSuspicious) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    for (Scored s : scored) {
      boolean actual = s.label().labelClass() == LabelClass.ATTACK;
      boolean predicted =
          s.verdict() == Verdict.ATTACK || (countSuspicious && s.verdict() == Verdict.SUSPICIOUS);
      if (actual && predicted) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (actual) {
        fn++;
      } else {
        tn++;
      }
    }
    return new EvalReport.Confusion(tp, fp, fn, tn);
  }

  /** Label groups of one class, by name. A name used by two classes yields two groups, one per class. */
  private static Map<String, List<Scored>> groups(List<Scored> scored, LabelClass cls) {
    Map<String, List<Scored>> out = new TreeMap<>();
    for (Scored s : scored) {
      if (s.label().labelClass() == cls) {
        out.computeIfAbsent(s.label().group(), g -> new ArrayList<>()).add(s);
      }
    }
    return out;
  }

  private static int count(Collection<Scored> members, Verdict v) {
    int n = 0;
    for (Scored s : members) {
      if (s.verdict() == v) {
        n++;
      }
    }
    return n;
  }

  /**
   * Each flagged member's first flag minus the time {@code from} gives for it; {@code null} when that time is
   * unknown ({@code null}) for a flagged member.
   */
  private static List<Duration> delays(List<Scored> members, java.util.function.Function<Scored, Instant> from) {
    return spans(members, from, Scored::firstFlaggedAt);
  }

  /**
   * For each flagged member, the time from {@code from} to {@code to}; {@code null} when either is unknown
   * ({@code null}) for a flagged member.
   */
  private static List<Duration> spans(List<Scored> members, java.util.function.Function<Scored, Instant> from,
      java.util.function.Function<Scored, Instant> to) {
    List<Duration> out = new ArrayList<>();
    for (Scored s : members) {
      if (s.firstFlaggedAt() == null) {
        continue;
      }
      Instant a = from.apply(s);
      Instant b = to.apply(s);
      if (a == null || b == null) {
        return null;
      }
      out.add(Duration.between(a, b));
    }
    return out;
  }

  private static List<Duration> sorted(List<Duration> d) {
    List<Duration> out = new ArrayList<>(d);
    out.sort(null);
    return out;
  }

  /** The later of two times; {@code null} when {@code t} is (a known start never stands in for an unknown time). */
  private static Instant later(Instant start, Instant t) {
    return t == null || start == null || t.isAfter(start) ? t : start;
  }

  /** Earliest, nearest-rank median and p90 of {@code delays}; {@code null} for {@code null}. */
  static EvalReport.FirstFlag firstFlag(List<Duration> delays) {
    if (delays == null) {
      return null;
    }
    if (delays.isEmpty()) {
      return new EvalReport.FirstFlag(0, null, null, null);
    }
    List<Duration> sorted = sorted(delays);
    return new EvalReport.FirstFlag(sorted.size(), sorted.get(0), nearestRank(sorted, 50), nearestRank(sorted, 90));
  }

  /** The value at rank ceil(percent / 100 * n), 1-based, of a sorted non-empty list. */
  static Duration nearestRank(List<Duration> sorted, int percent) {
    int n = sorted.size();
    int rank = (int) (((long) percent * n + 99) / 100);
    return sorted.get(Math.max(1, rank) - 1);
  }

  private static double hours(Duration d) {
    return d.toMillis() / 3_600_000.0;
  }

  private static List<String> first(TreeSet<String> ids) {
    return ids.stream().limit(SAMPLE).collect(Collectors.toList());
  }

  /** A labelled account and its verdict line, {@code null} when it has none. */
  private record Scored(Label label, AccountVerdict line) {
    Verdict verdict() {
      return line == null ? Verdict.BENIGN : line.verdict();
    }

    String campaignId() {
      return line == null ? null : line.campaignId();
    }

    Instant firstFlaggedAt() {
      return line == null ? null : line.firstFlaggedAt();
    }
  }
}
