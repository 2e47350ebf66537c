package io.distillguard.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LongIntMapTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void behavesLikeAHashMap_underRandomPutsAndRemoves(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    LongIntMap m = new LongIntMap(4);
    Map<Long, Integer> ref = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      long k = r.nextInt(500) * 0x10000L; // collide on purpose in the low bits
      int op = r.nextInt(3);
      if (op < 2) {
        int v = r.nextInt(100);
        m.putIfAbsent(k, v);
        ref.putIfAbsent(k, v);
      } else {
        Integer v = ref.get(k);
        int guess = v != null && r.nextBoolean() ? v : r.nextInt(100);
        m.remove(k, guess);
        ref.remove(k, guess);
      }
      long probe = r.nextInt(500) * 0x10000L;
      assertThat(m.get(probe)).as("seed %d step %d", seed, i).isEqualTo(ref.getOrDefault(probe, -1));
    }
    assertThat(m.size()).isEqualTo(ref.size());
  }
}
