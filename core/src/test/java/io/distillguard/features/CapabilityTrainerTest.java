package io.distillguard.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilityTrainerTest {

  @Test
  void heldOutWordingSharesNoPhraseWithTrainingWording() {
    Set<String> training = new HashSet<>(Wording.TRAINING.openers());
    training.addAll(Wording.TRAINING.closings());
    for (String p : Wording.HELD_OUT.openers()) {
      assertThat(training).doesNotContain(p);
    }
    for (String p : Wording.HELD_OUT.closings()) {
      assertThat(training).doesNotContain(p);
    }
  }

  @Test
  void wrapKeepsTheTaskAndAddsOnlyWordingFromItsPool() {
    SplittableRandom r = new SplittableRandom(3);
    String task = "Natalia sold clips to 48 of her friends in April. How many clips did she sell?";
    int opened = 0;
    int closed = 0;
    for (int i = 0; i < 300; i++) {
      String w = Wording.HELD_OUT.wrap(task, r);
      int at = w.indexOf(task);
      assertThat(at).isNotNegative();
      String before = w.substring(0, at).strip();
      String after = w.substring(at + task.length()).strip();
      assertThat(before.isEmpty() && after.isEmpty()).isFalse();
      if (!before.isEmpty()) {
        assertThat(Wording.HELD_OUT.openers()).contains(before);
        opened++;
      }
      if (!after.isEmpty()) {
        assertThat(Wording.HELD_OUT.closings()).contains(after);
        closed++;
      }
    }
    // a third opener only, a third closing only, a third both
    assertThat(opened).isBetween(160, 240);
    assertThat(closed).isBetween(160, 240);
    // seeded: the same seed wraps the same way
    assertThat(Wording.TRAINING.wrap(task, new SplittableRandom(9)))
        .isEqualTo(Wording.TRAINING.wrap(task, new SplittableRandom(9)));
  }

  /** A prompts folder with every training file, each holding rows of its class's synthetic vocabulary. */
  private static void corpus(Path dir, long seed) throws IOException {
    String[][] vocab = {
      {"how", "many", "apples", "total", "minutes", "cost", "each", "left", "sum", "twice"}, // reasoning
      {"function", "python", "return", "list", "implement", "class", "string", "array", "bug", "compile"}, // coding
      {"api", "weather", "call", "fetch", "endpoint", "tool", "query", "hotel", "flight", "booking"}, // agentic
      {"poem", "story", "recipe", "travel", "letter", "friend", "summer", "garden", "movie", "song"}, // general
    };
    SplittableRandom r = new SplittableRandom(seed);
    for (CapabilityTrainer.Source s : CapabilityTrainer.SOURCES) {
      Path f = dir.resolve(s.file());
      Files.createDirectories(f.getParent());
      String[] words = vocab[CapabilityTrainer.CLASSES.indexOf(s.label())];
      List<String> rows = new ArrayList<>(Files.exists(f) ? Files.readAllLines(f) : List.of());
      for (int i = 0; i < 40; i++) {
        StringBuilder p = new StringBuilder();
        for (int k = 0; k < 6 + r.nextInt(6); k++) {
          p.append(words[r.nextInt(words.length)]).append(' ');
        }
        // the filters of the shared files look at these fields: give every row each one's matching value
        String extra = switch (s.label()) {
          case "reasoning" -> ",\"subcategory\":\"math\",\"category\":\"math\"";
          case "coding" -> ",\"subcategory\":\"coding\",\"category\":\"coding\"";
          case "general" -> ",\"subcategory\":\"creative_writing\",\"category\":\"writing\"";
          default -> "";
        };
        if (s.label().equals("general") && r.nextInt(5) == 0) {
          // as in real sets, where requests to explain things step by step are mostly general ones
          p.append("Explain step by step, walk me through how you get there.");
        }
        rows.add("{\"prompt\":\"" + p.toString().strip() + "\"" + extra + "}");
      }
      Files.write(f, rows, StandardCharsets.UTF_8);
    }
  }

  private static byte[] bytes(CapabilityModel m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.write(out);
    return out.toByteArray();
  }

  @Test
  void trainingIsDeterministicAndLearnsTheTaskNotTheWording(@TempDir Path dir) throws IOException {
    corpus(dir, 11);
    CapabilityTrainer.Result a = new CapabilityTrainer(42).train(dir);
    CapabilityTrainer.Result b = new CapabilityTrainer(42).train(dir);
    assertThat(bytes(a.model())).isEqualTo(bytes(b.model()));
    assertThat(a.holdoutAccuracy()).isGreaterThan(0.9);
    assertThat(a.holdoutWrappedAccuracy()).isGreaterThan(0.9);
    assertThat(a.leaveOneSourceOutWrapped().keySet()).isEqualTo(a.leaveOneSourceOut().keySet());

    // a task whose own words say coding, wrapped in an explanation request that the general rows often carry: with
    // the wording on every class in training it carries no class; without, it pulls the task to general
    String text = "python function return. Explain step by step. Walk me through how you get there.";
    CapabilityTrainer plain = new CapabilityTrainer(42, 1, 0.1, 1e-5, false);
    CapabilityModel unaugmented = plain.train(dir).model();
    assertThat(classify(a.model(), text)).isEqualTo(Capability.CODING);
    assertThat(classify(unaugmented, text)).isEqualTo(Capability.GENERAL);
    assertThat(bytes(unaugmented)).isNotEqualTo(bytes(a.model()));
  }

  private static Capability classify(CapabilityModel m, String text) {
    String normalized = TextNormalizer.standard().normalize(text);
    return new CapabilityClassifier(m).byModel(TextShape.append(Tokens.of(normalized), text, normalized));
  }
}
