package io.distillguard.sim.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the bundled corpus ({@code sim/src/main/resources/corpus}) from the shared prompt folder: for every
 * {@link PromptSet} (permissive licences only), a seeded sample of at most {@link PromptSet#sampleLimit()} records in
 * source order, each with {@code prompt} bounded as {@link Corpus} bounds it on read and the set's kept fields (tool
 * lists cut to name and description), written as gzip JSON Lines. The output is byte-for-byte reproducible.
 *
 * <p>Rerun from the repository root (with the shared folder beside it) with:
 *
 * <pre>
 * ./mvnw -q -B -pl sim -am compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp sim/target/classes:core/target/classes:$(cat sim/cp.txt) io.distillguard.sim.corpus.CorpusBuilder \
 *     ../shared/data/prompts sim/src/main/resources/corpus
 * rm cp.txt core/cp.txt sim/cp.txt
 * </pre>
 *
 * <p>Rerunning on the same source files reproduces the bundled files byte for byte.
 */
public final class CorpusBuilder {

  /** Seed of the sample; changing it changes every bundled file. */
  public static final long SAMPLE_SEED = 20260302L;

  private static final ObjectMapper JSON = new ObjectMapper();

  private CorpusBuilder() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CorpusBuilder <shared data/prompts folder> <output corpus folder>");
      System.exit(2);
    }
    Path src = Path.of(args[0]);
    Path dst = Path.of(args[1]);
    long total = 0;
    for (PromptSet set : PromptSet.values()) {
      long bytes = build(src, dst, set);
      total += bytes;
      System.out.printf("%-60s %8d bytes%n", set.path(), bytes);
    }
    System.out.printf("total %d bytes%n", total);
  }

  /** Writes one set's sample; returns the compressed size. */
  static long build(Path src, Path dst, PromptSet set) throws IOException {
    Path in = src.resolve(set.path() + ".jsonl");
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    int[] keep = sample(lines.size(), set.sampleLimit(), new SplittableRandom(SAMPLE_SEED ^ set.ordinal()));
    Path out = dst.resolve(set.path() + ".jsonl.gz");
    Files.createDirectories(out.getParent());
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out), 1 << 16)) {
      for (int i : keep) {
        ObjectNode slim = slim(set, JSON.readTree(lines.get(i)));
        if (slim != null) {
          os.write(JSON.writeValueAsBytes(slim));
          os.write('\n');
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return Files.size(out);
  }

  /** Indices of a uniform sample of {@code k} of {@code n}, ascending (all of them when {@code n <= k}). */
  static int[] sample(int n, int k, SplittableRandom rnd) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    if (n <= k) {
      return idx;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = Arrays.copyOf(idx, k);
    Arrays.sort(out);
    return out;
  }

  private static ObjectNode slim(PromptSet set, JsonNode n) {
    JsonNode p = n.get("prompt");
    if (p == null || !p.isTextual() || p.asText().isBlank()) {
      return null;
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("prompt", Corpus.boundPrompt(set, p.asText()));
    for (String f : set.keptFields()) {
      JsonNode v = n.get(f);
      if (v == null || v.isNull()) {
        continue;
      }
      switch (f) {
        case "functions", "tools" -> {
          JsonNode arr = v;
          if (v.isTextual()) {
            try {
              arr = JSON.readTree(v.asText());
            } catch (IOException e) {
              continue;
            }
          }
          if (arr.isArray()) {
            o.set(f, slimTools((ArrayNode) arr));
          }
        }
        case "system_prompt" -> {
          if (!v.asText().isBlank()) {
            o.put(f, Corpus.truncate(v.asText(), Corpus.MAX_SYSTEM_CHARS));
          }
        }
        default -> o.set(f, v);
      }
    }
    return o;
  }

  private static ArrayNode slimTools(ArrayNode tools) {
    ArrayNode out = JSON.createArrayNode();
    for (JsonNode t : tools) {
      if (out.size() == Corpus.MAX_TOOLS) {
        break;
      }
      JsonNode name = t.get("name");
      if (name == null || !name.isTextual()) {
        continue;
      }
      ObjectNode s = out.addObject();
      s.put("name", name.asText());
      JsonNode d = t.get("description");
      if (d != null && d.isTextual()) {
        s.put("description", Corpus.truncate(d.asText(), Corpus.MAX_TOOL_DESCRIPTION_CHARS));
      }
    }
    return out;
  }
}
