package io.distillguard.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalReportTest {

  @Test
  void precision_withOneFalsePositive_isTwoThirds() {
    assertThat(new EvalReport.Confusion(2, 1, 0, 5).precision()).isEqualTo(2.0 / 3);
  }

  @Test
  void precision_withNoPredictions_isOne() {
    EvalReport.Confusion c = new EvalReport.Confusion(0, 0, 3, 5);
    assertThat(c.precision()).isEqualTo(1.0);
    assertThat(c.recall()).isZero();
    assertThat(c.f1()).isZero();
  }

  @Test
  void f1_withNoTruePositivesButErrorsBothWays_isZeroNotNaN() {
    EvalReport.Confusion c = new EvalReport.Confusion(0, 2, 3, 1);
    assertThat(c.precision()).isZero();
    assertThat(c.recall()).isZero();
    assertThat(c.f1()).isZero();
    assertThat(c.total()).isEqualTo(6);
  }

  @Test
  void confusion_negativeCount_isRejected() {
    assertThatThrownBy(() -> new EvalReport.Confusion(1, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("falsePositives < 0: -1");
  }

  @Test
  void firstFlag_timesWithoutFlaggedAccounts_isRejected() {
    Duration h = Duration.ofHours(1);
    assertThatThrownBy(() -> new EvalReport.FirstFlag(0, h, h, h)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EvalReport.FirstFlag(2, h, null, h)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void family_campaignList_isCopied() {
    List<String> names = new ArrayList<>(List.of("a"));
    EvalReport.Family f =
        new EvalReport.Family("fam", names, null, 1, 1, 0, null, new EvalReport.Grouping(1, "c", 1));
    names.add("b");
    assertThat(f.campaigns()).containsExactly("a");
  }

  @Test
  void persona_withNoAccounts_hasZeroRates() {
    EvalReport.Persona p = new EvalReport.Persona("empty", false, 0, 0, 0);
    assertThat(p.attackRate()).isZero();
    assertThat(p.suspiciousRate()).isZero();
  }

  @Test
  void target_withoutValue_fails() {
    EvalReport.Target t =
        new EvalReport.Target("median", EvalReport.Comparison.AT_MOST, 6.0, null, EvalReport.Unit.HOURS);
    assertThat(t.pass()).isFalse();
  }

  @Test
  void target_atExactlyTheThreshold_passes() {
    assertThat(new EvalReport.Target("p", EvalReport.Comparison.AT_LEAST, 0.995, 199.0 / 200, EvalReport.Unit.RATIO)
            .pass())
        .isTrue();
    assertThat(new EvalReport.Target("r", EvalReport.Comparison.AT_MOST, 0.005, 1.0 / 200, EvalReport.Unit.RATIO)
            .pass())
        .isTrue();
  }

  @Test
  void targets_ratioOutOfRange_isRejected() {
    assertThatThrownBy(
            () -> new Targets(1.5, 0.98, 0.95, 0.005, 0.95, 0.01, Duration.ofHours(6), Duration.ofHours(48)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
