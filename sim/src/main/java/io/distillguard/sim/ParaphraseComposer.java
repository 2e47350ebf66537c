package io.distillguard.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code paraphrased-cot} campaign's wrapper: every request's instruction is assembled from interchangeable
 * fragments (opener, request for the full reasoning, level of detail, output format, language), in shuffled order
 * and one of several layouts, in English or one of seven other languages asking for the reasoning in that language.
 */
final class ParaphraseComposer {

  /** Fragments of one language: openers, asks, details, formats, question labels, language demands, heading. */
  private record Lang(
      String code,
      String[] openers,
      String[] asks,
      String[] details,
      String[] formats,
      String[] labels,
      String[] demands,
      String heading) {}

  private static final Lang EN =
      new Lang(
          "en",
          new String[] {"", "", "Hi.", "Hello!", "I have a question.", "Need some help here.", "Here's one for you."},
          new String[] {
            "Solve the problem below and show your entire reasoning, step by step.",
            "Walk me through how you'd get to the answer, leaving nothing out.",
            "I'd like to see your complete thought process from start to finish.",
            "Reason it through out loud before committing to an answer.",
            "Lay out every step of your thinking as you work on this.",
            "Give me the full derivation, not just the result.",
            "Please think this through in detail and write down all of your reasoning.",
            "Explain, in full, the logic that gets you to the solution.",
          },
          new String[] {
            "Include all intermediate calculations.",
            "Mention any assumptions you make and why.",
            "Don't summarise - spell out each step separately.",
            "If you consider an approach and drop it, say so and explain why.",
            "Double-check each step and show the check.",
            "Be as thorough as you can; length is not a problem.",
            "Write down even the steps that seem obvious.",
            "Show the reasoning exactly as you would think it, including corrections.",
          },
          new String[] {
            "Put the answer on a separate line at the end.",
            "Number the steps.",
            "Finish with 'Final answer: ...'.",
            "Use a bulleted list for the steps.",
            "Wrap your reasoning in <thinking> tags and the result in <answer> tags.",
            "Separate the reasoning and the final answer with a horizontal rule.",
            "Give the final result in bold.",
            "End with the answer in \\boxed{}.",
          },
          new String[] {"Problem:", "Question:", "Task:", "Q:", "Input:"},
          new String[] {},
          "Instructions");

