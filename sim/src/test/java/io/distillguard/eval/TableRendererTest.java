package io.distillguard.eval;

import static io.distillguard.eval.EvalFixtures.T0;
import static io.distillguard.eval.EvalFixtures.label;
import static io.distillguard.eval.EvalFixtures.labels;
import static io.distillguard.eval.EvalFixtures.verdict;
import static io.distillguard.eval.EvalFixtures.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRendererTest {

  @Test
  void render_handReport_marksTheHardNegativeByName() throws Exception {
    String text = TableRenderer.render(EvalFixtures.handReport());

    assertThat(text).containsPattern("(?m)^  rag-app +HARD NEGATIVE +1 +0 +0\\.00% +1 +100\\.00% +0$");
    assertThat(text).containsPattern("(?m)^  university +2 +1 +50\\.00% +0 +0\\.00% +1$");
  }

  @Test
  void render_handReport_showsEverySectionAndTargetResults() throws Exception {
    String text = TableRenderer.render(EvalFixtures.handReport());

    assertThat(text)
        .contains("Coverage", "Accounts (positive = labelled attack)", "Campaign families", "Campaigns",
            "Benign personas", "Allowlist", "Detected campaigns", "Targets", "Notes");
    assertThat(text).containsPattern("(?m)^  attack +4 +2 +2 +2 +66\\.67% +66\\.67% +66\\.67%$");
    assertThat(text).containsPattern("(?m)^  cot_harvest +high_volume .* 2h 00m +4h 00m +10h 00m +-$");
    assertThat(text).containsPattern("(?m)^  FAIL +precision +66\\.667% +>= 99\\.500%$");
    assertThat(text)
        .containsPattern(
            "(?m)^  PASS +median time to first flag: family cot_harvest \\(high_volume\\) +4\\.00 h +<= 6\\.00 h$");
    assertThat(text).contains("8 of 12 targets fail");
    assertThat(text).containsPattern("violations \\(not allowed\\) +1 +p1");
  }

  @Test
  void render_hostileNames_areCleanedAndCut() {
    String hostile = "evil\u001b[2J\u202ename" + "x".repeat(100);
    LabelSet labels = labels(label("b1", LabelClass.BENIGN, hostile));
    EvalReport r = new Evaluator().evaluate(labels, verdicts(verdict("b1", Verdict.BENIGN, null, null)), null);

    String text = TableRenderer.render(r);

    assertThat(text).doesNotContain("\u001b").doesNotContain("\u202e");
    assertThat(text).contains("evil?[2J?name");
    assertThat(text).doesNotContain("x".repeat(TableRenderer.NAME_WIDTH));
  }

  @Test
  void render_emptyReport_saysWhatIsMissing() {
    String text = TableRenderer.render(new Evaluator().evaluate(labels(), verdicts(), null));

    assertThat(text).contains("(no attack accounts)", "(no benign accounts)", "all 6 targets pass");
  }

  @Test
  void render_manyDetectedCampaigns_showsTheLargestAndCountsTheRest() {
    Label[] ls = new Label[25];
    AccountVerdict[] vs = new AccountVerdict[25];
    for (int i = 0; i < 25; i++) {
      ls[i] = label("a" + i, LabelClass.ATTACK, "wave");
      vs[i] = verdict("a" + i, Verdict.ATTACK, "cmp-" + i, T0);
    }

    String text = TableRenderer.render(new Evaluator().evaluate(labels(ls), verdicts(vs), null));

    assertThat(text).contains("... 5 smaller campaigns in the JSON");
  }

  @Test
  void duration_isCompactAtEveryScale() {
    assertThat(List.of(
            Duration.ofSeconds(42),
            Duration.ofSeconds(12 * 60 + 5),
            Duration.ofMinutes(5 * 60 + 7),
            Duration.ofHours(76),
            Duration.ofMinutes(-90)))
        .extracting(TableRenderer::duration)
        .containsExactly("42s", "12m 05s", "5h 07m", "3d 04h", "-1h 30m");
  }
}
