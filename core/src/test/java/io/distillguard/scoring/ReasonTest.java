package io.distillguard.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReasonTest {

  @Test
  void formatted_readsAsThePlainReasonWithTheSameText() {
    Reason lazy = Reason.formatted("cot_elicitation", 0.25, "%d of %d requests (%.0f%%)", 9, 12, 75.0);
    Reason plain = new Reason("cot_elicitation", 0.25, String.format("%d of %d requests (%.0f%%)", 9, 12, 75.0));
    assertThat(lazy.detail()).isEqualTo("9 of 12 requests (75%)");
    assertThat(lazy).isEqualTo(plain).hasSameHashCodeAs(plain);
    assertThat(lazy.toString()).isEqualTo(plain.toString());
    assertThat(lazy).isNotEqualTo(new Reason("cot_elicitation", 0.26, plain.detail()));
    assertThat(lazy).isNotEqualTo(new Reason("other", 0.25, plain.detail()));
  }

  @Test
  void nullsAreRefused() {
    assertThatThrownBy(() -> new Reason(null, 0, "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Reason("s", 0, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Reason.formatted("s", 0, null)).isInstanceOf(NullPointerException.class);
  }
}
