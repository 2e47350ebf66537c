package io.distillguard.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntObjectMapTest {

  /** Random puts, replacements and removes of clustered keys: every lookup, the size and the contents agree. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void behavesLikeAHashMap_underRandomPutsAndRemoves(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    IntObjectMap<String> m = new IntObjectMap<>(4);
    Map<Integer, String> ref = new HashMap<>();
    int range = 600;
    for (int i = 0; i < 30_000; i++) {
      int k = r.nextInt(range) * (r.nextBoolean() ? 1 : 1 << 20) - (r.nextInt(8) == 0 ? 1 << 30 : 0);
      if (r.nextInt(5) < 3) {
        String v = "v" + r.nextInt(100);
        m.put(k, v);
        ref.put(k, v);
      } else {
        m.remove(k);
        ref.remove(k);
      }
      int probe = r.nextInt(range) * (r.nextBoolean() ? 1 : 1 << 20);
      assertThat(m.get(probe)).as("seed %d step %d", seed, i).isEqualTo(ref.get(probe));
      assertThat(m.size()).isEqualTo(ref.size());
    }
    assertThat(m.values()).containsExactlyInAnyOrderElementsOf(ref.values());
    assertThat(m.sortedKeys()).containsExactly(ref.keySet().stream().sorted().mapToInt(Integer::intValue).toArray());
  }
}
