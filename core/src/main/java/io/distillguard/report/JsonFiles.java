package io.distillguard.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.distillguard.linking.Campaign;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.Reason;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes the JSON files of {@code spec/scan-v1.md}: {@code verdicts.jsonl}, {@code campaigns.jsonl}, {@code summary.json}. */
public final class JsonFiles {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonFiles() {}

  /** RFC 3339 UTC, second precision when the instant has no fraction. */
  static String ts(Instant t) {
    return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
  }

  /** Writes one line per verdict, in the given order. */
  public static void writeVerdicts(Path file, List<AccountVerdict> verdicts) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonGenerator g = FACTORY.createGenerator(out)) {
      for (AccountVerdict v : verdicts) {
        writeVerdict(g, v);
        g.writeRaw('\n');
      }
    }
  }

  /** Writes one verdict as a JSON object (the shape of a {@code verdicts.jsonl} line). */
  public static void writeVerdict(JsonGenerator g, AccountVerdict v) throws IOException {
    g.writeStartObject();
    g.writeStringField("account_id", v.accountId());
    g.writeStringField("verdict", v.verdict().wireName());
    g.writeNumberField("score", round(v.score()));
    g.writeStringField("campaign_id", v.campaignId());
    g.writeStringField("first_flagged_at", ts(v.firstFlaggedAt()));
    writeReasons(g, v.reasons());
    g.writeEndObject();
  }

  /** Writes one line per campaign, in the given order. */
  public static void writeCampaigns(Path file, List<Campaign> campaigns) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonGenerator g = FACTORY.createGenerator(out)) {
      for (Campaign c : campaigns) {
        writeCampaign(g, c);
        g.writeRaw('\n');
      }
    }
  }

  /** Writes one campaign as a JSON object (the shape of a {@code campaigns.jsonl} line). */
  public static void writeCampaign(JsonGenerator g, Campaign c) throws IOException {
    g.writeStartObject();
    g.writeStringField("campaign_id", c.campaignId());
    g.writeStringField("verdict", c.verdict().wireName());
    g.writeNumberField("score", round(c.score()));
    g.writeArrayFieldStart("accounts");
    for (String a : c.accounts()) {
      g.writeString(a);
    }
    g.writeEndArray();
    g.writeNumberField("account_count", c.accountCount());
    g.writeNumberField("events", c.events());
    g.writeStringField("first_seen", ts(c.firstSeen()));
    g.writeStringField("last_seen", ts(c.lastSeen()));
    writeShares(g, "capabilities", c.capabilities());
    writeShares(g, "models", c.models());
    writeReasons(g, c.reasons());
    g.writeObjectFieldStart("evidence");
    for (Map.Entry<String, List<String>> e : new TreeMap<>(c.evidence()).entrySet()) {
      g.writeArrayFieldStart(e.getKey());
      for (String s : e.getValue()) {
        g.writeString(s);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** Writes {@code summary.json}, pretty-printed. */
  public static void writeSummary(Path file, ScanSummary s) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeNumberField("files", s.files());
      g.writeNumberField("lines_read", s.linesRead());
      g.writeNumberField("bytes_read", s.bytesRead());
      g.writeNumberField("events", s.events());
      g.writeNumberField("rejected", s.rejected());
      g.writeNumberField("duplicates", s.duplicates());
      g.writeNumberField("late", s.late());
      g.writeNumberField("accounts", s.accounts());
      g.writeNumberField("campaigns", s.campaigns());
      g.writeObjectFieldStart("verdicts");
      for (Map.Entry<String, Long> e : new TreeMap<>(s.verdicts()).entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeNumberField("wall_seconds", round(s.wallSeconds()));
      g.writeNumberField("events_per_second", Math.round(s.eventsPerSecond()));
      g.writeStringField("first_event_ts", s.firstEventTs());
      g.writeStringField("last_event_ts", s.lastEventTs());
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /** Writes {@code "reasons": [{signal, weight, detail}, ...]} (weights rounded to 4 decimals). */
  public static void writeReasons(JsonGenerator g, List<Reason> reasons) throws IOException {
    g.writeArrayFieldStart("reasons");
    for (Reason r : reasons) {
      g.writeStartObject();
      g.writeStringField("signal", r.signal());
      g.writeNumberField("weight", round(r.weight()));
      g.writeStringField("detail", r.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Writes {@code name: {key: share, ...}} in key order (shares rounded to 4 decimals). */
  public static void writeShares(JsonGenerator g, String name, Map<String, Double> shares) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Double> e : new TreeMap<>(shares).entrySet()) {
      g.writeNumberField(e.getKey(), round(e.getValue()));
    }
    g.writeEndObject();
  }

  /** Rounds to 4 decimals, as every number in the output files. */
  public static double round(double v) {
    return Math.round(v * 10_000.0) / 10_000.0;
  }
}
