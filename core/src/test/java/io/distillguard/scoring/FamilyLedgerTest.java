package io.distillguard.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FamilyLedgerTest {

  @Test
  void merge_movesUsersToTheSurvivor_andReportsThemOnce() {
    FamilyLedger l = new FamilyLedger();
    l.used("f1", "a");
    l.used("f2", "b");
    l.used("f2", "c");
    l.merge("f2", "f1");
    assertThat(l.users("f1")).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(l.users("f2")).isEmpty();
    // their family has another id now: the pipeline assesses them again
    assertThat(l.drainMovedUsers()).containsExactlyInAnyOrder("b", "c");
    assertThat(l.drainMovedUsers()).isEmpty();
    assertThat(l.drainTouched()).contains("f1", "f2");
  }
}
