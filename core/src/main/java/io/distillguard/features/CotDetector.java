package io.distillguard.features;

import io.distillguard.event.Request;

/**
 * Scores chain-of-thought elicitation in one request from what it asks for (step-by-step derivations, shown work,
 * reasoning traces, in several languages), whether it supplies the answer and asks for the reasoning behind it
 * (reconstruction), and the reasoning budget it requests. A single request scoring high is ordinary (evaluation
 * suites say "think step by step"); the keyed-state stage judges the share and the spread.
 */
public final class CotDetector {

  /** Reasoning budgets at or above this count as asking for maximal reasoning. */
  public static final int LARGE_BUDGET = 16_000;

  /** Scores a request given the phrase groups found in its normalized text (see {@link Lexicon}). */
  CotSignal score(long phrases, Request request) {
    double s = 0;
    boolean step = Lexicon.has(phrases, Lexicon.STEP_BY_STEP);
    boolean work = Lexicon.has(phrases, Lexicon.SHOW_WORK);
    boolean trace = Lexicon.has(phrases, Lexicon.REASONING_TRACE);
    // the reasoning asked for in full, in any wording: "give me the full derivation", "explain, in full, the logic
    // that gets you to the solution", "explique en detail comment tu arrives a la reponse"
    boolean elicit = Lexicon.has(phrases, Lexicon.REASONING_OBJECT)
        && (Lexicon.has(phrases, Lexicon.EXHAUSTIVE) || Lexicon.has(phrases, Lexicon.NO_SKIPPING)
            || Lexicon.has(phrases, Lexicon.ORDER));
    if (step || work) {
      s += 0.35;
    }
    if (trace) {
      s += 0.45;
    }
    if (elicit) {
      s += 0.4;
    }
    if (Lexicon.has(phrases, Lexicon.NO_SKIPPING)) {
      s += 0.25;
    }
    // the reasoning asked for before the answer ("think out loud before answering", "explain your approach, then
    // answer"): the layout of a reasoning trace, counted only beside some other elicitation
    if (s > 0 && Lexicon.has(phrases, Lexicon.ORDER)) {
      s += 0.25;
    }
    boolean reconstruction =
        Lexicon.has(phrases, Lexicon.GIVEN_ANSWER)
            && (Lexicon.has(phrases, Lexicon.RECONSTRUCT) || trace || elicit || (work && step));
    if (reconstruction) {
      s += 0.4;
    }
    boolean asked = s >= CotSignal.HIGH;
    boolean worded = s >= CotSignal.SOME;
    Request.Reasoning r = request.reasoning();
    if (r != null && Boolean.TRUE.equals(r.enabled())) {
      s += 0.1;
      if (r.budgetTokens() != null && r.budgetTokens() >= LARGE_BUDGET) {
        s += 0.2;
      }
    }
    return s == 0 ? CotSignal.NONE : new CotSignal(Math.min(1.0, s), reconstruction, asked, worded);
  }
}
