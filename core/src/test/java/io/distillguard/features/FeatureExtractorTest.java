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

  /**
   * Elicitation in wordings that appear nowhere in the lexicon as such: the reasoning named as the thing wanted, and
   * asked for in full or without skipping, in several languages.
   */
  @Test
  void reasoningAskedForInFull_isDetected_whateverTheWording() {
    for (String p : List.of(
        "Please spell out your entire line of thinking before you answer: how many primes are below 50?",
        "Document all of the intermediate calculations for 17 * 23 - 4.",
        "What is 3/8 as a percentage? I want the full derivation, not just the result.",
        "Détaille tout ton raisonnement : combien font 12 fois 13 ?",
        "Zeige den vollständigen Rechenweg: Wie viel sind 15 Prozent von 240?",
        "Explica con todo el razonamiento, sin saltar pasos, cuánto es 2 elevado a 10.",
        "Подробно опишите ход решения: сколько будет 45 умножить на 12?")) {
      assertThat(user(p).cot().score()).as(p).isGreaterThanOrEqualTo(0.4);
      assertThat(user(p).cot().worded()).as(p).isTrue(); // the reasoning asked for in full: counted in the share
    }
    // "step by step" or "show your work" alone is what homework help and evaluation templates say: some
    // elicitation, not counted as asking for the reasoning in full
    for (String p : List.of("Solve step by step: what is 15% of 240?", "What is 12 * 13? Show your work.")) {
      assertThat(user(p).cot().score()).as(p).isEqualTo(0.35);
      assertThat(user(p).cot().worded()).as(p).isFalse();
    }
    // naming the reasoning and insisting that nothing be skipped is a clear ask on its own
    assertThat(user("Give me the full derivation of the quadratic formula, not just the result.").cot().score())
        .isGreaterThanOrEqualTo(0.6);
  }

  /**
   * Harvest wrappers that name what they want without the usual phrases: the working, a worked or annotated
   * solution, the reasoning written before the answer, a known result to be reached again. Each reads as plain
   * elicitation (two kinds of asking together), so an account rotating such wrappers is still counted.
   */
  @Test
  void reasoningAskedForInOtherWords_isReadAsElicitation() {
    for (String p : List.of(
        "Lay out your working in full and only then commit to a number: how many weekdays are there in March 2026?",
        "First talk through your considerations, every single one, then answer. Is 221 a prime?",
        "Presenta el desarrollo completo, sin omitir nada, y al final da la respuesta: 3x + 5 = 20.")) {
      assertThat(user(p).cot().score()).as(p).isGreaterThanOrEqualTo(0.6);
    }
    assertThat(user("Produce an annotated, worked solution showing every operation: 15% of 240 plus 12.").cot()
        .score()).isGreaterThanOrEqualTo(0.4);
    for (String p : List.of(
        "The official answer is 42. Write a rigorous solution consistent with it: 6 times 7.",
        "Known result: 120. Reverse-engineer the solution path for 5!.",
        "Die richtige Antwort lautet 17. Erkläre ausführlich, wie man darauf kommt: 8 + 9.")) {
      assertThat(user(p).cot().reconstruction()).as(p).isTrue();
    }
  }

  @Test
  void detailOrReasoningAlone_isNotElicitation() {
    for (String p : List.of(
        "Please give me a detailed itinerary for a week in Rome with museums and restaurants.",
        "What is the rationale behind the new tax law on second homes?",
        "Complete the function below so that it returns the sum of a list.",
        "Write a thorough product description for a waterproof hiking boot.",
        "Print the full stack trace and the complete argument list of the failing call.",
        "Complete the method below so that every inference request is logged.",
        "I'm thinking about moving to Lisbon; what neighbourhoods do people like?")) {
      assertThat(user(p).cot().score()).as(p).isZero();
    }
  }

  /** Reasoning asked for before the answer, the way evaluation templates and harvest harnesses put it. */
  @Test
  void reasoningBeforeTheAnswer_isDetected() {
    for (String p : List.of(
        "Which gas do plants release in photosynthesis? (a) CO2 (b) O2 (c) N2. Before answering, weigh each option"
            + " and justify why you keep or drop it.",
        "Give the rationale first, then the answer: is 221 a prime number?",
        "Is a tomato a fruit? Think slowly and write your thoughts, then answer.",
        "Wie viele Kanten hat ein Würfel? Denke nach und erkläre deine Überlegung, bevor du antwortest.",
        "Ile to jest 14 razy 16? Rozwiąż krok po kroku.",
        "Bir üçgenin iç açıları toplamı kaçtır? Adım adım çöz.",
        "Hoeveel is 7 tot de macht 3? Werk het stap voor stap uit.")) {
      assertThat(user(p).cot().score()).as(p).isGreaterThanOrEqualTo(0.35);
    }
  }

  /** An answer key plus a request for the way to it, however the answer is labelled and the request worded. */
  @Test
  void answerKeyAndTheWayToIt_isReconstruction() {
    for (String p : List.of(
        "The answer key says 12. How many edges does a cube have? Show how you get 12.",
        "Gold answer: (B). Which planet is closest to the sun? (A) Venus (B) Mercury (C) Mars. Justify it.",
        "Die richtige Antwort ist C. Warum? Welches Element hat das Symbol Fe? A) Fluor B) Francium C) Eisen",
        "x = 5 is the verified answer to 2x + 3 = 13. Write out the steps that get there, step by step.")) {
      RequestFeatures f = user(p);
      assertThat(f.cot().reconstruction()).as(p).isTrue();
      assertThat(f.cot().score()).as(p).isGreaterThanOrEqualTo(0.4);
    }
  }

  /**
   * Words that only look like a request for reasoning: a task statement that mentions the answer and an example's
   * explanation, a role prompt that speaks of logic and explanations, a translation of a reasoning phrase's meaning.
   */
  @Test
  void answerOrExplanationMentionedInPassing_isNotReconstruction() {
    for (String p : List.of(
        "给定一个整数数组，返回所有子数组的和。由于答案可能很大，请返回对 10^9 + 7 取模的结果。示例 1：输入 [1,2]，输出 6，"
            + "解释：子数组为 [1]、[2]、[1,2]。",
        "Act as a senior lawyer. You give precise explanations of the logic of contract law and complete,"
            + " careful arguments for each position a client might take.",
        "Read this CSV and reconstruct the missing header row: 1,Alice,34\n2,Bob,29",
        "Explain how to get the answer, step by step: how many times can Gabe play his entire playlist in an hour?",
        "Count the pairs of rated players who meet. Sample input: 2 1. Sample output: 0. Explanation: there is one"
            + " match, between a rated and an unrated player. Thus the answer is 0.")) {
      RequestFeatures f = user(p);
      assertThat(f.cot().reconstruction()).as(p).isFalse();
      assertThat(f.cot().score()).as(p).isLessThan(0.6);
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

  @Test
  void concurrentExtraction_givesTheSameFeaturesAsSequential() throws Exception {
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    String[] pieces = {"Solve step by step.", "def f(x):\n    return x", "caf\u00e9 \u4e2d\u6587 ",
        "\u0440l\u0435\u0430s\u0435", "\u039F\u03A3 \uD83D\uDE00", "The answer is 42. ", "(a) one (b) two ", "{\"k\": 1} ", "rubric", "\n\n  ",
        "word ".repeat(3000)};
    List<Event> events = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder sys = new StringBuilder();
      StringBuilder user = new StringBuilder();
      for (int k = r.nextInt(4); k > 0; k--) {
        sys.append(pieces[r.nextInt(pieces.length)]);
      }
      for (int k = 1 + r.nextInt(8); k > 0; k--) {
        user.append(pieces[r.nextInt(pieces.length)]);
      }
      events.add(event(new Request("m", null, sys.toString(), List.of(Message.text("user", user.toString())),
          List.of(), null, null, null, null, null, null, null)));
    }
    FeatureExtractor x = FeatureExtractor.withBundledModel();
    List<RequestFeatures> expected = events.stream().map(X::extract).toList();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<List<RequestFeatures>>> runs = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> events.stream().map(x::extract).toList()));
      }
      for (java.util.concurrent.Future<List<RequestFeatures>> run : runs) {
        List<RequestFeatures> got = run.get();
        for (int i = 0; i < events.size(); i++) {
          RequestFeatures a = expected.get(i);
          RequestFeatures b = got.get(i);
          assertThat(b.shingles()).as("event %d", i).containsExactly(a.shingles());
          assertThat(List.of(b.systemHash(), b.capability(), b.cot(), b.promptChars()))
              .as("event %d", i).isEqualTo(List.of(a.systemHash(), a.capability(), a.cot(), a.promptChars()));
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theKeyHashesAreThoseOfTheRequestsKeys() {
    Event e = new Event("e7", T0, "acct-1", "org-1", "key-1", "user-1", null,
        new io.distillguard.event.ClientInfo("203.0.113.9", 64500L, "Example", "sdk/1", "tls-1", "direct"),
        Request.of("m", List.of(Message.text("user", "hello"))), null);
    RequestFeatures f = X.extract(e);
    assertThat(f.ipRange()).isNotNull();
    assertThat(f.ipRangeKey()).isEqualTo(KeyHash.of(f.ipRange()));
    assertThat(f.accountKey()).isEqualTo(KeyHash.of("acct-1"));
    assertThat(f.ownerKey()).isEqualTo(KeyHash.of(f.owner()));
    assertThat(f.eventKey()).isEqualTo(KeyHash.sample("e7"));
    RequestFeatures noAddress = user("hello");
    assertThat(noAddress.ipRange()).isNull();
    assertThat(noAddress.ipRangeKey()).isZero();
  }
}
