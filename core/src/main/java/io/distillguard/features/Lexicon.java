package io.distillguard.features;

import java.util.List;

/**
 * The phrase groups that the chain-of-thought detector and the capability rules look for, in English and the
 * languages reasoning-trace coercion has been reported in. Phrases describe what a request asks for (a step-by-step
 * derivation, a reasoning trace, a grade against a rubric, a rewrite of a sensitive question), not any one
 * campaign's wording. Matched after {@link TextNormalizer}, so accents, case and spacing do not matter.
 */
final class Lexicon {

  static final int STEP_BY_STEP = 0;
  static final int SHOW_WORK = 1;
  static final int REASONING_TRACE = 2;
  static final int GIVEN_ANSWER = 3;
  static final int RECONSTRUCT = 4;
  static final int RUBRIC = 5;
  static final int REWRITE = 6;
  static final int SENSITIVE = 7;
  static final int COMPUTER = 8;
  static final int QUESTION_OBJECT = 9;

  /** The phrases of each group, group {@code g} at index {@code g}. */
  static final List<List<String>> GROUPS =
          List.of(
              // STEP_BY_STEP
              List.of("step by step", "step-by-step", "one step at a time", "paso a paso", "schritt fur schritt",
                  "schritt-fur-schritt", "etape par etape", "passo a passo", "passo dopo passo", "逐步", "一步一步",
                  "分步", "шаг за шагом", "пошагово", "ステップバイステップ", "段階的", "一歩ずつ", "단계별"),
              // SHOW_WORK
              List.of("show your work", "show all your work", "show your working", "show every step",
                  "show each step", "show the steps", "show all steps", "every step", "each step",
                  "intermediate step", "walk me through", "walk through", "explain your reasoning",
                  "explain the reasoning", "explain your thinking", "justify each", "detailed solution",
                  "think carefully", "think through", "let's think", "lets think", "think it through",
                  "think before", "muestra tu trabajo", "explica tu razonamiento", "cada paso", "jeden schritt",
                  "erklare deine", "zeige deinen", "chaque etape", "explique ton raisonnement",
                  "explique votre raisonnement", "cada passo", "explique seu raciocinio", "ogni passaggio",
                  "详细步骤", "每一步", "解题过程", "каждый шаг", "объясни свое", "各ステップ", "途中式"),
              // REASONING_TRACE
              List.of("chain of thought", "chain-of-thought", "reasoning process", "thought process",
                  "thinking process", "reasoning trace", "internal reasoning", "inner monologue", "full reasoning",
                  "complete reasoning", "entire reasoning", "reasoning steps", "reasoning chain", "line of reasoning",
                  "chain of reasoning", "<think>", "begin_of_thought", "scratchpad", "proceso de razonamiento",
                  "cadena de pensamiento", "razonamiento completo", "denkprozess", "gedankengang",
                  "gedankenkette", "begrundung", "processus de raisonnement", "chaine de pensee",
                  "raisonnement complet", "processo de raciocinio", "cadeia de pensamento", "raciocinio completo",
                  "processo di ragionamento", "推理过程", "思考过程", "思维链", "完整推理", "ход рассуждений",
                  "цепочка рассуждений", "процесс рассуждения", "рассуждени", "推論過程", "思考過程", "推論の過程"),
              // GIVEN_ANSWER
              List.of("final answer is", "the answer is", "correct answer", "answer:", "given answer",
                  "known answer", "reference answer", "reference solution", "expected answer", "ground truth",
                  "respuesta final", "respuesta correcta", "endgultige antwort", "richtige antwort",
                  "reponse finale", "bonne reponse", "resposta final", "resposta correta", "risposta finale",
                  "最终答案", "正确答案", "答案是", "答案:", "правильный ответ", "окончательный ответ", "ответ:",
                  "最終的な答え", "正解"),
              // RECONSTRUCT
              List.of("reconstruct", "derive", "derivation", "work backward", "work out how", "arrive at",
                  "arrived at", "lead to the answer", "leads to the answer", "led to the answer",
                  "justify the answer", "why the answer", "how the answer", "reconstruye", "como se llega",
                  "rekonstruiere", "herleiten", "herleitung", "nachvollziehen", "reconstitue", "reconstruis",
                  "reconstrua", "como chegar", "ricostruisci", "推导", "如何得到", "восстанови", "выведи",
                  "導出", "再構成"),
              // RUBRIC
              List.of("rubric", "impartial judge", "reward model", "grading criteria", "scoring criteria",
                  "evaluation criteria", "score from 1", "score of 1", "scale of 1", "scale from 1", "out of 10",
                  "1-10", "1 to 10", "rate the response", "grade the response", "grade the following",
                  "grade this", "evaluate the response", "evaluate the following response", "assess the response",
                  "score the response", "which response is better", "rubrica", "califica la respuesta",
                  "bewertungskriterien", "bewerte die antwort", "grille d'evaluation", "evalue la reponse",
                  "评分标准", "打分", "评分", "критерии оценки", "оцени ответ"),
              // REWRITE
              List.of("rewrite", "re-write", "rephrase", "reformulate", "paraphrase", "reword", "reescribe",
                  "reformula", "umformulieren", "formuliere", "reformule", "reecris", "riformula", "改写", "重写",
                  "перепиши", "перефразируй", "言い換え"),
              // SENSITIVE
              List.of("sensitive", "political", "controversial", "neutral", "harmless", "safe alternative",
                  "safer", "inoffensive", "censor", "compliant", "sensible", "politic", "heikel", "politisch",
                  "敏感", "政治", "中立", "чувствительн", "политическ", "нейтральн"),
              // COMPUTER
              List.of("screenshot", "screen shot", "click", "mouse", "cursor", "keyboard", "scroll",
                  "browser window", "desktop", "computer use", "xdotool", "left_click", "type text"),
              // QUESTION_OBJECT: what a rewrite or a grade applies to
              List.of("question", "prompt", "query", "queries", "request", "pregunta", "frage", "anfrage",
                  "demande", "pergunta", "domanda", "问题", "вопрос", "質問"));

  /** The bits of all groups, in the bit sets of {@link TextShape#MATCHER}, which finds them in normalized text. */
  static final long ALL = (1L << GROUPS.size()) - 1;

  private Lexicon() {}

  static boolean has(long bits, int group) {
    return (bits & (1L << group)) != 0;
  }
}