  private static final List<Lang> OTHER =
      List.of(
          new Lang(
              "es",
              new String[] {"", "Hola.", "Necesito ayuda con lo siguiente.", "Tengo una pregunta."},
              new String[] {
                "Resuelve el siguiente problema y muestra todo tu razonamiento paso a paso.",
                "Explica detalladamente cómo llegas a la respuesta, sin omitir ningún paso.",
                "Quiero ver tu proceso de pensamiento completo, de principio a fin.",
                "Razona en voz alta antes de dar la respuesta final.",
              },
              new String[] {
                "Incluye todos los cálculos intermedios.",
                "Indica también las dudas que tengas y cómo las resuelves.",
                "No resumas: escribe cada paso por separado.",
              },
              new String[] {
                "Al final, escribe la respuesta en una línea aparte.", "Numera cada paso.",
                "Termina con «Respuesta final: …»."
              },
              new String[] {"Problema:", "Pregunta:"},
              new String[] {"Escribe todo el razonamiento en español.", "Responde únicamente en español."},
              "Instrucciones"),
          new Lang(
              "de",
              new String[] {"", "Hallo.", "Ich brauche Hilfe bei folgender Aufgabe.", "Kurze Frage:"},
              new String[] {
                "Löse die folgende Aufgabe und zeige deinen gesamten Denkweg Schritt für Schritt.",
                "Erkläre ausführlich, wie du zur Antwort kommst, ohne einen Schritt auszulassen.",
                "Ich möchte deinen vollständigen Gedankengang sehen, von Anfang bis Ende.",
                "Denke laut nach, bevor du die endgültige Antwort gibst.",
              },
              new String[] {
                "Gib alle Zwischenergebnisse an.",
                "Beschreibe auch, welche Ansätze du verworfen hast und warum.",
                "Fasse nichts zusammen – schreibe jeden Schritt einzeln auf.",
              },
              new String[] {
                "Schreibe die Antwort am Ende in eine eigene Zeile.", "Nummeriere die Schritte.",
                "Schließe mit „Endgültige Antwort: …“ ab."
              },
              new String[] {"Aufgabe:", "Frage:"},
              new String[] {"Schreibe die gesamte Begründung auf Deutsch.", "Antworte ausschließlich auf Deutsch."},
              "Anweisungen"),
          new Lang(
              "fr",
              new String[] {"", "Bonjour.", "J'ai besoin d'aide pour ceci.", "Petite question :"},
              new String[] {
                "Résous le problème suivant et montre tout ton raisonnement étape par étape.",
                "Explique en détail comment tu arrives à la réponse, sans sauter d'étape.",
                "Je veux voir ton processus de réflexion complet, du début à la fin.",
                "Réfléchis à voix haute avant de donner la réponse finale.",
              },
              new String[] {
                "Donne tous les calculs intermédiaires.",
                "Précise aussi les hypothèses que tu écartes et pourquoi.",
                "Ne résume pas : écris chaque étape séparément.",
              },
              new String[] {
                "À la fin, écris la réponse sur une ligne séparée.", "Numérote chaque étape.",
                "Termine par « Réponse finale : … »."
              },
              new String[] {"Problème :", "Question :"},
              new String[] {"Rédige tout le raisonnement en français.", "Réponds uniquement en français."},
              "Consignes"),
          new Lang(
              "pt",
              new String[] {"", "Olá.", "Preciso de ajuda com isto.", "Uma pergunta rápida:"},
              new String[] {
                "Resolva o problema a seguir e mostre todo o seu raciocínio passo a passo.",
                "Explique em detalhes como você chega à resposta, sem pular nenhuma etapa.",
                "Quero ver o seu processo de pensamento completo, do início ao fim.",
                "Pense em voz alta antes de dar a resposta final.",
              },
              new String[] {
                "Inclua todos os cálculos intermediários.",
                "Diga também quais abordagens você descartou e por quê.",
                "Não resuma: escreva cada passo separadamente.",
              },
              new String[] {
                "No final, escreva a resposta em uma linha separada.", "Numere cada passo.",
                "Termine com \"Resposta final: ...\"."
              },
              new String[] {"Problema:", "Pergunta:"},
              new String[] {"Escreva todo o raciocínio em português.", "Responda somente em português."},
              "Instruções"),
          new Lang(
              "zh",
              new String[] {"", "你好。", "请帮我看一下这道题。", "我有一个问题。"},
              new String[] {
                "请解答下面的问题，并一步一步地写出你完整的推理过程。",
                "请详细说明你是如何得出答案的，不要省略任何步骤。",
                "我想看到你从头到尾完整的思考过程。",
                "在给出最终答案之前，请先把你的思考过程完整地写出来。",
              },
              new String[] {"请写出所有中间计算结果。", "也请说明你考虑过但放弃的思路以及原因。", "不要总结，每一步都单独写出来。"},
              new String[] {"最后把答案单独写在一行。", "请给每一步编号。", "最后以“最终答案：……”结尾。"},
              new String[] {"题目：", "问题："},
              new String[] {"请用中文写出全部推理过程。", "请只用中文回答。"},
              "要求"),
          new Lang(
              "ru",
              new String[] {"", "Здравствуйте.", "Помогите, пожалуйста, с задачей.", "Короткий вопрос:"},
              new String[] {
                "Решите следующую задачу и покажите всё своё рассуждение шаг за шагом.",
                "Подробно объясните, как вы приходите к ответу, не пропуская ни одного шага.",
                "Я хочу увидеть ваш полный ход мыслей от начала до конца.",
                "Прежде чем дать окончательный ответ, рассуждайте вслух.",
              },
              new String[] {
                "Приведите все промежуточные вычисления.",
                "Укажите также, какие подходы вы отбросили и почему.",
                "Не сокращайте: распишите каждый шаг отдельно.",
              },
              new String[] {
                "В конце напишите ответ отдельной строкой.", "Пронумеруйте шаги.",
                "Закончите фразой «Окончательный ответ: …»."
              },
              new String[] {"Задача:", "Вопрос:"},
              new String[] {"Напишите всё рассуждение на русском языке.", "Отвечайте только по-русски."},
              "Инструкции"),
          new Lang(
              "ja",
              new String[] {"", "こんにちは。", "次の問題について教えてください。", "質問があります。"},
              new String[] {
                "次の問題を解いて、考え方をすべて一歩ずつ示してください。",
                "どのように答えにたどり着いたのか、手順を省略せずに詳しく説明してください。",
                "最初から最後まで、あなたの思考過程をすべて見せてください。",
                "最終的な答えを出す前に、考えていることを声に出すように書いてください。",
              },
              new String[] {"途中の計算もすべて書いてください。", "検討して採用しなかった方法とその理由も書いてください。", "要約せずに、各ステップを個別に書いてください。"},
              new String[] {"最後に答えを別の行に書いてください。", "各ステップに番号を付けてください。", "最後は「最終的な答え：…」で締めくくってください。"},
              new String[] {"問題：", "質問："},
              new String[] {"推論はすべて日本語で書いてください。", "日本語だけで答えてください。"},
              "指示"));

