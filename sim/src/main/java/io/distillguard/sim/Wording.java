package io.distillguard.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Wrappers written by someone else, replacing the simulator's own for a held-out wording test: how the
 * reasoning-harvest campaigns ask for reasoning and how students ask for help. Read from a folder with up to four
 * JSON Lines files, a {@code template} field per line: {@code elicit.jsonl} (around a question, slot {@code {q}};
 * the low-and-slow campaign), {@code reconstruct.jsonl} (a question and its answer, slots {@code {q}} and
 * {@code {a}}; the chain-of-thought campaign), {@code system.jsonl} (that campaign's system prompts) and
 * {@code student.jsonl} (slot {@code {q}}; the university class). A missing file keeps the simulator's own wording
 * for that kind. {@link #NONE} keeps all of it, and the output is then what it was before wording could be given.
 */
final class Wording {

  static final Wording NONE = new Wording(List.of(), List.of(), List.of(), List.of());

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEMPLATES = 10_000;
  private static final int MAX_CHARS = 4000;

  final List<String> elicit;
  final List<String> reconstruct;
  final List<String> system;
  final List<String> student;

  private Wording(List<String> elicit, List<String> reconstruct, List<String> system, List<String> student) {
    this.elicit = elicit;
    this.reconstruct = reconstruct;
    this.system = system;
    this.student = student;
  }

  /** Reads the wording folder {@code dir}; throws naming the file and line when a template lacks its slots. */
  static Wording load(Path dir) {
    if (dir == null) {
      return NONE;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("wording is not a folder: " + dir);
    }
    Wording w =
        new Wording(read(dir.resolve("elicit.jsonl"), "{q}"), read(dir.resolve("reconstruct.jsonl"), "{q}", "{a}"),
            read(dir.resolve("system.jsonl")), read(dir.resolve("student.jsonl"), "{q}"));
    if (w.elicit.isEmpty() && w.reconstruct.isEmpty() && w.system.isEmpty() && w.student.isEmpty()) {
      throw new IllegalArgumentException(
          "wording folder has none of elicit.jsonl, reconstruct.jsonl, system.jsonl, student.jsonl: " + dir);
    }
    return w;
  }

  private static List<String> read(Path file, String... slots) {
    List<String> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return List.of();
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode t;
        try {
          t = JSON.readTree(line).get("template");
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(file + ":" + n + ": not a JSON object: " + e.getOriginalMessage());
        }
        if (t == null || !t.isTextual() || t.asText().isBlank() || t.asText().length() > MAX_CHARS) {
          throw new IllegalArgumentException(
              file + ":" + n + ": needs a non-empty \"template\" of at most " + MAX_CHARS + " chars");
        }
        for (String slot : slots) {
          if (!t.asText().contains(slot)) {
            throw new IllegalArgumentException(file + ":" + n + ": template lacks the slot " + slot);
          }
        }
        if (out.size() == MAX_TEMPLATES) {
          throw new IllegalArgumentException(file + ": more than " + MAX_TEMPLATES + " templates");
        }
        out.add(t.asText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return List.copyOf(out);
  }

  /** A low-and-slow request: a question from {@code pools} in an elicitation wrapper. */
  String lowAndSlow(PromptPools pools, SplittableRandom r) {
    return elicit.isEmpty() ? HarvestTexts.lowAndSlow(pools, r) : pick(elicit, r).replace("{q}", pools.question(r));
  }

  /** A reconstruction request: {@code p}'s question and answer in a wrapper asking for the reasoning between. */
  String reconstruct(PromptPools.Problem p, SplittableRandom r) {
    return reconstruct.isEmpty()
        ? HarvestTexts.reconstruct(p, r)
        : pick(reconstruct, r).replace("{q}", p.question()).replace("{a}", p.answer());
  }

  /** The chain-of-thought campaign's system prompt for one request, or {@code null} (a third of requests). */
  String cotSystem(SplittableRandom r) {
    if (system.isEmpty()) {
      return HarvestTexts.cotSystem(r);
    }
    return r.nextInt(3) == 0 ? null : pick(system, r);
  }

  /** A student's phrasing habit: an index into the homework phrasings. */
  int homeworkStyle(SplittableRandom r) {
    return student.isEmpty() ? BenignTexts.homeworkStyle(r) : r.nextInt(student.size());
  }

  /** A homework request: mostly in the student's habitual phrasing ({@code style}), now and then in another. */
  String homework(String question, int style, SplittableRandom r) {
    if (student.isEmpty()) {
      return BenignTexts.homework(question, style, r);
    }
    int s = r.nextInt(4) == 0 ? r.nextInt(student.size()) : style;
    return student.get(s).replace("{q}", question);
  }

  private static String pick(List<String> templates, SplittableRandom r) {
    return templates.get(r.nextInt(templates.size()));
  }
}
