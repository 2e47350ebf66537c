package io.distillguard.features;

import io.distillguard.event.Message;
import io.distillguard.event.Request;
import java.util.Locale;

/**
 * Assigns one {@link Capability} to a request. Structure decides first (screenshots with computer-control tools are
 * computer use; offered tools or tool turns are agentic tool use), then what the text asks for (a grade against a
 * rubric, a rewrite of a sensitive question), and otherwise the {@link CapabilityModel} over the text. Thread-safe.
 */
public final class CapabilityClassifier {

  private final CapabilityModel model;
  private final Capability[] modelClasses;

  public CapabilityClassifier(CapabilityModel model) {
    this.model = model;
    this.modelClasses = new Capability[model.classes().size()];
    for (int i = 0; i < modelClasses.length; i++) {
      modelClasses[i] = Capability.valueOf(model.classes().get(i).toUpperCase(Locale.ROOT));
    }
  }

  /** Classifies a request from its structure, the phrase groups found in its text, and its model tokens. */
  Capability classify(Request request, long phrases, long[] modelTokens) {
    Capability c = byRules(request, phrases);
    return c != null ? c : byModel(modelTokens);
  }

  /**
   * The capability that the request's structure and phrase groups decide, or null when the model is to decide
   * ({@link #byModel}): lets callers skip building model tokens that would not be read.
   */
  Capability byRules(Request request, long phrases) {
    boolean images = false;
    boolean toolTurns = false;
    for (Message m : request.messages()) {
      if ("tool".equals(m.role())) {
        toolTurns = true;
      }
      for (Message.Part p : m.parts()) {
        switch (p.type()) {
          case "image" -> images = true;
          case "tool_use", "tool_result" -> toolTurns = true;
          default -> { }
        }
      }
    }
    boolean computerTools = false;
    for (Request.Tool t : request.tools()) {
      String name = t.name().toLowerCase(Locale.ROOT);
      if (name.contains("computer") || name.contains("screen") || name.contains("mouse")
          || name.contains("click") || name.contains("keyboard") || name.contains("browser")) {
        computerTools = true;
      }
    }
    if (images && (computerTools || Lexicon.has(phrases, Lexicon.COMPUTER))) {
      return Capability.COMPUTER_USE;
    }
    if (Lexicon.has(phrases, Lexicon.RUBRIC)) {
      return Capability.RUBRIC_GRADING;
    }
    if (Lexicon.has(phrases, Lexicon.REWRITE) && Lexicon.has(phrases, Lexicon.SENSITIVE)
        && Lexicon.has(phrases, Lexicon.QUESTION_OBJECT)) {
      return Capability.POLICY_REWRITE;
    }
    if (!request.tools().isEmpty() || toolTurns) {
      return Capability.AGENTIC_TOOL_USE;
    }
    return null;
  }

  /** The model's class for a request that the rules leave open. */
  Capability byModel(long[] modelTokens) {
    double[] p = model.predict(modelTokens);
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return modelClasses[best];
  }
}
