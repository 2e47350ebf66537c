package io.distillguard.features;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Request wording that says nothing about the task: openers (greetings, context, politeness) and closing requests
 * (explain every step, be brief, answer in a format, thanks), some of them not in English. The capability trainer
 * wraps prompts of every class in {@link #TRAINING} wording, so that such words carry no class, and measures how the
 * model copes with wording it never saw on {@link #HELD_OUT}, whose phrases share no opener or closing with the
 * training set. Written for this purpose; not taken from any prompt source or from the simulator.
 */
final class Wording {

  static final Wording TRAINING = new Wording(
      List.of("Hello.", "Good morning!", "Hi, hope you're well.", "I have a question.", "Could you help me out?",
          "Can you take a look at this?", "Here's something I'm working on:", "For a project at work:",
          "My friend asked me this:", "Help please.", "Question for you:",
          "I'd appreciate your help with the following.", "Task:", "Consider the following.", "Okay, next one.",
          "So,", "Urgent:", "Here's the problem:", "Let me ask you something.", "Can you do this for me?",
          "Bonjour !", "Hola,", "你好，", "Please respond to the following.", "I'm stuck on this one.",
          "This came up in class today.", "Another one for you:", "Let's try this:"),
      List.of("Thanks!", "Thank you in advance.", "Be concise.", "Keep it short.", "Answer in detail.",
          "Explain your answer.", "Explain step by step.", "Show your work.",
          "Think it through carefully before answering.", "Walk me through how you get there.",
          "Give the reasoning first, then the answer.", "Lay out each step.", "I want to understand every step.",
          "Please include your full chain of thought.", "Format the answer as a list.", "Use markdown.",
          "Reply in JSON.", "Respond in French.", "Explique étape par étape.",
          "Explica tu razonamiento paso a paso.", "请一步一步地解释。", "Be thorough.",
          "Double-check before you answer.", "No need to explain, just the answer.",
          "Write it so a beginner understands.", "Justify each claim.", "I want to see how you think about it.",
          "Take your time.", "State your assumptions.", "Make it clear.",
          "I need the complete reasoning, not only the result."));

  static final Wording HELD_OUT = new Wording(
      List.of("Greetings.", "Hey there, quick one.", "Morning! Got a sec?", "Looking for some help here.",
          "Need a hand with this one.", "From my study group:", "Something I came across today:", "Hallo,",
          "Ciao!", "Dear assistant,"),
      List.of("Much appreciated.", "Spell out your logic in full.", "Go through it one step at a time, please.",
          "Show me how you arrive at the result.", "Detail your thought process.", "Keep the answer brief.",
          "Put it in a table.", "Zeig mir jeden Schritt.", "Mostra il ragionamento passo dopo passo.",
          "Please be precise."));

  private final List<String> openers;
  private final List<String> closings;

  private Wording(List<String> openers, List<String> closings) {
    this.openers = openers;
    this.closings = closings;
  }

  List<String> openers() {
    return openers;
  }

  List<String> closings() {
    return closings;
  }

  /** {@code text} with an opener before it, a closing request after it, or both (a third each). */
  String wrap(String text, SplittableRandom r) {
    int form = r.nextInt(3);
    StringBuilder sb = new StringBuilder(text.length() + 100);
    if (form != 1) {
      sb.append(openers.get(r.nextInt(openers.size()))).append(r.nextBoolean() ? " " : "\n\n");
    }
    sb.append(text);
    if (form != 0) {
      sb.append(r.nextBoolean() ? " " : "\n\n").append(closings.get(r.nextInt(closings.size())));
    }
    return sb.toString();
  }
}
