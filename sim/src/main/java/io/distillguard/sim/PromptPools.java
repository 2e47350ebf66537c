package io.distillguard.sim;

import io.distillguard.sim.corpus.Corpus;
import io.distillguard.sim.corpus.Prompt;
import io.distillguard.sim.corpus.PromptSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The corpus cut into the pools the workloads draw from: problems with answers (math, FLAN, BBH), coding tasks,
 * tool-use tasks with their tool definitions, general chat prompts, and the published distillation and evaluation
 * templates. Immutable after construction; draws take the caller's random source.
 */
final class PromptPools {

  /** A question with a final answer, as a harvester would hold it. */
  record Problem(String question, String answer) {}

  final List<Prompt> gsm8k;
  final List<Prompt> flan;
  final List<Problem> bbh;
  final List<Prompt> bbhFull;
  final List<Prompt> humanEval;
  final List<Prompt> codegen;
  final List<Prompt> codingChat;
  final List<Prompt> toolTasks;
  final List<Prompt> apiTasks;
  final List<Prompt> generalChat;
  final List<Prompt> personaPrompts;
  final List<String> reasoningSystems;
  final List<String> flanTemplates;
  final String simpleEvalsMath;
  final String simpleEvalsChoice;
  final String openR1Template;
  final String r1Directive;
  final String magicoderTemplate;
  final String toolbenchSystem;

  PromptPools(Corpus c) {
    gsm8k = c.get(PromptSet.GSM8K);
    flan = c.get(PromptSet.FLAN_COT_QUESTIONS);
    bbhFull = c.get(PromptSet.BBH_COT);
    List<Problem> b = new ArrayList<>();
    for (Prompt p : bbhFull) {
      String q = lastBbhQuestion(p.text());
      if (q != null && p.answer() != null) {
        b.add(new Problem(q, p.answer()));
      }
    }
    bbh = List.copyOf(b);
    humanEval = c.get(PromptSet.HUMAN_EVAL);
    codegen = c.get(PromptSet.GPTEACHER_CODEGEN);
    List<Prompt> coding = new ArrayList<>();
    List<Prompt> general = new ArrayList<>();
    for (PromptSet s : List.of(PromptSet.ARENA_HARD_V01, PromptSet.ARENA_HARD_V2)) {
      for (Prompt p : c.get(s)) {
        String tag = p.tag() == null ? "" : p.tag().toLowerCase(java.util.Locale.ROOT);
        boolean code = tag.contains("coding") || tag.contains("code") || p.text().contains("```")
            || p.text().contains("def ") || p.text().contains("function ");
        (code ? coding : general).add(p);
      }
    }
    codingChat = List.copyOf(coding);
    general.addAll(c.get(PromptSet.MT_BENCH));
    general.addAll(c.get(PromptSet.ALPACA_EVAL));
    general.addAll(c.get(PromptSet.SELF_INSTRUCT_USER));
    general.addAll(c.get(PromptSet.SELF_INSTRUCT_SEED));
    generalChat = List.copyOf(general);
    personaPrompts = c.get(PromptSet.AWESOME_CHATGPT);
    List<Prompt> tools = new ArrayList<>();
    for (PromptSet s :
        List.of(PromptSet.TOOLBENCH_EVAL, PromptSet.TOOLBENCH_EXAMPLES, PromptSet.TOOLBENCH_DFSDT, PromptSet.BFCL,
            PromptSet.GLAIVE_TOOLCALL)) {
      for (Prompt p : c.get(s)) {
        if (!p.tools().isEmpty()) {
          tools.add(p);
        }
      }
    }
    toolTasks = List.copyOf(tools);
    List<Prompt> api = new ArrayList<>(c.get(PromptSet.GORILLA_APIBENCH));
    api.addAll(c.get(PromptSet.GPTEACHER_TOOLFORMER));
    apiTasks = List.copyOf(api);

    List<String> systems = new ArrayList<>();
    String openR1 = null;
    String directive = null;
    for (Prompt p : c.get(PromptSet.REASONING_DISTILL)) {
      String t = p.text();
      if (t.contains("{prompt}")) {
        openR1 = t;
      } else if (t.startsWith("Please reason step by step")) {
        directive = t;
      } else if (!t.contains("{") && t.length() > 200) {
        systems.add(t);
      }
    }
    reasoningSystems = List.copyOf(systems);
    openR1Template = openR1 != null ? openR1
        : "You will be given a problem. Please reason step by step, and put your final answer within \\boxed{}:\n{prompt}";
    r1Directive = directive != null ? directive
        : "Please reason step by step, and put your final answer within \\boxed{}.";
    List<String> ft = new ArrayList<>();
    for (Prompt p : c.get(PromptSet.FLAN_COT_TEMPLATES)) {
      String t = p.text();
      if (t.contains("{question}") && t.indexOf('{') == t.lastIndexOf('{')) {
        ft.add(t);
      }
    }
    flanTemplates = List.copyOf(ft);
    String math = null;
    String choice = null;
    for (Prompt p : c.get(PromptSet.SIMPLE_EVALS_TEMPLATES)) {
      if (p.text().contains("{A}")) {
        choice = p.text();
      } else if (p.text().contains("{Question}")) {
        math = p.text();
      }
    }
    simpleEvalsMath = math != null ? math
        : "Solve the following math problem step by step. The last line of your response should be of the form"
            + " Answer: $ANSWER (without quotes) where $ANSWER is the answer to the problem.\n\n{Question}";
    simpleEvalsChoice = choice;
    magicoderTemplate = c.get(PromptSet.MAGICODER_TEMPLATE).get(0).text();
    String tbs = null;
    for (Prompt p : c.get(PromptSet.TOOLBENCH_TEMPLATES)) {
      if (p.text().startsWith("You are AutoGPT")) {
        tbs = p.text();
        break;
      }
    }
    toolbenchSystem = tbs;
  }

