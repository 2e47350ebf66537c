package io.distillguard.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.distillguard.event.ClientInfo;
import io.distillguard.event.Event;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Client configurations and their harness: what each keeps apart and what it lets meet. */
class InfraKeysTest {

  @Test
  void oneHarness_spansLibraryVersionsTemperaturesAndReasoningBudgets() {
    String a = InfraKeys.clientConfiguration(event("t13d_new", "m", 32000, null, null));
    String b = InfraKeys.clientConfiguration(event("t13d_old", "m", 32000, 1.0, 24000));
    assertThat(a).isNotEqualTo(b);
    assertThat(InfraKeys.harness(a)).hasSize(16).isEqualTo(InfraKeys.harness(b));
    assertThat(a).startsWith(a.substring(0, 16) + InfraKeys.HARNESS_SEPARATOR).hasSize(33);
  }

  @Test
  void anotherOutputLimitOrModel_isAnotherHarness() {
    String h = InfraKeys.harness(InfraKeys.clientConfiguration(event("t", "m", 32000, null, 16000)));
    assertThat(InfraKeys.harness(InfraKeys.clientConfiguration(event("t", "m", 8000, null, 16000)))).isNotEqualTo(h);
    assertThat(InfraKeys.harness(InfraKeys.clientConfiguration(event("t", "n", 32000, null, 16000)))).isNotEqualTo(h);
  }

  @Test
  void configurationsSettingOnlyTemperatureOrReasoning_haveNoHarness_andDefaultsAreMarked() {
    String temperatureOnly = InfraKeys.clientConfiguration(event("t", "m", null, 0.7, null));
    assertThat(temperatureOnly).hasSize(16);
    assertThat(InfraKeys.harness(temperatureOnly)).isNull();
    assertThat(InfraKeys.harness(InfraKeys.clientConfiguration(event("t", "m", null, null, 8000)))).isNull();
    String defaults = InfraKeys.clientConfiguration(event("t", "m", null, null, null));
    assertThat(defaults).startsWith(InfraKeys.DEFAULTS);
    assertThat(InfraKeys.harness(defaults)).isNull();
    assertThat(InfraKeys.harness(null)).isNull();
  }

  private static Event event(String tls, String model, Integer maxTokens, Double temperature, Integer budget) {
    return new Event("e1", Instant.parse("2026-03-02T00:00:00Z"), "acct-1", null, null, null, null,
        new ClientInfo("198.51.100.7", 64500L, "Example", "sdk/1", tls, "direct"),
        new Request(model, null, null, List.of(Message.text("user", "hello")), List.of(), maxTokens, temperature, null,
            null, null, budget == null ? null : new Request.Reasoning(true, budget), null),
        null);
  }
}
