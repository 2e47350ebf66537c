package io.distillguard.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes what a run knows beside its events: {@code labels.jsonl} (one line per account that sent events, sorted by
 * account id), {@code scenario.json} (format {@code distillguard-scenario-v1}: period, model releases, campaigns and
 * personas with their actual counts; {@code "evasive": true} only in an evasive run) and {@code allowlist.txt} (scan
 * allowlist format). Field order is fixed, so files are byte-for-byte reproducible.
 */
final class GroundTruthWriter {

  static final String FORMAT = "distillguard-scenario-v1";

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private GroundTruthWriter() {}

  static void writeLabels(Simulation sim, Path file) throws IOException {
    List<SimAccount> used = new ArrayList<>();
    for (SimAccount a : sim.accounts) {
      if (a.events > 0) {
        used.add(a);
      }
    }
    used.sort(Comparator.comparing(a -> a.id));
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator g = JSON.createGenerator(out)) {
      g.setRootValueSeparator(null);
      for (SimAccount a : used) {
        g.writeStartObject();
        g.writeStringField("account_id", a.id);
        g.writeStringField("class", a.population.label.wire());
        g.writeStringField("group", a.population.name);
        g.writeStringField("first_request_at", iso(a.firstEvent));
        g.writeEndObject();
        g.writeRaw('\n');
      }
    }
  }

  static void writeAllowlist(List<String> entries, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("# distillguard allowlist: organisations and accounts that distil under agreement.\n");
      w.write("# One entry per line: org:<org_id> or account:<account_id>. Lines starting with # are comments.\n");
      w.write("# allowed-partner: licensed distillation agreement\n");
      for (String e : entries) {
        w.write(e);
        w.write('\n');
      }
    }
  }

  static void writeScenario(SimulationConfig cfg, Simulation sim, List<String> allowlist, Path file)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator g = JSON.createGenerator(out)) {
      DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
      pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
      pp.indentObjectsWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
      g.setPrettyPrinter(pp);
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("seed", cfg.seed());
      g.writeNumberField("scale", cfg.scale());
      if (cfg.evasive()) {
        g.writeBooleanField("evasive", true);
      }
      if (cfg.sharedToolUsers()) {
        g.writeBooleanField("shared_tool_users", true);
      }
      if (cfg.wording() != null) {
        g.writeStringField("wording", cfg.wording().getFileName().toString());
      }
      g.writeStringField("start", iso(sim.start));
      g.writeStringField("end", iso(sim.end));
      g.writeNumberField("events", sim.events());
      int accounts = 0;
      for (SimAccount a : sim.accounts) {
        if (a.events > 0) {
          accounts++;
        }
      }
      g.writeNumberField("accounts", accounts);
      g.writeArrayFieldStart("models");
      for (String m : List.of(Responder.LARGE, Responder.MINI, Responder.LARGE_2)) {
        g.writeString(m);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("model_releases");
      g.writeStartObject();
      g.writeStringField("model", Responder.LARGE_2);
      g.writeStringField("at", iso(sim.release));
      g.writeEndObject();
      g.writeEndArray();
      g.writeArrayFieldStart("campaigns");
      for (Population p : sim.populations) {
        if (p.isCampaign()) {
          g.writeStartObject();
          g.writeStringField("name", p.name);
          g.writeStringField("family", p.family);
          g.writeStringField("class", p.label.wire());
          g.writeStringField("pace", p.pace);
          g.writeStringField("start", iso(p.start));
          g.writeStringField("end", iso(p.end));
          g.writeNumberField("accounts", p.accountsWithEvents());
          g.writeNumberField("events", p.events);
          g.writeStringField("description", p.description);
          common(g, p);
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("personas");
      for (Population p : sim.populations) {
        if (!p.isCampaign()) {
          g.writeStartObject();
          g.writeStringField("name", p.name);
          g.writeStringField("class", p.label.wire());
          g.writeBooleanField("hard_negative", p.hardNegative);
          g.writeNumberField("accounts", p.accountsWithEvents());
          g.writeNumberField("events", p.events);
          g.writeStringField("description", p.description);
          common(g, p);
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("allowlist");
      for (String e : allowlist) {
        g.writeString(e);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void common(JsonGenerator g, Population p) throws IOException {
    g.writeNumberField("accounts_created", p.accounts.size());
    if (p.events > 0) {
      g.writeStringField("first_event", iso(p.firstEvent));
      g.writeStringField("last_event", iso(p.lastEvent));
    }
    for (Map.Entry<String, Object> e : p.extra.entrySet()) {
      g.writeFieldName(e.getKey());
      value(g, e.getValue());
    }
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object o : l) {
        value(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException("unsupported scenario value " + v);
    }
  }

  private static String iso(long t) {
    return Instant.ofEpochMilli(t).toString();
  }
}
