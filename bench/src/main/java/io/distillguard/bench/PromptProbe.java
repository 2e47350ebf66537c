package io.distillguard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.distillguard.event.EventParser;
import io.distillguard.features.CotDetector;
import io.distillguard.features.FeatureExtractor;
import io.distillguard.features.RequestFeatures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * What the per-request features make of a set of prompts: for each JSON Lines file (a {@code prompt} field per line,
 * optionally {@code lang}; {@code .gz} allowed) the share of prompts in which the chain-of-thought detector finds any
 * elicitation, the share it scores high on its own ({@code >= 0.6}: counted as chain-of-thought elicitation by the
 * account and family sketches), the share high when the request also asks for a large reasoning budget, the share
 * read as reconstruction (an answer given, its reasoning asked for), and the capability mix. Each prompt is sent as
 * the one user message of an otherwise empty event through the same parser and extractor that {@code scan} uses.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.distillguard.bench.PromptProbe [--by-lang] [--list] FILE...
 * </pre>
 *
 * {@code --by-lang} adds a line per language; {@code --list} prints each prompt's score, reconstruction flag and
 * capability (the first 160 chars of the prompt: these are test sets, not customers' prompts).
 */
public final class PromptProbe {

  private PromptProbe() {}

  public static void main(String[] args) throws IOException, io.distillguard.event.EventFormatException {
    boolean byLang = false;
    boolean list = false;
    ObjectMapper json = new ObjectMapper();
    FeatureExtractor features = FeatureExtractor.withBundledModel();
    EventParser parser = new EventParser();
    for (String arg : args) {
      if (arg.equals("--by-lang")) {
        byLang = true;
        continue;
      }
      if (arg.equals("--list")) {
        list = true;
        continue;
      }
      Counts all = new Counts();
      Map<String, Counts> langs = new TreeMap<>();
      Map<String, Integer> capabilities = new TreeMap<>();
      Path file = Path.of(arg);
      try (BufferedReader in = open(file)) {
        long lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lineNo++;
          if (line.isBlank()) {
            continue;
          }
          JsonNode row = json.readTree(line);
          if (!row.hasNonNull("prompt")) {
            throw new IllegalArgumentException(file + ":" + lineNo + ": no prompt field");
          }
          String prompt = row.get("prompt").asText();
          String lang = row.hasNonNull("lang") ? row.get("lang").asText() : "?";
          RequestFeatures plain = features.extract(parser.parse(event(json, lineNo, prompt, false)));
          RequestFeatures budget = features.extract(parser.parse(event(json, lineNo, prompt, true)));
          all.add(plain, budget);
          langs.computeIfAbsent(lang, k -> new Counts()).add(plain, budget);
          capabilities.merge(plain.capability().wireName(), 1, Integer::sum);
          if (list) {
            System.out.printf("%s\t%.2f\t%s\t%s\t%s%n", lang, plain.cot().score(),
                plain.cot().reconstruction() ? "R" : "-", plain.capability().wireName(),
                prompt.substring(0, Math.min(160, prompt.length())).replaceAll("\\s+", " "));
          }
        }
      }
      System.out.printf("%s: %s capabilities %s%n", file, all, capabilities);
      if (byLang) {
        langs.forEach((k, c) -> System.out.printf("  %-8s %s%n", k, c));
      }
    }
  }

  private static String event(ObjectMapper json, long n, String prompt, boolean largeBudget) throws IOException {
    ObjectNode e = json.createObjectNode();
    e.put("event_id", "ev-probe-" + n + (largeBudget ? "-b" : ""));
    e.put("ts", "2026-03-02T00:00:00Z");
    e.put("account_id", "acct-probe");
    ObjectNode q = e.putObject("request");
    q.put("model", "probe");
    q.put("operation", "chat");
    ObjectNode m = q.putArray("messages").addObject();
    m.put("role", "user");
    m.put("content", prompt);
    if (largeBudget) {
      ObjectNode r = q.putObject("reasoning");
      r.put("enabled", true);
      r.put("budget_tokens", CotDetector.LARGE_BUDGET);
    }
    return json.writeValueAsString(e);
  }

  private static BufferedReader open(Path file) throws IOException {
    var in = Files.newInputStream(file);
    return new BufferedReader(new InputStreamReader(
        file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8));
  }

  /** Prompts seen and how the detector read them. */
  private static final class Counts {
    int n;
    int any;
    int high;
    int highWithBudget;
    int reconstruction;

    void add(RequestFeatures plain, RequestFeatures budget) {
      n++;
      any += plain.cot().score() > 0 ? 1 : 0;
      high += plain.cot().score() >= 0.6 ? 1 : 0;
      highWithBudget += budget.cot().score() >= 0.6 ? 1 : 0;
      reconstruction += plain.cot().reconstruction() ? 1 : 0;
    }

    @Override
    public String toString() {
      return String.format("%d prompts: any elicitation %.1f%%, high %.1f%%, high with a 16k budget %.1f%%,"
          + " reconstruction %.1f%%", n, pct(any), pct(high), pct(highWithBudget), pct(reconstruction));
    }

    private double pct(int k) {
      return n == 0 ? 0 : 100.0 * k / n;
    }
  }
}
