package io.distillguard.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulationConfigTest {

  private static final Path OUT = Path.of("out");

  @Test
  void defaults_areTheWeekFromMarchSecond() {
    SimulationConfig c = SimulationConfig.defaults(42, 1, OUT);
    assertThat(c.start()).hasToString("2026-03-02T00:00:00Z");
    assertThat(c.duration()).isEqualTo(Duration.ofDays(7));
    assertThat(c.eventsFileName()).isEqualTo("events.jsonl");
    assertThat(c.withGzip(true).eventsFileName()).isEqualTo("events.jsonl.gz");
  }

  @Test
  void nonPositiveScale_isRejected() {
    assertThatThrownBy(() -> SimulationConfig.defaults(1, 0, OUT)).hasMessageContaining("scale");
    assertThatThrownBy(() -> SimulationConfig.defaults(1, Double.NaN, OUT)).hasMessageContaining("scale");
  }

  @Test
  void tooShortDuration_isRejected() {
    assertThatThrownBy(() -> SimulationConfig.defaults(1, 1, OUT).withDuration(Duration.ofHours(1)))
        .hasMessageContaining("duration");
  }

  @Test
  void negativeCap_andMissingOut_areRejected() {
    assertThatThrownBy(
            () ->
                new SimulationConfig(
                    1, 1, SimulationConfig.DEFAULT_START, Duration.ofDays(1), false, null, OUT, -1, false, false, null))
        .hasMessageContaining("maxEvents");
    assertThatThrownBy(() -> SimulationConfig.defaults(1, 1, null)).isInstanceOf(NullPointerException.class);
  }
}
