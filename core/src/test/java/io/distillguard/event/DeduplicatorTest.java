package io.distillguard.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

  private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");
  private static final Duration WINDOW = Duration.ofHours(1);

  @Test
  void firstSeen_repeatWithinWindow_isDropped() {
    Deduplicator d = new Deduplicator(WINDOW);

    assertThat(d.firstSeen("e1", T0)).isTrue();
    assertThat(d.firstSeen("e2", T0.plusSeconds(1))).isTrue();
    assertThat(d.firstSeen("e1", T0)).isFalse();
    assertThat(d.firstSeen("e1", T0.plus(WINDOW).minusSeconds(1))).isFalse();
  }

  @Test
  void firstSeen_originalOlderThanWindow_isForgotten() {
    Deduplicator d = new Deduplicator(WINDOW);
    d.firstSeen("e1", T0);

    d.firstSeen("later", T0.plus(WINDOW).plusSeconds(1));

    assertThat(d.firstSeen("e1", T0)).isTrue();
    assertThat(d.size()).isEqualTo(1);
  }

  @Test
  void firstSeen_atExactlyTheWindow_isStillRemembered() {
    Deduplicator d = new Deduplicator(WINDOW);
    d.firstSeen("e1", T0);

    d.firstSeen("later", T0.plus(WINDOW));

    assertThat(d.firstSeen("e1", T0)).isFalse();
  }

  @Test
  void memory_holdsOnlyTheWindow() {
    Deduplicator d = new Deduplicator(Duration.ofSeconds(10));

    for (int i = 0; i < 100_000; i++) {
      assertThat(d.firstSeen("e" + i, T0.plusSeconds(i))).isTrue();
    }

    assertThat(d.size()).isEqualTo(11);
  }

  @Test
  void firstSeen_lateEventWithinWindow_isRememberedAndOldOneIsNot() {
    Deduplicator d = new Deduplicator(WINDOW);
    d.firstSeen("now", T0.plus(Duration.ofHours(5)));

    assertThat(d.firstSeen("recent", T0.plus(Duration.ofHours(4)).plusSeconds(1))).isTrue();
    assertThat(d.firstSeen("ancient", T0)).isTrue();

    assertThat(d.firstSeen("recent", T0.plus(Duration.ofHours(4)).plusSeconds(1))).isFalse();
    assertThat(d.firstSeen("ancient", T0)).isTrue();
  }

  @Test
  void zeroWindow_catchesOnlyRepeatsAtTheWatermark() {
    Deduplicator d = new Deduplicator(Duration.ZERO);

    assertThat(d.firstSeen("e1", T0)).isTrue();
    assertThat(d.firstSeen("e1", T0)).isFalse();
    assertThat(d.firstSeen("e2", T0.plusMillis(1))).isTrue();
    assertThat(d.firstSeen("e1", T0)).isTrue();
  }

  @Test
  void hugeWindow_neverOverflows() {
    Deduplicator d = new Deduplicator(Duration.ofSeconds(Long.MAX_VALUE));

    assertThat(d.firstSeen("e1", Instant.parse("0001-01-01T00:00:00Z"))).isTrue();
    assertThat(d.firstSeen("e2", Instant.parse("9999-01-01T00:00:00Z"))).isTrue();
    assertThat(d.firstSeen("e1", Instant.parse("0001-01-01T00:00:00Z"))).isFalse();
  }
}