  /** The question a few-shot BBH prompt finally asks, without the worked examples. */
  static String lastBbhQuestion(String prompt) {
    int q = prompt.lastIndexOf("Q: ");
    if (q < 0) {
      return null;
    }
    int a = prompt.indexOf("\nA:", q);
    String s = a > 0 ? prompt.substring(q + 3, a) : prompt.substring(q + 3);
    return s.strip();
  }

  static <T> T pick(List<T> l, SplittableRandom r) {
    return l.get(r.nextInt(l.size()));
  }

  /** A problem with an answer: a BBH item with its target, or a math/FLAN question with a plausible answer. */
  Problem problem(SplittableRandom r) {
    int k = r.nextInt(10);
    if (k < 3) {
      return pick(bbh, r);
    }
    if (k < 7) {
      String q = pick(gsm8k, r).text().strip();
      return new Problem(q, numericAnswer(q, r));
    }
    Prompt p = pick(flan, r);
    String q = p.text().strip();
    boolean numeric = "gsm8k".equals(p.tag()) || "aqua".equals(p.tag()) && !q.contains("Options:");
    return new Problem(q, numeric ? numericAnswer(q, r) : flanAnswer(q, r));
  }

  /** A question without its answer: math or FLAN. */
  String question(SplittableRandom r) {
    return (r.nextInt(3) < 2 ? pick(gsm8k, r).text() : pick(flan, r).text()).strip();
  }

  /** A plausible final number for a word problem (the harvester's reference answer; not checked). */
  static String numericAnswer(String q, SplittableRandom r) {
    long max = 10;
    long cur = -1;
    for (int i = 0; i < q.length(); i++) {
      char ch = q.charAt(i);
      if (ch >= '0' && ch <= '9') {
        cur = (cur < 0 ? 0 : cur * 10) + (ch - '0');
        if (cur > 1_000_000) {
          cur = 1_000_000;
        }
      } else if (cur >= 0) {
        max = Math.max(max, cur);
        cur = -1;
      }
    }
    if (cur >= 0) {
      max = Math.max(max, cur);
    }
    long v = 1 + r.nextLong(Math.max(2, max * 3));
    return Long.toString(v);
  }

  static String flanAnswer(String q, SplittableRandom r) {
    int o = q.indexOf("Options:");
    if (o >= 0) {
      String[] lines = q.substring(o + 8).strip().split("\n");
      List<String> opts = new ArrayList<>();
      for (String l : lines) {
        String s = l.strip();
        if (s.startsWith("-")) {
          s = s.substring(1).strip();
        }
        if (!s.isEmpty()) {
          opts.add(s);
        }
      }
      if (!opts.isEmpty()) {
        return opts.get(r.nextInt(opts.size()));
      }
    }
    return r.nextBoolean() ? "yes" : "no";
  }
}
