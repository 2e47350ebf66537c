package io.distillguard.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongBucketsTest {

  @Test
  void groupsEqualAMapOfListsInOrderOfAddition() {
    Random r = new Random(7L);
    for (int round = 0; round < 50; round++) {
      int n = r.nextInt(3000);
      long[] pool = new long[1 + r.nextInt(400)];
      for (int i = 0; i < pool.length; i++) {
        pool[i] = r.nextLong();
      }
      // a small initial size: the table and the entry arrays must grow
      LongBuckets buckets = new LongBuckets(r.nextInt(8));
      Map<Long, List<Integer>> model = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        long key = pool[r.nextInt(pool.length)];
        int value = r.nextInt(1000);
        buckets.add(key, value);
        model.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
      Map<List<Integer>, Integer> got = new HashMap<>();
      for (int g = 0; g < buckets.groups(); g++) {
        List<Integer> values = new ArrayList<>();
        for (int k = 0; k < buckets.size(g); k++) {
          values.add(buckets.value(g, k));
        }
        got.merge(values, 1, Integer::sum);
      }
      Map<List<Integer>, Integer> want = new HashMap<>();
      model.values().forEach(v -> want.merge(v, 1, Integer::sum));
      assertThat(buckets.groups()).isEqualTo(model.size());
      assertThat(got).isEqualTo(want);
    }
  }
}
