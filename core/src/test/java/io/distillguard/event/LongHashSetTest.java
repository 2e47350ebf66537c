package io.distillguard.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LongHashSetTest {

  @Test
  void add_thenContains_andRemove() {
    LongHashSet set = new LongHashSet();

    assertThat(set.add(42)).isTrue();
    assertThat(set.add(42)).isFalse();
    assertThat(set.contains(42)).isTrue();
    assertThat(set.contains(43)).isFalse();
    assertThat(set.remove(42)).isTrue();
    assertThat(set.remove(42)).isFalse();
    assertThat(set.contains(42)).isFalse();
    assertThat(set.size()).isZero();
  }

  @Test
  void zero_isAnOrdinaryKey() {
    LongHashSet set = new LongHashSet();

    assertThat(set.contains(0)).isFalse();
    assertThat(set.add(0)).isTrue();
    assertThat(set.contains(0)).isTrue();
    assertThat(set.size()).isEqualTo(1);
    assertThat(set.remove(0)).isTrue();
    assertThat(set.contains(0)).isFalse();
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 10);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomOperations_matchHashSet(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    LongHashSet set = new LongHashSet();
    Set<Long> model = new HashSet<>();
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      // a small key space forces long probe runs, wrap-around and many deletions
      long key = r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(5_000) * (r.nextBoolean() ? 1L : 1L << 32);
      switch (r.nextInt(3)) {
        case 0 -> assertThat(set.add(key)).as("seed %d op %d add", seed, i).isEqualTo(model.add(key));
        case 1 -> {
          long k = keys.isEmpty() ? key : keys.get(r.nextInt(keys.size()));
          assertThat(set.remove(k)).as("seed %d op %d remove", seed, i).isEqualTo(model.remove(k));
        }
        default -> assertThat(set.contains(key)).as("seed %d op %d contains", seed, i).isEqualTo(model.contains(key));
      }
      keys.add(key);
      if (keys.size() > 10_000) {
        keys.clear();
      }
    }
    assertThat(set.size()).as("seed %d", seed).isEqualTo(model.size());
    for (long k : model) {
      assertThat(set.contains(k)).as("seed %d key %d", seed, k).isTrue();
    }
  }
}
