package io.distillguard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopKTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void heavyHitters_survive_andCountsOverestimateWithinBound(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    TopK t = new TopK(16); // every key above total/16 is guaranteed to be tracked
    Map<String, Long> exact = new HashMap<>();
    for (int i = 0; i < 5000; i++) {
      String k = r.nextInt(3) == 0 ? "heavy" + r.nextInt(3) : "k" + r.nextInt(500);
      t.update(k);
      exact.merge(k, 1L, Long::sum);
    }
    for (int h = 0; h < 3; h++) {
      String k = "heavy" + h;
      assertThat(t.count(k)).as("seed %d", seed).isGreaterThanOrEqualTo(exact.get(k));
      assertThat(t.count(k) - exact.get(k)).as("seed %d", seed).isLessThanOrEqualTo(t.total() / 16);
    }
    assertThat(t.total()).isEqualTo(5000);
  }

  @Test
  void merge_withinCapacity_isExactAndOrderFree() {
    TopK a = new TopK(4);
    TopK b = new TopK(4);
    a.update("x", 3);
    a.update("y");
    b.update("y", 2);
    b.update("z");
    TopK ab = new TopK(4);
    ab.merge(a);
    ab.merge(b);
    TopK ba = new TopK(4);
    ba.merge(b);
    ba.merge(a);
    assertThat(ab).isEqualTo(ba);
    assertThat(ab.count("y")).isEqualTo(3);
    assertThat(ab.top()).isIn("x", "y");
  }

  /**
   * The space-saving summary written plainly (every slot made up front), as the model: a summary whose slots grow
   * as keys come must keep the same keys and counts, in the same order, over any stream.
   */
  @ParameterizedTest
  @ValueSource(longs = {4, 5, 6, 7})
  void growingSlots_behaveAsAllSlotsUpFront(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    for (int trial = 0; trial < 40; trial++) {
      int capacity = 1 + r.nextInt(20);
      TopK t = new TopK(capacity);
      String[] keys = new String[capacity];
      long[] counts = new long[capacity];
      int size = 0;
      int distinct = 1 + r.nextInt(3 * capacity);
      for (int i = 0, n = r.nextInt(300); i < n; i++) {
        String k = "k" + r.nextInt(distinct);
        long c = 1 + r.nextInt(3);
        t.update(k, c);
        int slot = -1;
        for (int j = 0; j < size; j++) {
          if (keys[j].equals(k)) {
            slot = j;
          }
        }
        if (slot >= 0) {
          counts[slot] += c;
        } else if (size < capacity) {
          keys[size] = k;
          counts[size++] = c;
        } else {
          int min = 0;
          for (int j = 1; j < size; j++) {
            if (counts[j] < counts[min] || (counts[j] == counts[min] && keys[j].compareTo(keys[min]) > 0)) {
              min = j;
            }
          }
          keys[min] = k;
          counts[min] += c;
        }
        if (r.nextInt(10) == 0) {
          assertThat(t.size()).isEqualTo(size);
          for (int j = 0; j < size; j++) {
            assertThat(t.count(keys[j])).as("seed %d trial %d", seed, trial).isEqualTo(counts[j]);
          }
        }
      }
      java.util.List<Map.Entry<String, Long>> expected = new java.util.ArrayList<>();
      for (int j = 0; j < size; j++) {
        expected.add(Map.entry(keys[j], counts[j]));
      }
      expected.sort(Map.Entry.<String, Long>comparingByValue(java.util.Comparator.reverseOrder())
          .thenComparing(Map.Entry.comparingByKey()));
      assertThat(t.sorted()).as("seed %d trial %d", seed, trial).isEqualTo(expected);
    }
  }

  @Test
  void longKeys_areTruncated_andBadCapacityRejected() {
    TopK t = new TopK(2);
    t.update("u".repeat(10_000));
    assertThat(t.sorted().get(0).getKey()).hasSize(TopK.MAX_KEY_CHARS);
    assertThatThrownBy(() -> new TopK(0)).hasMessageContaining("capacity");
    assertThatThrownBy(() -> new TopK(2).merge(new TopK(3))).hasMessageContaining("capacity");
  }

  /** The space-saving rule written plainly over a map: the array-backed summary must agree with it update by update. */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void matchesPlainSpaceSaving_updateByUpdate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int capacity = 1 + r.nextInt(16);
    TopK t = new TopK(capacity);
    Map<String, Long> model = new HashMap<>();
    for (int i = 0; i < 3000; i++) {
      // fresh String objects, so equal keys are not the same reference
      String k = new String(("k" + r.nextInt(3 * capacity)).toCharArray());
      long n = 1 + r.nextInt(3);
      t.update(k, n);
      if (model.containsKey(k)) {
        model.merge(k, n, Long::sum);
      } else if (model.size() < capacity) {
        model.put(k, n);
      } else {
        String min = null;
        for (Map.Entry<String, Long> e : model.entrySet()) {
          if (min == null || e.getValue() < model.get(min)
              || (e.getValue().equals(model.get(min)) && e.getKey().compareTo(min) > 0)) {
            min = e.getKey();
          }
        }
        long inherited = model.remove(min);
        model.put(k, inherited + n);
      }
      assertThat(t.size()).isEqualTo(model.size());
      assertThat(t.count(k)).as("seed %d step %d", seed, i).isEqualTo(model.get(k));
    }
    for (Map.Entry<String, Long> e : model.entrySet()) {
      assertThat(t.count(e.getKey())).isEqualTo(e.getValue());
    }
  }

  @Test
  void readRefusesMoreKeysThanCapacity() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    out.writeShort(1); // capacity
    out.writeLong(2); // total
    out.writeShort(2); // keys
    out.writeUTF("a");
    out.writeLong(1);
    out.writeUTF("b");
    out.writeLong(1);
    assertThatThrownBy(() -> TopK.read(new java.io.DataInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray())))).hasMessageContaining("capacity 1 with 2 keys");
  }
}
