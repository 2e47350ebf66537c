package io.distillguard.eval;

import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.Verdict;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Named fixtures for the evaluation tests: times, and labels and verdicts built in code or read from resources. */
final class EvalFixtures {

  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  static final Duration ONE_HOUR = Duration.ofHours(1);

  /** The hand-made case in {@code src/test/resources/eval/hand}: 10 labelled accounts, worked out in EvaluatorTest. */
  static final String HAND = "eval/hand/";

  private EvalFixtures() {}

  static Path resource(String name) {
    try {
      return Path.of(EvalFixtures.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static LabelSet handLabels() throws IOException {
    return LabelReader.read(resource(HAND + "labels.jsonl"));
  }

  static VerdictSet handVerdicts() throws IOException {
    return VerdictReader.read(resource(HAND + "verdicts.jsonl"));
  }

  static Scenario handScenario() throws IOException {
    return ScenarioReader.read(resource(HAND + "scenario.json"));
  }

  static EvalReport handReport() throws IOException {
    return new Evaluator().evaluate(handLabels(), handVerdicts(), handScenario());
  }

  static Label label(String id, LabelClass cls, String group) {
    return new Label(id, cls, group);
  }

  static LabelSet labels(Label... labels) {
    Map<String, Label> m = new HashMap<>();
    for (Label l : labels) {
      m.put(l.accountId(), l);
    }
    return new LabelSet("labels.jsonl", m, 0);
  }

  /** A verdict line; {@code firstFlaggedAt} may be null. */
  static AccountVerdict verdict(String id, Verdict v, String campaignId, Instant firstFlaggedAt) {
    return new AccountVerdict(id, v, v == Verdict.ATTACK ? 0.9 : 0.1, campaignId, firstFlaggedAt, List.of());
  }

  static VerdictSet verdicts(AccountVerdict... verdicts) {
    Map<String, AccountVerdict> m = new HashMap<>();
    for (AccountVerdict v : verdicts) {
      m.put(v.accountId(), v);
    }
    return new VerdictSet("verdicts.jsonl", m, 0);
  }

  static Scenario scenario(List<Scenario.Campaign> campaigns, List<Scenario.Persona> personas) {
    return new Scenario(
        Scenario.FORMAT, 1L, 1.0, T0, T0.plus(Duration.ofDays(7)), null, null, null, campaigns, personas);
  }

  static Scenario.Campaign campaign(String name, String family, Pace pace, Instant start) {
    return new Scenario.Campaign(name, family, LabelClass.ATTACK, pace, start, null, null, null, null);
  }

  static Scenario.Persona persona(String name, boolean hardNegative) {
    return new Scenario.Persona(name, LabelClass.BENIGN, hardNegative, null, null, null);
  }
}