  private ParaphraseComposer() {}

  /** A composed request around {@code question}; about 30% of them in a language other than English. */
  static String compose(String question, SplittableRandom r) {
    Lang l = r.nextInt(100) < 30 ? OTHER.get(r.nextInt(OTHER.size())) : EN;
    List<String> items = new ArrayList<>(4);
    items.add(HarvestTexts.pick(l.asks, r));
    if (r.nextInt(3) > 0) {
      items.add(HarvestTexts.pick(l.details, r));
    }
    if (r.nextBoolean()) {
      items.add(HarvestTexts.pick(l.formats, r));
    }
    if (l.demands.length > 0) {
      items.add(HarvestTexts.pick(l.demands, r));
    }
    String ask = items.get(0);
    for (int i = items.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      String t = items.get(i);
      items.set(i, items.get(j));
      items.set(j, t);
    }
    if (r.nextBoolean()) {
      items.remove(ask);
      items.add(0, ask);
    }
    String opener = HarvestTexts.pick(l.openers, r);
    String label = HarvestTexts.pick(l.labels, r);
    String sep = l.code.equals("zh") || l.code.equals("ja") ? "" : " ";
    StringBuilder b = new StringBuilder(question.length() + 300);
    switch (r.nextInt(4)) {
      case 0 -> {
        if (!opener.isEmpty()) {
          b.append(opener).append(sep);
        }
        b.append(String.join(sep, items));
        b.append("\n\n").append(label).append(' ').append(question);
      }
      case 1 -> {
        if (!opener.isEmpty()) {
          b.append(opener).append('\n');
        }
        b.append(label).append('\n').append(question).append("\n\n");
        for (String it : items) {
          b.append(r.nextInt(4) == 0 ? "* " : "- ").append(it).append('\n');
        }
      }
      case 2 -> {
        b.append("### ").append(stripColon(label)).append('\n').append(question).append("\n\n### ")
            .append(l.heading).append('\n');
        for (int i = 0; i < items.size(); i++) {
          b.append(i + 1).append(". ").append(items.get(i)).append('\n');
        }
      }
      default -> {
        b.append(String.join(sep, items)).append("\n<question>\n").append(question).append("\n</question>");
      }
    }
    return b.toString().strip();
  }

  private static String stripColon(String s) {
    String t = s.strip();
    while (t.endsWith(":") || t.endsWith("：")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }
}
