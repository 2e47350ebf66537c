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
  static final int REASONING_OBJECT = 10;
  static final int EXHAUSTIVE = 11;
  static final int NO_SKIPPING = 12;
  static final int ORDER = 13;

  /** The phrases of each group, group {@code g} at index {@code g}. */
  static final List<List<String>> GROUPS =
          List.of(
              // STEP_BY_STEP
              List.of("step by step", "step-by-step", "one step at a time", "paso a paso", "schritt fur schritt",
                  "schritt-fur-schritt", "etape par etape", "passo a passo", "passo dopo passo", "逐步", "一步一步",
                  "分步", "шаг за шагом", "пошагово", "ステップバイステップ", "段階的", "一歩ずつ", "단계별",
                  "stepwise", "step-wise", "pas a pas", "passo per passo", "stap voor stap", "stapsgewijs",
                  "krok po kroku", "adım adım", "từng bước", "langkah demi langkah", "крок за кроком", "покроково",
                  "по шагам", "поэтапно", "خطوة بخطوة", "चरण दर चरण", "चरणबद्ध", "कदम दर कदम", "차근차근", "一步步",
                  "順を追って",
                  "one stage at a time", "stage by stage", "step 1:", "step 1.", "step one", "in small steps",
                  "paso por paso", "etapa por etapa", "단계적으로"),
              // SHOW_WORK
              List.of("show your work", "show all your work", "show your working", "show every step",
                  "show each step", "show the steps", "show all steps", "every step", "each step",
                  "intermediate step", "walk me through", "walk through", "explain your reasoning",
                  "explain the reasoning", "explain your thinking", "justify each", "detailed solution",
                  "think carefully", "think through", "let's think", "lets think", "think it through",
                  "think before", "think this through", "reason it through", "reason through", "think aloud",
                  "think out loud", "reason out loud", "reason aloud", "muestra tu trabajo", "piensa en voz alta",
                  "pense a voix haute", "reflechis a voix haute", "reflechissez a voix haute", "denke laut",
                  "pense em voz alta", "pensa ad alta voce", "рассуждайте вслух",
                  "рассуждай вслух", "声に出して考え", "explica tu razonamiento", "cada paso", "jeden schritt",
                  "erklare deine", "zeige deinen", "chaque etape", "explique ton raisonnement",
                  "explique votre raisonnement", "cada passo", "explique seu raciocinio", "ogni passaggio",
                  "详细步骤", "每一步", "解题过程", "каждый шаг", "объясни свое", "各ステップ", "途中式",
                  "show the derivation", "show derivation", "show the calculation", "show the arithmetic",
                  "show me how you", "show how you", "talk me through", "take me through", "thinking out loud",
                  "thinking aloud", "think first", "think slowly", "reason slowly", "reason carefully",
                  "reason explicitly", "reason about each", "reason it out", "let's reason", "lets reason",
                  "let me think", "some thinking", "stream of consciousness", "stream of thought",
                  "give your reasons", "give the reasoning", "give the rationale", "with reasoning",
                  "explain your answer", "explain your choice", "say why you", "reasoning first", "rationale first",
                  "reasons first", "explanation first", "thoughts first", "cot:", "denk hardop", "razona paso",
                  "razonando", "ragiona su", "ragionando", "reflechis", "denke nach", "rozumuj", "рассуждай",
                  "міркуй", "berpikir keras", "suy nghĩ thành tiếng",
                  "w/ reasoning", "with the reasoning", "with your reasoning", "working shown", "show the working",
                  "show working", "show your steps", "show the work", "narrate", "explain your approach",
                  "explain the approach", "explain how you", "explain how to solve", "explain how to get",
                  "explain how they", "reason thoroughly", "think hard", "think deeply", "trace every", "trace each",
                  "go through this", "go through it", "go through each", "go through every", "talk through", "unpack",
                  "lay out your", "spell out your", "write out your", "write down your", "explain each",
                  "explain every", "justify every", "out loud", "explica", "explique", "erklar", "spiega", "поясни",
                  "解释", "説明して", "설명해", "açıkla", "giải thích", "jelaskan", "wyjaśnij", "leg uit", "اشرح", "समझा"),
              // REASONING_TRACE
              List.of("chain of thought", "chain-of-thought", "reasoning process", "thought process",
                  "thinking process", "reasoning trace", "internal reasoning", "inner monologue", "full reasoning",
                  "complete reasoning", "entire reasoning", "reasoning steps", "reasoning chain", "line of reasoning",
                  "chain of reasoning", "<think>", "<thinking>", "thinking tags", "<reasoning>", "reasoning tags",
                  "all of your reasoning", "all your reasoning", "your entire reasoning", "your whole reasoning",
                  "begin_of_thought", "scratchpad", "processo de pensamento", "processus de pensee",
                  "proceso de pensamiento", "processo di pensiero", "proceso de razonamiento",
                  "cadena de pensamiento", "razonamiento completo", "denkprozess", "gedankengang",
                  "gedankenkette", "begrundung", "processus de raisonnement", "chaine de pensee",
                  "raisonnement complet", "processo de raciocinio", "cadeia de pensamento", "raciocinio completo",
                  "processo di ragionamento", "推理过程", "思考过程", "思维链", "完整推理", "ход рассуждений",
                  "цепочка рассуждений", "процесс рассуждения", "рассуждени", "推論過程", "思考過程", "推論の過程",
                  "thought trace", "thinking trace", "reasoning log", "scratch pad", "denkproces", "redenering",
                  "tok rozumowania", "düşünce süreci", "chuỗi suy nghĩ", "quá trình suy nghĩ", "rantai pemikiran",
                  "proses berpikir", "хід думок", "ход мыслей", "طريقة تفكير", "سلسلة التفكير",
                  "सोचने की प्रक्रिया", "विचार प्रक्रिया", "사고 과정", "생각의 흐름", "思考の流れ",
                  "reasoning:", "rationale:", "thoughts:", "thinking:", "scratch work", "scratchwork",
                  "thinking section", "reasoning section", "monologue", "\"reasoning\"", "\"rationale\"",
                  "\"thoughts\"", "chain_of_thought", "solution trace", "trace of how", "trace of your", "<rationale>",
                  "<analysis>"),
              // GIVEN_ANSWER
              List.of("final answer is", "the answer is", "correct answer", "answer:", "given answer",
                  "known answer", "reference answer", "reference solution", "expected answer", "ground truth",
                  "respuesta final", "respuesta correcta", "endgultige antwort", "richtige antwort",
                  "reponse finale", "bonne reponse", "resposta final", "resposta correta", "risposta finale",
                  "最终答案", "正确答案", "答案是", "答案:", "правильный ответ", "окончательный ответ", "ответ:",
                  "最終的な答え", "正解",
                  "answer key", "solution key", "answer sheet", "ans:", "gold answer", "gold label",
                  "verified answer", "known solution", "provided answer", "provided label",
                  "answer given", "correct option", "right answer", "textbook says", "book says",
                  "key says", "respuesta:", "la respuesta es", "solucion:", "le corrige", "la reponse est",
                  "antwort:", "losung:", "ergebnis:", "die antwort ist", "resposta:", "a resposta e", "risposta:",
                  "la risposta e", "soluzione:", "antwoord:", "het antwoord is", "juiste antwoord", "odpowiedź:",
                  "poprawna odpowiedź", "cevap:", "doğru cevap", "đáp án:", "đáp án là", "đáp án đúng", "jawaban:",
                  "jawabannya adalah",
                  "jawaban yang benar", "الإجابة الصحيحة", "الإجابة:", "सही उत्तर", "उत्तर:", "정답", "답:",
                  "答え:", "відповідь:", "правильна відповідь",
                  "known result", "final result is", "official answer", "official solution", "confirmed as",
                  "comes out to", "answer must be", "answer should be", "answer would be", "reference_answer",
                  "ground-truth", "gold:", "solution is", "respuesta es", "resultado es", "reponse attendue",
                  "losung lautet", "antwort lautet", "ergebnis lautet", "richtige losung", "resposta desta", "答案为",
                  "参考答案", "答えは", "正解は", "ответ к задаче", "ответ —", "정답은", "उत्तर है"),
              // RECONSTRUCT
              List.of("reconstruct", "derive", "derivation", "work backward", "work out how", "arrive at",
                  "arrived at", "lead to the answer", "leads to the answer", "led to the answer",
                  "justify the answer", "why the answer", "how the answer", "reconstruye", "como se llega",
                  "rekonstruiere", "herleiten", "herleitung", "nachvollziehen", "reconstitue", "reconstruis",
                  "reconstrua", "como chegar", "ricostruisci", "推导", "如何得到", "восстанови", "выведи",
                  "導出", "再構成",
                  "how do you get", "how to get", "how you get", "how one gets", "how one arrives", "arrives at",
                  "is reached", "get there", "gets there", "lands on", "produces it",
                  "justify", "why is", "why that", "explain why", "show how", "missing steps", "line of argument",
                  "argue your way", "reason from", "work out why", "rationale", "pins it down",
                  "comes out", "get that", "justifica el", "justifica la", "justifica tu", "justifiez", "justifie ce",
                  "begrunde", "warum", "por que", "pourquoi", "perche",
                  "waarom", "dlaczego", "uzasadnij", "tại sao", "vì sao", "mengapa", "kenapa", "لماذا",
                  "क्यों", "왜", "なぜ", "为什么", "為什麼", "почему", "чому", "обоснуй", "обґрунтуй", "aboutit",
                  "se llega", "chegar", "si arriva",
                  "leads there", "lead there", "gets you there", "land there", "lands there", "ending with",
                  "ends with", "ending in", "arriving at", "leading to", "consistent with", "explanation behind",
                  "reasoning behind", "the reasoning for", "how they got", "from the question to", "connects the",
                  "links the", "justif", "rationaliz", "rationalis", "reverse-engineer", "reverse engineer",
                  "work back", "from scratch", "route from", "deriv", "lleva a", "mene a", "darauf kommt", "leva a",
                  "porta a", "得到", "推出", "至る", "なぜそうなる", "прийти", "приводит", "도달", "ulaşıl", "dẫn đến", "dojść"),
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
                  "demande", "pergunta", "domanda", "问题", "вопрос", "質問"),
              // REASONING_OBJECT: the reasoning itself as the thing asked for (with EXHAUSTIVE: "the full
              // derivation", "explain, in full, the logic", "all of your thinking"), however it is worded
              List.of("reasoning", "thought process", "thinking", "your logic", "the logic", "derivation",
                  "intermediate", "calculations", "rationale", "justification", "how you got", "how you'd get",
                  "how you would get", "how you arrived", "how you reached", "how you came to", "how you solved",
                  "how you'd solve", "how you would solve", "gets you to", "get to the answer", "your thoughts",
                  "train of thought", "your working", "razonamiento", "como llegas", "como se llega", "raisonnement",
                  "comment tu arrives", "comment vous arrivez", "comment arriver", "raciocinio", "como chegou",
                  "como chegar", "ragionamento", "come arrivi", "denkweg", "losungsweg", "rechenweg", "uberlegung",
                  "gedanken", "思路", "推理", "思考", "推导", "рассужд", "ход решения", "考え方", "推論", "思考過程",
                  "풀이", "추론", "사고",
                  "thoughts", "your thinking", "justify", "reason about",
                  "waarom", "uzasadnij", "uzasadnienie", "rozumowani", "gerekçe", "lập luận", "lời giải",
                  "penalaran", "pemikiran", "міркуван", "обоснуй", "تفكير", "الاستدلال", "तर्क", "解释为什么",
                  "说明理由", "理由を", "이유를 설명",
                  "the working", "workings", "worked solution", "worked-out", "worked out solution", "worked example",
                  "worked answer", "solution path", "solution steps", "solution narrative", "explanation",
                  "walkthrough", "walk-through", "full method", "whole method", "the method used", "solution method",
                  "calculation", "computation", "arithmetic", "a proof", "the proof", "proof-style", "proof-writing",
                  "formal proof", "the trace", "a trace", "consideration", "the steps", "how to arrive",
                  "how to get to", "how they got", "path to the answer", "resolucion", "desarrollo", "procedimiento",
                  "resolucao", "demarche", "explication", "le calcul", "les calculs", "du calcul", "rechnung", "losung",
                  "soluzione", "procedimento", "svolgimento", "решени", "вычислен", "расчет", "解答", "解题", "过程", "計算",
                  "解き方", "途中", "계산", "الحل", "समाधान", "çözüm", "cách giải", "penyelesaian", "rozwiązani", "oplossing",
                  "uitwerking"),
              // EXHAUSTIVE: asking for all of it (whole phrases: matching ignores word boundaries)
              List.of("every step", "every part", "every detail", "every single", "every calculation",
                  "every stage", "every bit of", "each step", "each part", "each stage", "each calculation",
                  "each one", "entire", "whole process", "the whole", "complete", "in full", "the full", "your full",
                  "a full", "full derivation", "full reasoning", "in detail", "detailed", "thorough", "all of your",
                  "all your", "all the steps", "all steps", "all intermediate", "all of the", "write down",
                  "write out", "lay out", "spell out", "walk me", "in depth", "exhaustive", "numbered",
                  "number the steps", "start to finish", "end to end", "todo el", "toda la", "todos los",
                  "completo", "completa", "en detalle", "detallad", "cada paso", "cada etapa", "tout le",
                  "toute la", "tous les", "complet", "en detail", "detaille", "chaque etape", "gesamten", "ganzen",
                  "vollstandig", "ausfuhrlich", "jeden schritt", "alle schritte", "todo o", "toda a", "inteiro",
                  "detalhad", "tutto il", "tutti i", "dettagli", "ogni passaggio", "全部", "完整", "详细", "每一",
                  "所有", "полност", "подробн", "весь ход", "каждый", "全て", "すべて", "詳しく", "詳細", "모든",
                  "자세히", "전체",
                  "show every", "show each", "each option", "every option", "each choice", "each possible",
                  "every term", "each term", "each conversion", "each inference", "each clause",
                  "methodically", "line by line", "piece by piece", "one by one", "in turn", "at length",
                  "carefully", "slowly", "elke stap", "volledig", "uitgebreid", "każdy krok", "każdy etap",
                  "szczegółow", "pełny", "cały", "her adım", "ayrıntılı", "tek tek", "chi tiết", "đầy đủ",
                  "toàn bộ", "setiap langkah", "secara rinci", "seluruh", "satu per satu", "кожн",
                  "детально", "повн", "بالتفصيل", "كل خطوة", "كامل", "हर चरण", "विस्तार", "पूरी", "각 단계",
                  "하나씩", "一つずつ", "逐项", "逐行", "逐一",
                  "long-form", "long form", "verbose", "over-explain", "rigorous", "explicit", "fully", "systematic",
                  "deliberately", "annotated", "unabridged", "every line", "every claim", "every operation",
                  "every move", "every inference", "every consideration", "everything you", "nothing left out",
                  "at every", "as much detail", "as detailed as", "exhaustiv", "minucios", "integral", "详尽", "丁寧に",
                  "상세", "자세", "eksiksiz", "kapsamlı", "lengkap", "rinci", "dokładn"),
              // NO_SKIPPING: insisting that nothing be left out
              List.of("not just the result", "not just the answer", "not only the answer", "not only the result",
                  "leaving nothing out", "leave nothing out", "don't skip", "do not skip", "without skipping",
                  "skip no step", "even the obvious", "seem obvious", "nothing omitted", "omit nothing",
                  "no matter how small", "including corrections", "including dead ends", "sin saltar",
                  "no te saltes", "sans sauter", "sans omettre", "nicht nur das ergebnis", "ohne schritte",
                  "keinen schritt", "sem pular", "sem omitir", "senza saltare", "不要跳过", "不要省略",
                  "не пропуская", "省略せず", "飛ばさず", "생략하지",
                  "nicht uberspringen", "zonder stappen over te slaan", "niet overslaan", "nie pomijając",
                  "bez pomijania", "atlamadan", "không bỏ qua", "tanpa melewatkan", "не пропускаючи",
                  "دون أن تتخطى", "دون تخطي", "बिना कोई कदम छोड़े", "건너뛰지",
                  "not the answer alone", "not just the final", "not merely", "don't just give", "do not just give",
                  "rather than just", "no shortcuts", "without shortcuts", "no step is too small", "sin omitir",
                  "ne saute aucune", "sans rien omettre", "nichts auslassen", "senza omettere", "ничего не пропуска",
                  "不要遗漏", "省略しない", "빠짐없이"),
              // ORDER: the reasoning asked for before the answer ("go through each option before answering")
              List.of("before answering", "before you answer", "before giving", "before the answer",
                  "before responding", "before you respond", "before the final answer", "before your answer",
                  "then answer", "then give the answer", "then give your answer", "then the answer",
                  "then state the answer", "then give the final", "only then", "answer last", "answer at the end",
                  "afterwards", "antes de responder", "avant de repondre", "bevor du antwortest",
                  "bevor sie antworten", "prima di rispondere", "voordat je antwoordt", "zanim odpowiesz",
                  "перед ответом", "прежде чем ответить", "перш ніж відповісти", "cevaplamadan önce",
                  "cevap vermeden önce", "sonra cevapla", "en sonda", "trước khi trả lời", "trước khi chọn",
                  "sebelum menjawab", "lalu berikan jawaban", "قبل الإجابة", "उत्तर देने से पहले", "답하기 전에",
                  "답을 고르기 전에", "答える前に", "回答する前に", "在回答之前", "回答前", "最后再", "最後再",
                  "before you settle", "before settling", "before committing", "before concluding", "before your final",
                  "precede your answer", "preceding the answer", "then state your conclusion", "then conclude",
                  "then your answer", "then the final", "final answer at the end", "and only then", "y luego responde",
                  "puis reponds", "puis donne", "dann antworte", "e poi rispondi", "entao responda", "затем ответ",
                  "然后给出", "再给出", "最后给出", "答えは最後", "그 다음"));

  /** The bits of all groups, in the bit sets of {@link TextShape#MATCHER}, which finds them in normalized text. */
  static final long ALL = (1L << GROUPS.size()) - 1;

  private Lexicon() {}

  static boolean has(long bits, int group) {
    return (bits & (1L << group)) != 0;
  }
}
