package io.distillguard.families;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IntMapTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void behavesLikeAHashMap_underRandomPutsGetsAndRemoves(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    IntMap<String> m = new IntMap<>(4);
    Map<Integer, String> ref = new HashMap<>();
    // a small key range forces long probe runs, wrap-around and backward shifts; a wide one forces growth
    int range = seed % 2 == 0 ? 300 : 1_000_000;
    for (int i = 0; i < 30_000; i++) {
      int k = 1 + r.nextInt(range);
      int op = r.nextInt(5);
      if (op < 3) {
        String v = "v" + r.nextInt(1000);
        assertThat(m.put(k, v)).isEqualTo(ref.put(k, v));
      } else {
        assertThat(m.remove(k)).isEqualTo(ref.remove(k));
      }
      int probe = 1 + r.nextInt(range);
      assertThat(m.get(probe)).as("seed %d step %d", seed, i).isEqualTo(ref.get(probe));
      assertThat(m.size()).isEqualTo(ref.size());
    }
    assertThat(m.keys()).containsExactly(new TreeMap<>(ref).keySet().stream().mapToInt(Integer::intValue).toArray());
    List<String> values = new ArrayList<>(m.values());
    values.sort(null);
    List<String> expected = new ArrayList<>(ref.values());
    expected.sort(null);
    assertThat(values).isEqualTo(expected);
  }

  @Test
  void refusesKeysThatAreNotPositiveAndNullValues() {
    IntMap<String> m = new IntMap<>(4);
    assertThatThrownBy(() -> m.put(0, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.put(-5, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.put(5, null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(m.get(0)).isNull();
    assertThat(m.remove(7)).isNull();
  }
}
