package io.distillguard.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.distillguard.scoring.Verdict;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link EvalReport} as one pretty-printed JSON object ({@code "format": "distillguard-eval-v1"}), field
 * names in snake_case, every list in full. Ratios are numbers in [0, 1]; times to first flag are seconds; target
 * values and thresholds are in the target's {@code unit}. Absent values are {@code null}, never omitted.
 */
public final class JsonRenderer {

  /** The {@code format} value written. */
  public static final String FORMAT = "distillguard-eval-v1";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonRenderer() {}

  /** The report as JSON text, ending in a newline. */
  public static String render(EvalReport r) {
    try {
      return JsonLines.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(r)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report as a JSON tree. */
  public static ObjectNode toTree(EvalReport r) {
    ObjectNode root = F.objectNode();
    root.put("format", FORMAT);

    EvalReport.Inputs in = r.inputs();
    ObjectNode inputs = root.putObject("inputs");
    inputs.put("labels", in.labels());
    inputs.put("verdicts", in.verdicts());
    inputs.put("scenario", in.scenario());
    inputs.put("seed", in.seed());
    inputs.put("scale", in.scale());

    EvalReport.Coverage c = r.coverage();
    ObjectNode coverage = root.putObject("coverage");
    coverage.put("labelled_accounts", c.labelledAccounts());
    coverage.put("verdict_accounts", c.verdictAccounts());
    coverage.put("missing_verdicts", c.missingVerdicts());
    strings(coverage.putArray("missing_sample"), c.missingSample());
    coverage.put("unknown_accounts", c.unknownAccounts());
    strings(coverage.putArray("unknown_sample"), c.unknownSample());
    coverage.put("duplicate_label_lines", c.duplicateLabelLines());
    coverage.put("duplicate_verdict_lines", c.duplicateVerdictLines());

    ObjectNode accounts = root.putObject("accounts");
    confusion(accounts.putObject("attack"), r.attackLevel());
    confusion(accounts.putObject("flagged"), r.flaggedLevel());
    ObjectNode byClass = accounts.putObject("verdicts_by_class");
    for (LabelClass lc : LabelClass.values()) {
      ObjectNode row = byClass.putObject(lc.wireName());
      for (Verdict v : Verdict.values()) {
        row.put(v.wireName(), r.count(lc, v));
      }
    }

    ArrayNode families = root.putArray("families");
    for (EvalReport.Family f : r.families()) {
      ObjectNode o = families.addObject();
      o.put("name", f.name());
      strings(o.putArray("campaigns"), f.campaigns());
      o.put("pace", f.pace() == null ? null : f.pace().wireName());
      o.put("accounts", f.accounts());
      o.put("attack", f.attack());
      o.put("recall", f.recall());
      o.put("suspicious", f.suspicious());
      firstFlag(o, f.firstFlag());
      o.put("median_floor_seconds", seconds(f.medianFloor()));
      ObjectNode g = o.putObject("grouping");
      g.put("attack_accounts", f.grouping().attackAccounts());
      g.put("top_campaign_id", f.grouping().topCampaignId());
      g.put("top_campaign_accounts", f.grouping().topCampaignAccounts());
      g.put("share", f.grouping().share());
    }

    ArrayNode campaigns = root.putArray("campaigns");
    for (EvalReport.Campaign cp : r.campaigns()) {
      ObjectNode o = campaigns.addObject();
      o.put("name", cp.name());
      o.put("family", cp.family());
      o.put("pace", cp.pace() == null ? null : cp.pace().wireName());
      o.put("start", cp.start() == null ? null : DateTimeFormatter.ISO_INSTANT.format(cp.start()));
      o.put("accounts", cp.accounts());
      o.put("attack", cp.attack());
      o.put("recall", cp.recall());
      o.put("suspicious", cp.suspicious());
      firstFlag(o, cp.firstFlag());
      firstFlag(o, "time_from_first_request", cp.fromFirstRequest());
    }

    ArrayNode personas = root.putArray("personas");
    for (EvalReport.Persona p : r.personas()) {
      ObjectNode o = personas.addObject();
      o.put("name", p.name());
      o.put("hard_negative", p.hardNegative());
      o.put("accounts", p.accounts());
      o.put("attack", p.attack());
      o.put("attack_rate", p.attackRate());
      o.put("suspicious", p.suspicious());
      o.put("suspicious_rate", p.suspiciousRate());
      o.put("ever_attack", p.everAttack());
    }

    EvalReport.Allowlist al = r.allowlist();
    ObjectNode allow = root.putObject("allowlist");
    allow.put("allowed_accounts", al.allowedAccounts());
    allow.put("violations", al.violations());
    strings(allow.putArray("violation_sample"), al.violationSample());
    allow.put("allowed_verdict_on_others", al.allowedVerdictOnOthers());

    EvalReport.Detected d = r.detected();
    ObjectNode detected = root.putObject("detected_campaigns");
    detected.put("count", d.campaigns());
    detected.put("members", d.members());
    detected.put("benign_or_allowed_members", d.benignOrAllowedMembers());
    detected.put("benign_or_allowed_share", d.benignOrAllowedShare());
    ArrayNode list = detected.putArray("campaigns");
    for (EvalReport.DetectedCampaign dc : d.byCampaign()) {
      ObjectNode o = list.addObject();
      o.put("campaign_id", dc.campaignId());
      o.put("members", dc.members());
      o.put("attack_verdicts", dc.attackVerdicts());
      o.put("benign_or_allowed_members", dc.benignOrAllowedMembers());
      o.put("dominant_group", dc.dominantGroup());
      o.put("dominant_class", dc.dominantClass().wireName());
      o.put("dominant_group_members", dc.dominantGroupMembers());
      o.put("dominant_share", dc.dominantShare());
    }

    ArrayNode targets = root.putArray("targets");
    for (EvalReport.Target t : r.targets()) {
      ObjectNode o = targets.addObject();
      o.put("name", t.name());
      o.put("value", t.value());
      o.put("comparison", t.comparison().symbol());
      o.put("threshold", t.threshold());
      o.put("unit", t.unit().name().toLowerCase(Locale.ROOT));
      o.put("pass", t.pass());
    }
    root.put("all_targets_pass", r.allTargetsPass());
    strings(root.putArray("notes"), r.notes());
    return root;
  }

  private static void confusion(ObjectNode o, EvalReport.Confusion c) {
    o.put("tp", c.truePositives());
    o.put("fp", c.falsePositives());
    o.put("fn", c.falseNegatives());
    o.put("tn", c.trueNegatives());
    o.put("precision", c.precision());
    o.put("recall", c.recall());
    o.put("f1", c.f1());
  }

  private static void firstFlag(ObjectNode parent, EvalReport.FirstFlag ff) {
    firstFlag(parent, "time_to_first_flag", ff);
  }

  private static void firstFlag(ObjectNode parent, String field, EvalReport.FirstFlag ff) {
    if (ff == null) {
      parent.putNull(field);
      return;
    }
    ObjectNode o = parent.putObject(field);
    o.put("flagged", ff.flagged());
    o.put("earliest_seconds", seconds(ff.earliest()));
    o.put("median_seconds", seconds(ff.median()));
    o.put("p90_seconds", seconds(ff.p90()));
  }

  private static Double seconds(Duration d) {
    return d == null ? null : d.toMillis() / 1000.0;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
