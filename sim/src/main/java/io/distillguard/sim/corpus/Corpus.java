package io.distillguard.sim.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.distillguard.event.Request;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The prompt sets, loaded either from the copy bundled on the class path ({@code corpus/<set>.jsonl.gz}) or from an
 * external folder with the same layout ({@code <set>.jsonl} or {@code <set>.jsonl.gz}), such as the shared
 * {@code data/prompts} folder. Texts are bounded to {@link #MAX_CHARS} on read. Immutable once loaded.
 */
public final class Corpus {

  /** Longest prompt text kept, in characters. */
  public static final int MAX_CHARS = 6000;

  static final int MAX_SYSTEM_CHARS = 3000;
  static final int MAX_TOOLS = 16;
  static final int MAX_TOOL_DESCRIPTION_CHARS = 240;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TAG_FIELDS =
      List.of(
          "subcategory", "task", "source", "cluster", "act", "name", "template_name", "bfcl_category", "provider",
          "dataset", "flan_task", "category", "task_id");

  private final Map<PromptSet, List<Prompt>> sets;

  private Corpus(Map<PromptSet, List<Prompt>> sets) {
    this.sets = sets;
  }

  /** The bundled sampled copy. */
  public static Corpus bundled() {
    return load(null);
  }

  /**
   * Loads every set from {@code folder}, or the bundled copy when {@code folder} is {@code null}. A set missing from
   * the folder falls back to the bundled copy, so a partial external folder still works.
   */
  public static Corpus load(Path folder) {
    Map<PromptSet, List<Prompt>> sets = new EnumMap<>(PromptSet.class);
    for (PromptSet set : PromptSet.values()) {
      List<Prompt> prompts = null;
      if (folder != null) {
        prompts = readExternal(folder, set);
      }
      if (prompts == null) {
        prompts = readBundled(set);
      }
      if (prompts.isEmpty()) {
        throw new IllegalStateException("prompt set " + set.path() + " is empty");
      }
      sets.put(set, Collections.unmodifiableList(prompts));
    }
    return new Corpus(sets);
  }

  /** The prompts of one set, in file order; never empty. */
  public List<Prompt> get(PromptSet set) {
    return sets.get(set);
  }

  /** Total prompts over all sets. */
  public int size() {
    int n = 0;
    for (List<Prompt> l : sets.values()) {
      n += l.size();
    }
    return n;
  }

  private static List<Prompt> readExternal(Path folder, PromptSet set) {
    Path plain = folder.resolve(set.path() + ".jsonl");
    Path gz = folder.resolve(set.path() + ".jsonl.gz");
    try {
      if (Files.isRegularFile(plain)) {
        try (InputStream in = Files.newInputStream(plain)) {
          return read(in, set);
        }
      }
      if (Files.isRegularFile(gz)) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
          return read(in, set);
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("reading corpus file for " + set.path(), e);
    }
  }

  private static List<Prompt> readBundled(PromptSet set) {
    String resource = "/corpus/" + set.path() + ".jsonl.gz";
    InputStream raw = Corpus.class.getResourceAsStream(resource);
    if (raw == null) {
      throw new IllegalStateException("bundled corpus resource missing: " + resource);
    }
    try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
      return read(in, set);
    } catch (IOException e) {
      throw new UncheckedIOException("reading bundled corpus " + resource, e);
    }
  }

  private static List<Prompt> read(InputStream in, PromptSet set) throws IOException {
    List<Prompt> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      JsonNode p = n.get("prompt");
      if (p == null || !p.isTextual() || p.asText().isBlank()) {
        continue;
      }
      out.add(toPrompt(set, n));
    }
    return out;
  }

  static Prompt toPrompt(PromptSet set, JsonNode n) {
    String text = boundPrompt(set, n.get("prompt").asText());
    String system = textOrNull(n.get("system_prompt"));
    if (system != null) {
      system = system.isBlank() ? null : truncate(system, MAX_SYSTEM_CHARS);
    }
    String answer = textOrNull(n.get("target"));
    String tag = null;
    for (String f : TAG_FIELDS) {
      String v = textOrNull(n.get(f));
      if (v != null && !v.isBlank()) {
        tag = v;
        break;
      }
    }
    return new Prompt(text, system, tools(n), answer, tag);
  }

  /**
   * Bounds a prompt to {@link #MAX_CHARS}. FLAN's escaped newlines become real ones. A long few-shot BBH prompt keeps
   * its task line and its last examples (the question asked is at the end), cut at an example boundary.
   */
  static String boundPrompt(PromptSet set, String text) {
    if (set == PromptSet.FLAN_COT_QUESTIONS || set == PromptSet.FLAN_COT_TEMPLATES) {
      text = text.replace("\\n", "\n");
    }
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    if (set == PromptSet.BBH_COT) {
      int headEnd = text.indexOf("\n\n");
      String head = headEnd > 0 && headEnd < 600 ? text.substring(0, headEnd) : "";
      int budget = MAX_CHARS - head.length() - 2;
      int from = text.length() - budget;
      int q = text.indexOf("\n\nQ:", from);
      if (q > 0) {
        return head.isEmpty() ? text.substring(q + 2) : head + text.substring(q);
      }
      return text.substring(text.length() - MAX_CHARS);
    }
    return truncate(text, MAX_CHARS);
  }

  static String truncate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  private static String textOrNull(JsonNode n) {
    return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
  }

  private static List<Request.Tool> tools(JsonNode n) {
    JsonNode f = n.get("functions");
    if (f == null) {
      f = n.get("tools");
    }
    if (f != null && f.isTextual()) {
      try {
        f = JSON.readTree(f.asText());
      } catch (IOException e) {
        f = null;
      }
    }
    List<Request.Tool> out = new ArrayList<>();
    if (f != null && f.isArray()) {
      for (JsonNode t : f) {
        if (out.size() == MAX_TOOLS) {
          break;
        }
        String name = textOrNull(t.get("name"));
        if (name != null && !name.isBlank()) {
          String d = textOrNull(t.get("description"));
          out.add(new Request.Tool(name, d == null ? null : truncate(d, MAX_TOOL_DESCRIPTION_CHARS)));
        }
      }
      return out;
    }
    JsonNode names = n.get("tool_names");
    if (names == null) {
      names = n.get("api_names");
    }
    if (names != null && names.isArray()) {
      for (JsonNode t : names) {
        if (out.size() == MAX_TOOLS) {
          break;
        }
        if (t.isTextual() && !t.asText().isBlank()) {
          out.add(new Request.Tool(t.asText(), null));
        }
      }
    }
    return out;
  }
}
