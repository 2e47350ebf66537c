package io.distillguard.report;

import io.distillguard.linking.Campaign;
import io.distillguard.pipeline.ScanResult;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.Reason;
import io.distillguard.scoring.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.html}: a self-contained page (no scripts, no external resources) with the run summary, campaigns
 * and their evidence, the top accounts with their reasons, and a timeline of first flags. Every value taken from
 * events is escaped with {@link Html#escape}.
 */
public final class HtmlReport {

  private static final int TOP_ACCOUNTS = 100;

  private HtmlReport() {}

  public static void write(Path file, ScanResult result, ScanSummary summary) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(render(result, summary));
    }
  }

  static String render(ScanResult result, ScanSummary s) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
        .append("<title>distillguard scan report</title><style>")
        .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;")
        .append("text-align:left;vertical-align:top}th{background:#f3f3f3}")
        .append(".attack{color:#b00020;font-weight:bold}.suspicious{color:#b26a00}.allowed{color:#2e7d32}")
        .append(".ctl{font-size:10px;color:#999;border:1px dotted #999}pre{white-space:pre-wrap;max-width:60em}")
        .append(".bar{background:#b00020;height:10px;display:inline-block}")
        .append("</style></head><body>\n<h1>distillguard scan report</h1>\n");

    h.append("<h2>Summary</h2><table>");
    row(h, "events processed", s.events());
    row(h, "lines read", s.linesRead());
    row(h, "rejected lines", s.rejected());
    row(h, "duplicates dropped", s.duplicates());
    row(h, "late events (past the out-of-order bound)", s.late());
    row(h, "accounts", s.accounts());
    row(h, "campaigns", s.campaigns());
    for (Map.Entry<String, Long> e : new TreeMap<>(s.verdicts()).entrySet()) {
      row(h, "verdict " + e.getKey(), e.getValue());
    }
    row(h, "event time", (s.firstEventTs() == null ? "-" : s.firstEventTs()) + " .. "
        + (s.lastEventTs() == null ? "-" : s.lastEventTs()));
    row(h, "wall time (s)", String.format("%.1f", s.wallSeconds()));
    h.append("</table>\n");

    h.append("<h2>Campaigns</h2>");
    if (result.campaigns().isEmpty()) {
      h.append("<p>No campaign detected.</p>\n");
    }
    for (Campaign c : result.campaigns()) {
      h.append("<h3 id=\"").append(Html.escape(c.campaignId())).append("\">")
          .append(Html.escape(c.campaignId())).append(" <span class=\"").append(c.verdict().wireName())
          .append("\">").append(c.verdict().wireName()).append("</span> score ")
          .append(String.format("%.2f", c.score())).append("</h3>");
      h.append("<p>").append(c.accountCount()).append(" accounts, ").append(c.events()).append(" events, ")
          .append(Html.escape(JsonFiles.ts(c.firstSeen()))).append(" .. ")
          .append(Html.escape(JsonFiles.ts(c.lastSeen()))).append("</p>");
      shares(h, "capabilities", c.capabilities());
      shares(h, "models", c.models());
      reasons(h, c.reasons());
      h.append("<table><tr><th>evidence</th><th>values</th></tr>");
      for (Map.Entry<String, List<String>> e : new TreeMap<>(c.evidence()).entrySet()) {
        h.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td>");
        for (String v : e.getValue()) {
          h.append("<pre>").append(Html.escape(v)).append("</pre>");
        }
        h.append("</td></tr>");
      }
      h.append("</table>\n");
    }

    List<AccountVerdict> top =
        result.verdicts().stream()
            .filter(v -> v.verdict() != Verdict.BENIGN || v.score() > 0)
            .sorted(Comparator.comparingDouble(AccountVerdict::score).reversed()
                .thenComparing(AccountVerdict::accountId))
            .limit(TOP_ACCOUNTS)
            .toList();
    h.append("<h2>Top accounts</h2>");
    if (top.isEmpty()) {
      h.append("<p>No account flagged.</p>\n");
    } else {
      h.append("<table><tr><th>account</th><th>verdict</th><th>score</th><th>campaign</th>")
          .append("<th>first flagged</th><th>reasons</th></tr>");
      for (AccountVerdict v : top) {
        h.append("<tr><td>").append(Html.escape(v.accountId())).append("</td><td class=\"")
            .append(v.verdict().wireName()).append("\">").append(v.verdict().wireName()).append("</td><td>")
            .append(String.format("%.2f", v.score())).append("</td><td>")
            .append(Html.escape(v.campaignId())).append("</td><td>")
            .append(Html.escape(JsonFiles.ts(v.firstFlaggedAt()))).append("</td><td>");
        for (Reason r : v.reasons()) {
          h.append(Html.escape(r.signal())).append(": ").append(Html.escape(r.detail())).append("<br>");
        }
        h.append("</td></tr>");
      }
      h.append("</table>\n");
    }

    timeline(h, result.verdicts());
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void timeline(StringBuilder h, List<AccountVerdict> verdicts) {
    Map<Instant, Integer> byHour = new TreeMap<>();
    for (AccountVerdict v : verdicts) {
      if (v.firstFlaggedAt() != null) {
        byHour.merge(v.firstFlaggedAt().truncatedTo(ChronoUnit.HOURS), 1, Integer::sum);
      }
    }
    h.append("<h2>Timeline of first flags</h2>");
    if (byHour.isEmpty()) {
      h.append("<p>No account reached <code>attack</code>.</p>\n");
      return;
    }
    int max = byHour.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    h.append("<table><tr><th>hour (UTC)</th><th>accounts first flagged</th></tr>");
    for (Map.Entry<Instant, Integer> e : byHour.entrySet()) {
      h.append("<tr><td>").append(JsonFiles.ts(e.getKey())).append("</td><td><span class=\"bar\" style=\"width:")
          .append(Math.max(1, 300 * e.getValue() / max)).append("px\"></span> ").append(e.getValue())
          .append("</td></tr>");
    }
    h.append("</table>\n");
  }

  private static void shares(StringBuilder h, String title, Map<String, Double> shares) {
    if (shares.isEmpty()) {
      return;
    }
    h.append("<p>").append(title).append(": ");
    shares.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> h.append(Html.escape(e.getKey())).append(' ')
            .append(String.format("%.0f%%", 100 * e.getValue())).append("; "));
    h.append("</p>");
  }

  private static void reasons(StringBuilder h, List<Reason> reasons) {
    if (reasons.isEmpty()) {
      return;
    }
    h.append("<ul>");
    for (Reason r : reasons) {
      h.append("<li><b>").append(Html.escape(r.signal())).append("</b> (")
          .append(String.format("%.2f", r.weight())).append("): ").append(Html.escape(r.detail())).append("</li>");
    }
    h.append("</ul>");
  }

  private static void row(StringBuilder h, String k, Object v) {
    h.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(String.valueOf(v)))
        .append("</td></tr>");
  }
}
