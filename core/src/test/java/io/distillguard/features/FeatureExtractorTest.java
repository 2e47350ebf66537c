package io.distillguard.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.event.Event;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final FeatureExtractor X = FeatureExtractor.withBundledModel();

  private static Event event(Request q) {
    return new Event("e1", T0, "acct-1", null, null, null, null, null, q, null);
  }

  private static RequestFeatures user(String text) {
    return X.extract(event(Request.of("m", List.of(Message.text("user", text)))));
  }

  private static Request withTools(String text, List<Request.Tool> tools, List<Message.Part> extraParts) {
    List<Message.Part> parts = new java.util.ArrayList<>(extraParts);
    parts.add(Message.Part.text(text));
    return new Request("m", null, null, List.of(new Message("user", parts)), tools, null, null, null, null, null,
        null, null);
  }

  @Test
  void reconstructionOfReasoning_isDetected_inSeveralLanguages() {
    for (String p : List.of(
        "Question: A train travels 60 km in 1.5 hours. What is its speed? The answer is 40 km/h. "
            + "Reconstruct the full reasoning that leads to this answer.",
        "Pregunta: ¿Cuánto es 17 por 3? Respuesta final: 51. Escribe el proceso de razonamiento completo, "
            + "paso a paso, en español.",
        "Frage: Wie viele Tage hat ein Schaltjahr? Richtige Antwort: 366. Zeige deinen Gedankengang "
            + "Schritt für Schritt.",
        "问题：12乘以12是多少？答案是144。请写出完整的推理过程。")) {
      RequestFeatures f = user(p);
      assertThat(f.cot().reconstruction()).as(p).isTrue();
      assertThat(f.cot().score()).as(p).isGreaterThanOrEqualTo(0.75);
    }
  }

  @Test
  void ordinaryQuestion_hasNoCotSignal() {
    RequestFeatures f = user("What are some good restaurants to visit in Lisbon for a birthday dinner?");
    assertThat(f.cot()).isEqualTo(CotSignal.NONE);
    assertThat(f.capability()).isEqualTo(Capability.GENERAL);
  }

  @Test
  void thinkStepByStep_isModerate_notReconstruction() {
    RequestFeatures f = user("If I have 3 apples and eat one, how many are left? Let's think step by step.");
    assertThat(f.cot().reconstruction()).isFalse();
    assertThat(f.cot().score()).isBetween(0.3, 0.5);
  }

  @Test
  void largeReasoningBudget_raisesTheScore() {
    Request q = new Request("m", null, null, List.of(Message.text("user", "Prove that sqrt(2) is irrational.")),
        List.of(), 32000, null, null, null, null, new Request.Reasoning(true, 24000), null);
    assertThat(X.extract(event(q)).cot().score()).isGreaterThanOrEqualTo(0.3);
  }

  @Test
  void rubricGrading_and_policyRewrite_areRecognized() {
    assertThat(user("You are an impartial judge. Grade the response below against the rubric and give a score "
        + "from 1 to 10 with a justification.").capability()).isEqualTo(Capability.RUBRIC_GRADING);
    assertThat(user("Rewrite the following politically sensitive question into a neutral, harmless alternative: "
        + "what happened in the protests?").capability()).isEqualTo(Capability.POLICY_REWRITE);
  }

  @Test
  void toolsMakeItAgentic_andScreenshotsWithComputerToolsMakeItComputerUse() {
    RequestFeatures agentic = X.extract(event(withTools("Find flights from Paris to Rome next Friday.",
        List.of(new Request.Tool("search_flights", "search flights")), List.of())));
    assertThat(agentic.capability()).isEqualTo(Capability.AGENTIC_TOOL_USE);
    assertThat(agentic.toolCount()).isEqualTo(1);
    RequestFeatures computer = X.extract(event(withTools("Open the settings page and enable dark mode.",
        List.of(new Request.Tool("computer", "control the mouse and keyboard")),
        List.of(new Message.Part("image", null, null)))));
    assertThat(computer.capability()).isEqualTo(Capability.COMPUTER_USE);
    assertThat(computer.hasImages()).isTrue();
  }

  @Test
  void codingAndMath_areClassifiedByTheModel() {
    assertThat(user("Write a Python function that returns the n-th Fibonacci number using memoization, and "
        + "include unit tests.").capability()).isEqualTo(Capability.CODING);
    assertThat(user("Janet has 16 eggs. She eats 3 for breakfast and bakes muffins with 4. She sells the rest "
        + "at $2 each. How much does she make every day?").capability()).isEqualTo(Capability.REASONING);
  }

  @Test
  void sameTemplate_differentSlots_shareTheTemplateShingles() {
    String wrap = "Here is a problem and its known final answer. Walk through the complete chain of reasoning "
        + "that arrives at it, numbering every step. ";
    RequestFeatures a = user(wrap + "Problem: How many legs do 7 spiders have? Answer: 56");
    RequestFeatures b = user(wrap + "Problem: What is 15% of 240? Answer: 36");
    java.util.Set<Long> common = new java.util.HashSet<>();
    for (long s : a.shingles()) {
      common.add(s);
    }
    long shared = java.util.Arrays.stream(b.shingles()).filter(common::contains).count();
    assertThat(shared).isGreaterThanOrEqualTo(20);
    assertThat(a.systemHash()).isZero();
  }

  @Test
  void systemPromptShingles_joinThePrompts_andItsHashIsStable() {
    Request q = new Request("m", null, "You are a meticulous tutor who always explains every step of a solution.",
        List.of(Message.text("user", "What is 2 + 2?")), List.of(), null, null, null, null, null, null, null);
    RequestFeatures f = X.extract(event(q));
    RequestFeatures g = X.extract(event(q));
    assertThat(f.systemHash()).isNotZero().isEqualTo(g.systemHash());
    assertThat(f.shingles().length).isGreaterThan(user("What is 2 + 2?").shingles().length);
    assertThat(f.cot().score()).isGreaterThan(0); // "every step" found in the system prompt
  }

  @Test
  void longPrompts_areBounded() {
    RequestFeatures f = user("x ".repeat(100_000));
    assertThat(f.promptChars()).isLessThanOrEqualTo(FeatureExtractor.MAX_PROMPT_CHARS + 1);
  }
}
