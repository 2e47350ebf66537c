package io.distillguard.eval;

import static io.distillguard.eval.EvalFixtures.T0;
import static io.distillguard.eval.EvalFixtures.label;
import static io.distillguard.eval.EvalFixtures.labels;
import static io.distillguard.eval.EvalFixtures.verdict;
import static io.distillguard.eval.EvalFixtures.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.scoring.Verdict;
import org.junit.jupiter.api.Test;

/** A benign account enforced for a while and later cleared counts in its persona's "ever attack". */
class TransientEnforcementTest {

  @Test
  void everAttack_countsFirstFlagsWhateverTheFinalVerdict() {
    EvalReport r = new Evaluator().evaluate(
        labels(label("b1", LabelClass.BENIGN, "class"), label("b2", LabelClass.BENIGN, "class"),
            label("b3", LabelClass.BENIGN, "class")),
        verdicts(verdict("b1", Verdict.BENIGN, null, T0.plus(EvalFixtures.ONE_HOUR)),
            verdict("b2", Verdict.SUSPICIOUS, null, null),
            verdict("b3", Verdict.ATTACK, "cmp-1", T0)),
        null);
    EvalReport.Persona p = r.personas().get(0);
    assertThat(p.attack()).isEqualTo(1);
    assertThat(p.everAttack()).isEqualTo(2);
    assertThat(JsonRenderer.render(r)).contains("\"ever_attack\" : 2");
    assertThat(TableRenderer.render(r)).contains("ever attack");
  }
}
