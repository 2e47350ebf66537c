package io.distillguard.eval;

import io.distillguard.eval.EvalReport.Target;
import io.distillguard.scoring.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link EvalReport} as fixed-width text tables for a person: coverage, account metrics, families,
 * campaigns, benign personas (hard negatives first and marked), the allowlist, detected campaigns (the largest {@value
 * #DETECTED_ROWS}; the JSON has all), targets with PASS or FAIL, and notes. Names from the inputs are cleaned of
 * control characters and cut to {@value #NAME_WIDTH} characters.
 */
public final class TableRenderer {

  static final int NAME_WIDTH = 40;
  static final int DETECTED_ROWS = 20;
  private static final String INDENT = "  ";

  private TableRenderer() {}

  /** The report as text, ending in a newline. */
  public static String render(EvalReport r) {
    StringBuilder out = new StringBuilder();
    out.append("distillguard eval\n");
    EvalReport.Inputs in = r.inputs();
    out.append(INDENT).append("labels    ").append(clean(in.labels(), 200)).append('\n');
    out.append(INDENT).append("verdicts  ").append(clean(in.verdicts(), 200)).append('\n');
    out.append(INDENT)
        .append("scenario  ")
        .append(in.scenario() ? "seed " + orDash(in.seed()) + ", scale " + orDash(in.scale()) : "none")
        .append('\n');

    section(out, "Coverage");
    EvalReport.Coverage cov = r.coverage();
    TextTable coverage = new TextTable("lrl", "item", "count", "sample");
    coverage.row("labelled accounts", n(cov.labelledAccounts()), "");
    coverage.row("accounts with a verdict", n(cov.verdictAccounts()), "");
    coverage.row("labelled, no verdict (as benign)", n(cov.missingVerdicts()), ids(cov.missingSample()));
    coverage.row("verdict, no label (ignored)", n(cov.unknownAccounts()), ids(cov.unknownSample()));
    coverage.row("repeated label lines", n(cov.duplicateLabelLines()), "");
    coverage.row("repeated verdict lines", n(cov.duplicateVerdictLines()), "");
    coverage.appendTo(out, INDENT);

    section(out, "Accounts (positive = labelled attack)");
    TextTable accounts =
        new TextTable("lrrrrrrr", "predicted positive", "TP", "FP", "FN", "TN", "precision", "recall", "F1");
    confusionRow(accounts, "attack", r.attackLevel());
    confusionRow(accounts, "attack or suspicious", r.flaggedLevel());
    accounts.appendTo(out, INDENT);

    section(out, "Verdicts by label class (a missing verdict counts as benign)");
    TextTable byClass =
        new TextTable("lrrrrr", "label class", "accounts", "attack", "suspicious", "benign", "allowed");
    for (LabelClass c : LabelClass.values()) {
      int total = 0;
      for (Verdict v : Verdict.values()) {
        total += r.count(c, v);
      }
      byClass.row(
          c.wireName(),
          n(total),
          n(r.count(c, Verdict.ATTACK)),
          n(r.count(c, Verdict.SUSPICIOUS)),
          n(r.count(c, Verdict.BENIGN)),
          n(r.count(c, Verdict.ALLOWED)));
    }
    byClass.appendTo(out, INDENT);

    section(out, "Campaign families (recall = verdict attack; times from campaign start to first_flagged_at; floor:"
        + " the lowest median any detector could reach, as the flagged accounts arrive)");
    TextTable families =
        new TextTable(
            "llrrrrrlrrrrr",
            "family", "pace", "accounts", "attack", "recall", "susp.", "grouped", "top campaign_id", "flagged",
            "earliest", "median", "p90", "floor");
    for (EvalReport.Family f : r.families()) {
      String[] times = times(f.firstFlag());
      String top = f.grouping().topCampaignId();
      families.row(
          name(f.name()), pace(f.pace()), n(f.accounts()), n(f.attack()), pct(f.recall()),
          n(f.suspicious()), pct(f.grouping().share()), top == null ? "-" : name(top),
          times[0], times[1], times[2], times[3], f.medianFloor() == null ? "-" : duration(f.medianFloor()));
    }
    emptyOr(out, families, "no attack accounts");

    section(out, "Campaigns (own median, own p90: from each flagged account's first request, where labels give it)");
    TextTable campaigns =
        new TextTable(
            "lllrrrrrrrrrr",
            "campaign", "family", "pace", "accounts", "attack", "recall", "susp.", "flagged", "earliest", "median",
            "p90", "own median", "own p90");
    for (EvalReport.Campaign c : r.campaigns()) {
      String[] times = times(c.firstFlag());
      String[] own = times(c.fromFirstRequest());
      campaigns.row(
          name(c.name()), name(c.family()), pace(c.pace()), n(c.accounts()), n(c.attack()), pct(c.recall()),
          n(c.suspicious()), times[0], times[1], times[2], times[3], own[2], own[3]);
    }
    emptyOr(out, campaigns, "no attack accounts");

    section(out, "Benign personas (hard negatives first)");
    TextTable personas =
        new TextTable(
            "llrrrrrr", "persona", "mark", "accounts", "attack", "attack rate", "suspicious", "suspicious rate",
            "ever attack");
    for (EvalReport.Persona p : r.personas()) {
      personas.row(
          name(p.name()), p.hardNegative() ? "HARD NEGATIVE" : "", n(p.accounts()), n(p.attack()),
          pct(p.attackRate()), n(p.suspicious()), pct(p.suspiciousRate()), n(p.everAttack()));
    }
    emptyOr(out, personas, "no benign accounts");

    section(out, "Allowlist (labelled allowed must get verdict allowed)");
    EvalReport.Allowlist al = r.allowlist();
    TextTable allow = new TextTable("lrl", "item", "count", "sample");
    allow.row("labelled allowed", n(al.allowedAccounts()), "");
    allow.row("violations (not allowed)", n(al.violations()), ids(al.violationSample()));
    allow.row("verdict allowed on others", n(al.allowedVerdictOnOthers()), "");
    allow.appendTo(out, INDENT);

    section(out, "Detected campaigns (distinct campaign_id; members = labelled accounts, any verdict)");
    EvalReport.Detected d = r.detected();
    out.append(INDENT)
        .append(n(d.campaigns()))
        .append(" campaigns, ")
        .append(n(d.members()))
        .append(" members, ")
        .append(n(d.benignOrAllowedMembers()))
        .append(" benign or allowed (")
        .append(pct(d.benignOrAllowedShare()))
        .append(")\n");
    TextTable detected =
        new TextTable(
            "lrrrllr", "campaign_id", "members", "attack", "benign/allowed", "dominant group", "class", "share");
    List<EvalReport.DetectedCampaign> list = d.byCampaign();
    for (EvalReport.DetectedCampaign c : list.subList(0, Math.min(DETECTED_ROWS, list.size()))) {
      detected.row(
          name(c.campaignId()), n(c.members()), n(c.attackVerdicts()), n(c.benignOrAllowedMembers()),
          name(c.dominantGroup()), c.dominantClass().wireName(), pct(c.dominantShare()));
    }
    if (!detected.isEmpty()) {
      detected.appendTo(out, INDENT);
    }
    if (list.size() > DETECTED_ROWS) {
      out.append(INDENT)
          .append("... ")
          .append(list.size() - DETECTED_ROWS)
          .append(" smaller campaigns in the JSON\n");
    }

    section(out, "Targets");
    TextTable targets = new TextTable("llrl", "result", "target", "value", "threshold");
    for (Target t : r.targets()) {
      targets.row(
          t.pass() ? "PASS" : "FAIL",
          clean(t.name(), 2 * NAME_WIDTH),
          t.value() == null ? "none" : value(t.value(), t.unit()),
          t.comparison().symbol() + " " + value(t.threshold(), t.unit()));
    }
    targets.appendTo(out, INDENT);
    long failed = r.targets().stream().filter(t -> !t.pass()).count();
    int total = r.targets().size();
    out.append(INDENT)
        .append(failed == 0 ? "all " + total + " targets pass" : failed + " of " + total + " targets fail")
        .append('\n');

    if (!r.notes().isEmpty()) {
      section(out, "Notes");
      for (String note : r.notes()) {
        out.append(INDENT).append("- ").append(clean(note, 300)).append('\n');
      }
    }
    return out.toString();
  }

  private static void section(StringBuilder out, String title) {
    out.append('\n').append(title).append('\n');
  }

  private static void emptyOr(StringBuilder out, TextTable table, String empty) {
    if (table.isEmpty()) {
      out.append(INDENT).append("(").append(empty).append(")\n");
    } else {
      table.appendTo(out, INDENT);
    }
  }

  private static void confusionRow(TextTable t, String level, EvalReport.Confusion c) {
    t.row(
        level, n(c.truePositives()), n(c.falsePositives()), n(c.falseNegatives()), n(c.trueNegatives()),
        pct(c.precision()), pct(c.recall()), pct(c.f1()));
  }

  /** flagged, earliest, median, p90; dashes when the start is unknown. */
  private static String[] times(EvalReport.FirstFlag ff) {
    if (ff == null) {
      return new String[] {"-", "-", "-", "-"};
    }
    if (ff.flagged() == 0) {
      return new String[] {"0", "-", "-", "-"};
    }
    return new String[] {n(ff.flagged()), duration(ff.earliest()), duration(ff.median()), duration(ff.p90())};
  }

  private static String value(double v, EvalReport.Unit unit) {
    switch (unit) {
      case RATIO:
        return String.format(Locale.ROOT, "%.3f%%", 100 * v);
      case HOURS:
        return String.format(Locale.ROOT, "%.2f h", v);
      default:
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
  }

  static String pct(double ratio) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * ratio);
  }

  /** A compact duration: {@code 42s}, {@code 12m 05s}, {@code 5h 07m}, {@code 3d 04h}. */
  static String duration(Duration d) {
    String sign = d.isNegative() ? "-" : "";
    long s = d.abs().getSeconds();
    if (s < 60) {
      return sign + s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%s%dm %02ds", sign, s / 60, s % 60);
    }
    if (s < 48 * 3600) {
      return String.format(Locale.ROOT, "%s%dh %02dm", sign, s / 3600, (s % 3600) / 60);
    }
    return String.format(Locale.ROOT, "%s%dd %02dh", sign, s / 86400, (s % 86400) / 3600);
  }

  private static String n(long v) {
    return Long.toString(v);
  }

  private static String pace(Pace p) {
    return p == null ? "-" : p.wireName();
  }

  private static String orDash(Object o) {
    return o == null ? "-" : o.toString();
  }

  private static String ids(List<String> sample) {
    StringBuilder b = new StringBuilder();
    for (String id : sample) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(name(id));
    }
    return b.toString();
  }

  private static String name(String s) {
    return clean(s, NAME_WIDTH);
  }

  /** {@code s} with control and format characters replaced by {@code ?} and cut to {@code max} characters. */
  static String clean(String s, int max) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), max));
    s.codePoints()
        .limit(max)
        .forEach(
            cp -> {
              int type = Character.getType(cp);
              boolean unsafe =
                  Character.isISOControl(cp)
                      || type == Character.FORMAT
                      || type == Character.LINE_SEPARATOR
                      || type == Character.PARAGRAPH_SEPARATOR;
              b.appendCodePoint(unsafe ? '?' : cp);
            });
    if (s.codePointCount(0, s.length()) > max) {
      b.setLength(b.offsetByCodePoints(b.length(), -1));
      b.append('~');
    }
    return b.toString();
  }
}
