package io.distillguard.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.distillguard.eval.JsonLines;
import io.distillguard.event.Event;
import io.distillguard.event.EventFormatException;
import io.distillguard.event.EventParser;
import io.distillguard.features.CotDetector;
import io.distillguard.features.FeatureExtractor;
import io.distillguard.features.RequestFeatures;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the per-request features make of a set of prompts: for each JSON Lines file (a {@code prompt} field per line, or
 * a wrapper {@code template} whose {@code {q}} and {@code {a}} slots are filled with one fixed word problem and its
 * answer; optionally {@code lang}; {@code .gz} allowed) the share of prompts in which the chain-of-thought detector
 * finds any elicitation, the share that asks for the reasoning in full ({@code worded}: counted in an account's
 * sustained share), the share it scores high on its own ({@code >= 0.6}: counted as chain-of-thought elicitation
 * by the account and family sketches), the share high when the request also asks for a large reasoning budget, the
 * share read as reconstruction (an answer given, its reasoning asked for), and the capability mix. Each prompt is sent
 * as the one user message of an otherwise empty event through the same parser and extractor that {@code scan} uses.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.distillguard.bench.PromptProbe [--by-lang] [--list] FILE...
 * </pre>
 *
 * {@code --by-lang} adds a line per language; {@code --list} prints each prompt's score, reconstruction flag and
 * capability (the first 160 chars of the prompt: these are test sets, not customers' prompts).
 */
public final class PromptProbe {

  /** What a wrapper template's slots are filled with ({@code template} lines, as in {@code simulate --wording}). */
  static final String QUESTION =
      "A train leaves at 9:40 and travels 168 km at an average speed of 72 km/h. A bus covers the same route at"
          + " 56 km/h and leaves 20 minutes earlier. Which arrives first, and by how many minutes?";

  static final String ANSWER = "the train, by 40 minutes";

  private PromptProbe() {}

  public static void main(String[] args) throws IOException {
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
      boolean listing = list;
      try (BufferedReader in = JsonLines.open(file)) {
        JsonLines.forEach(in, file.toString(), row -> {
          String prompt = row.has("template")
              ? JsonLines.requiredText(row, "template").replace("{q}", QUESTION).replace("{a}", ANSWER)
              : JsonLines.requiredText(row, "prompt");
          String lang = Objects.requireNonNullElse(JsonLines.optionalText(row, "lang"), "?");
          RequestFeatures plain = features.extract(event(json, parser, all.n, prompt, false));
          RequestFeatures budget = features.extract(event(json, parser, all.n, prompt, true));
          all.add(plain, budget);
          langs.computeIfAbsent(lang, k -> new Counts()).add(plain, budget);
          capabilities.merge(plain.capability().wireName(), 1, Integer::sum);
          if (listing) {
            System.out.printf("%s\t%.2f\t%s\t%s\t%s%n", lang, plain.cot().score(),
                plain.cot().reconstruction() ? "R" : "-", plain.capability().wireName(),
                prompt.substring(0, Math.min(160, prompt.length())).replaceAll("\\s+", " "));
          }
        });
      }
      System.out.printf("%s: %s capabilities %s%n", file, all, capabilities);
      if (byLang) {
        langs.forEach((k, c) -> System.out.printf("  %-8s %s%n", k, c));
      }
    }
  }

  /**
   * The prompt as the one user message of an otherwise empty event, through the reader's parser; a prompt the parser
   * rejects (over its bounds) is an {@link IllegalArgumentException}, which names the file and line.
   */
  private static Event event(ObjectMapper json, EventParser parser, long n, String prompt, boolean largeBudget) {
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
    try {
      return parser.parse(json.writeValueAsString(e));
    } catch (JsonProcessingException | EventFormatException x) {
      throw new IllegalArgumentException("prompt not accepted as an event: " + x.getMessage(), x);
    }
  }

  /** Prompts seen and how the detector read them. */
  private static final class Counts {
    int n;
    int any;
    int high;
    int worded;
    int highWithBudget;
    int reconstruction;

    void add(RequestFeatures plain, RequestFeatures budget) {
      n++;
      any += plain.cot().score() > 0 ? 1 : 0;
      high += plain.cot().score() >= 0.6 ? 1 : 0;
      worded += plain.cot().worded() ? 1 : 0;
      highWithBudget += budget.cot().score() >= 0.6 ? 1 : 0;
      reconstruction += plain.cot().reconstruction() ? 1 : 0;
    }

    @Override
    public String toString() {
      return String.format("%d prompts: any elicitation %.1f%%, in full (worded) %.1f%%, high %.1f%%, high with a"
          + " 16k budget %.1f%%, reconstruction %.1f%%", n, pct(any), pct(worded), pct(high), pct(highWithBudget),
          pct(reconstruction));
    }

    private double pct(int k) {
      return n == 0 ? 0 : 100.0 * k / n;
    }
  }
}
