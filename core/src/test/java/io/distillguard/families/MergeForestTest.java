package io.distillguard.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forest finds each id's root as a plain parent walk does, through merges, path compression and a restore. */
class MergeForestTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void findGivesTheRootOfAPlainParentWalk(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    MergeForest forest = new MergeForest();
    Map<Integer, Integer> model = new HashMap<>(); // id -> parent, for merged ids only
    int ids = 5_000; // past the forest's first array sizes, so that they grow along the way
    int merges = 0;
    for (int step = 0; step < 20_000; step++) {
      int a = 1 + r.nextInt(ids);
      if (r.nextInt(4) == 0) {
        // a merge as the family index makes one: of two roots, the younger joins the older
        int ra = root(model, a);
        int rb = root(model, 1 + r.nextInt(ids));
        if (ra != rb) {
          int keep = Math.min(ra, rb);
          int gone = Math.max(ra, rb);
          forest.link(gone, keep);
          model.put(gone, keep);
          merges++;
        }
      }
      assertThat(forest.find(a)).as("seed %d, step %d, id %d", seed, step, a).isEqualTo(root(model, a));
    }
    assertThat(merges).isGreaterThan(1_000);
    assertThat(model.values().stream().anyMatch(model::containsKey)).as("chains longer than one").isTrue();
    MergeForest restored = restore(forest);
    for (int id = 0; id <= ids + 100; id++) {
      assertThat(forest.find(id)).isEqualTo(root(model, id));
      assertThat(restored.find(id)).isEqualTo(root(model, id));
    }
  }

  private static int root(Map<Integer, Integer> model, int id) {
    Integer p = model.get(id);
    return p == null ? id : root(model, p);
  }

  private static MergeForest restore(MergeForest forest) {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      forest.write(new java.io.DataOutputStream(bytes));
      return MergeForest.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
