package io.distillguard.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Trains the {@link CapabilityModel} from the labelled public prompt sets in {@code ../shared/data/prompts} (only
 * files under permissive licences: MIT, Apache-2.0, CC0; see the project's NOTICE). Deterministic: the same files and
 * seed give the same model bytes. Reports accuracy on a random 10% hold-out and, to estimate how the model carries
 * over to prompt sources it has never seen, leave-one-source-out accuracy (train without a source, test on it).
 *
 * <p>Rerun with: {@code ./distillguard train-capability --prompts ../shared/data/prompts}
 */
public final class CapabilityTrainer {

  /** Text classes of the model; structure (tools, images) and rules add the others, see CapabilityClassifier. */
  public static final List<String> CLASSES = List.of("reasoning", "coding", "agentic_tool_use", "general");

  static final int BITS = 16;

  /** One labelled source: a file under the prompts folder, its class, a row filter and a cap on rows taken. */
  record Source(String file, String label, Predicate<JsonNode> filter, int cap) {}

  static final List<Source> SOURCES =
      List.of(
          new Source("gsm8k/gsm8k_train.jsonl", "reasoning", r -> true, 2000),
          new Source("flan_cot/flan_v2_cot_questions.jsonl", "reasoning",
              r -> !"gsm8k".equals(r.path("source").asText()), 2500),
          new Source("bbh_cot/code_davinci_002_cot_requests.jsonl", "reasoning", r -> true, 800),
          new Source("arena_hard/arena_hard_v2.0.jsonl", "reasoning",
              r -> "math".equals(r.path("subcategory").asText()), 400),
          new Source("mt_bench/mt_bench_questions.jsonl", "reasoning",
              r -> List.of("math", "reasoning").contains(r.path("category").asText()), 100),
          new Source("human_eval/HumanEval.jsonl", "coding", r -> true, 200),
          new Source("gpteacher/codegen-instruct.jsonl", "coding", r -> true, 2500),
          new Source("arena_hard/arena_hard_v2.0.jsonl", "coding",
              r -> "coding".equals(r.path("subcategory").asText()), 400),
          new Source("mt_bench/mt_bench_questions.jsonl", "coding",
              r -> "coding".equals(r.path("category").asText()), 100),
          new Source("toolbench/eval_queries.jsonl", "agentic_tool_use", r -> true, 600),
          new Source("gorilla_apibench/apibench_instructions.jsonl", "agentic_tool_use", r -> true, 1500),
          new Source("gpteacher/toolformer-dedupe-only-dataset.jsonl", "agentic_tool_use", r -> true, 1500),
          new Source("awesome_chatgpt_prompts/prompts.jsonl", "general", r -> true, 1500),
          new Source("alpaca_eval/alpaca_eval_instructions.jsonl", "general", r -> true, 900),
          new Source("self_instruct/user_oriented_instructions.jsonl", "general", r -> true, 300),
          new Source("arena_hard/arena_hard_v2.0.jsonl", "general",
              r -> "creative_writing".equals(r.path("subcategory").asText()), 400),
          new Source("mt_bench/mt_bench_questions.jsonl", "general",
              r -> !List.of("math", "reasoning", "coding").contains(r.path("category").asText()), 100));

  /** A tokenized, labelled example, its text and the source it came from. */
  record Example(long[] tokens, int label, String source, String text) {}

  /**
   * What a training run produced: the model and its measured accuracies, on the sources' own prompts and on the same
   * prompts wrapped in request wording that training never saw ({@link Wording#HELD_OUT}).
   */
  public record Result(CapabilityModel model, double holdoutAccuracy, double holdoutWrappedAccuracy,
      Map<String, Double> leaveOneSourceOut, Map<String, Double> leaveOneSourceOutWrapped,
      Map<String, Integer> examplesPerClass) {}

  private final long seed;
  private final int epochs;
  private final double learningRate;
  private final double l2;
  private final boolean augment;
  private final TextNormalizer norm = TextNormalizer.standard();

  public CapabilityTrainer(long seed) {
    this(seed, 1, 0.1, 1e-5, true);
  }

  /**
   * {@code augment}: train on each prompt both as it is and wrapped in request wording ({@link Wording#TRAINING}),
   * the same for every class, so that greetings, politeness and "explain every step" carry no class: the class comes
   * from the task itself (chain-of-thought requests are the {@link CotDetector}'s to find).
   */
  CapabilityTrainer(long seed, int epochs, double learningRate, double l2, boolean augment) {
    this.seed = seed;
    this.epochs = epochs;
    this.learningRate = learningRate;
    this.l2 = l2;
    this.augment = augment;
  }

  /** Loads the examples, measures hold-out and leave-one-source-out accuracy, and trains the final model on all. */
  public Result train(Path promptsDir) throws IOException {
    List<Example> all = load(promptsDir);
    Map<String, Integer> perClass = new TreeMap<>();
    for (Example e : all) {
      perClass.merge(CLASSES.get(e.label()), 1, Integer::sum);
    }
    SplittableRandom r = new SplittableRandom(seed);
    List<Example> train = new ArrayList<>();
    List<Example> test = new ArrayList<>();
    for (Example e : all) {
      (r.nextInt(10) == 0 ? test : train).add(e);
    }
    CapabilityModel m = fit(trainingSet(train));
    double holdout = accuracy(m, test);
    double holdoutWrapped = accuracy(m, wrapped(test, Wording.HELD_OUT, seed + 1));
    Map<String, Double> loso = new LinkedHashMap<>();
    Map<String, Double> losoWrapped = new LinkedHashMap<>();
    for (Source s : SOURCES) {
      String key = s.file() + " (" + s.label() + ")";
      List<Example> in = new ArrayList<>();
      List<Example> out = new ArrayList<>();
      for (Example e : all) {
        (e.source().equals(key) ? out : in).add(e);
      }
      if (!out.isEmpty()) {
        CapabilityModel without = fit(trainingSet(in));
        loso.put(key, accuracy(without, out));
        losoWrapped.put(key, accuracy(without, wrapped(out, Wording.HELD_OUT, seed + 1)));
      }
    }
    return new Result(fit(trainingSet(all)), holdout, holdoutWrapped, loso, losoWrapped, perClass);
  }

  /** The examples as they are and, when augmenting, each once more wrapped in training wording. */
  private List<Example> trainingSet(List<Example> examples) {
    if (!augment) {
      return examples;
    }
    List<Example> out = new ArrayList<>(examples);
    out.addAll(wrapped(examples, Wording.TRAINING, seed));
    return out;
  }

  /** Each example wrapped in an opener and/or a closing request from {@code wording} (seeded). */
  List<Example> wrapped(List<Example> examples, Wording wording, long wrapSeed) {
    SplittableRandom r = new SplittableRandom(wrapSeed);
    List<Example> out = new ArrayList<>(examples.size());
    for (Example e : examples) {
      out.add(example(wording.wrap(e.text(), r), e.label(), e.source()));
    }
    return out;
  }

  private Example example(String text, int label, String source) {
    String normalized = norm.normalize(text);
    return new Example(TextShape.append(Tokens.of(normalized), text, normalized), label, source, text);
  }

  List<Example> load(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Example> out = new ArrayList<>();
    for (Source s : SOURCES) {
      Path f = dir.resolve(s.file());
      if (!Files.isRegularFile(f)) {
        throw new IOException("training file missing: " + f);
      }
      List<JsonNode> rows = new ArrayList<>();
      try (BufferedReader br = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        String line;
        while ((line = br.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode row = json.readTree(line);
          if (row.hasNonNull("prompt") && s.filter().test(row)) {
            rows.add(row);
          }
        }
      }
      // deterministic sample of at most cap rows
      SplittableRandom r = new SplittableRandom(seed ^ s.file().hashCode() ^ s.label().hashCode());
      for (int i = rows.size() - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        JsonNode t = rows.get(i);
        rows.set(i, rows.get(j));
        rows.set(j, t);
      }
      String key = s.file() + " (" + s.label() + ")";
      int label = CLASSES.indexOf(s.label());
      for (JsonNode row : rows.subList(0, Math.min(s.cap(), rows.size()))) {
        out.add(example(row.get("prompt").asText(), label, key));
      }
    }
    return out;
  }

  /** AdaGrad on the multinomial logistic loss, class-balanced, seeded shuffles. */
  CapabilityModel fit(List<Example> examples) {
    int k = CLASSES.size();
    int dim = 1 << BITS;
    int mask = dim - 1;
    float[][] w = new float[k][dim];
    float[][] g2 = new float[k][dim];
    float[] b = new float[k];
    float[] gb = new float[k];
    int[] count = new int[k];
    for (Example e : examples) {
      count[e.label()]++;
    }
    double[] classWeight = new double[k];
    for (int c = 0; c < k; c++) {
      classWeight[c] = count[c] == 0 ? 0 : (double) examples.size() / (k * count[c]);
    }
    List<Example> order = new ArrayList<>(examples);
    SplittableRandom r = new SplittableRandom(seed);
    IntList feats = new IntList();
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int i = order.size() - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        Example t = order.get(i);
        order.set(i, order.get(j));
        order.set(j, t);
      }
      for (Example e : order) {
        feats.clear();
        CapabilityModel.forEachFeature(e.tokens(), mask, feats::add);
        double[] z = new double[k];
        for (int c = 0; c < k; c++) {
          z[c] = b[c];
          for (int f = 0; f < feats.size; f++) {
            z[c] += w[c][feats.data[f]];
          }
        }
        double[] p = CapabilityModel.softmax(z);
        double scale = classWeight[e.label()] / Math.sqrt(Math.max(1, feats.size));
        for (int c = 0; c < k; c++) {
          double grad = (p[c] - (c == e.label() ? 1 : 0)) * scale;
          gb[c] += (float) (grad * grad);
          b[c] -= (float) (learningRate * grad / Math.sqrt(gb[c] + 1e-8));
          for (int f = 0; f < feats.size; f++) {
            int idx = feats.data[f];
            double gi = grad + l2 * w[c][idx];
            g2[c][idx] += (float) (gi * gi);
            w[c][idx] -= (float) (learningRate * gi / Math.sqrt(g2[c][idx] + 1e-8));
          }
        }
      }
    }
    return new CapabilityModel(BITS, CLASSES, w, b);
  }

  static double accuracy(CapabilityModel m, List<Example> test) {
    if (test.isEmpty()) {
      return Double.NaN;
    }
    int ok = 0;
    for (Example e : test) {
      double[] p = m.predict(e.tokens());
      int best = 0;
      for (int c = 1; c < p.length; c++) {
        if (p[c] > p[best]) {
          best = c;
        }
      }
      if (best == e.label()) {
        ok++;
      }
    }
    return (double) ok / test.size();
  }

  /** A growable int array, to avoid boxing on the training loop. */
  private static final class IntList {
    int[] data = new int[256];
    int size;

    void add(int v) {
      if (size == data.length) {
        data = java.util.Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    void clear() {
      size = 0;
    }
  }
}
