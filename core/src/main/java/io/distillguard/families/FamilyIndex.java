package io.distillguard.families;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups template signatures into families with an LSH table: a signature joins the family with which it shares the
 * most band keys (ties to the older family) or founds a new one. Each family registers the band keys of up to
 * {@value #SIGNATURES_PER_FAMILY} distinct member signatures, so that paraphrased members are found through any of
 * several registered wordings; a signature that lands close to two families merges them (union-find, the older id
 * survives), since it shows them to be wordings of one template. Bounded: at most {@code maxFamilies}; past it, the least recently used families are
 * forgotten, singletons first.
 */
final class FamilyIndex {

  static final int SIGNATURES_PER_FAMILY = 32;
  /** Band hits on a second family that make a signature join the two families. */
  static final int MERGE_HITS = 3;

  private final int maxFamilies;
  private final LongIntMap bandToFamily = new LongIntMap(1 << 16);
  private final Map<Integer, Family> families = new HashMap<>();
  /** Union-find over family ids: families found to be wordings of one template are merged into the oldest. */
  private final Map<Integer, Integer> parent = new HashMap<>();
  private int nextId = 1;
  private long merges;
  private long clock;

  private static final class Family {
    final int id;
    final List<long[]> registered = new ArrayList<>();
    long members;
    long lastUsed;

    Family(int id) {
      this.id = id;
    }
  }

  FamilyIndex(int maxFamilies) {
    if (maxFamilies < 16) {
      throw new IllegalArgumentException("maxFamilies must be at least 16: " + maxFamilies);
    }
    this.maxFamilies = maxFamilies;
  }

  /** The family id of a signature given by its band keys; founds a family when none matches. */
  int assign(long[] bandKeys) {
    clock++;
    // candidate families and their band hits, in small parallel arrays (at most one entry per band)
    int[] ids = new int[bandKeys.length];
    int[] hits = new int[bandKeys.length];
    int candidates = 0;
    for (long k : bandKeys) {
      int raw = bandToFamily.get(k);
      if (raw < 0) {
        continue;
      }
      int f = find(raw);
      int j = 0;
      while (j < candidates && ids[j] != f) {
        j++;
      }
      if (j == candidates) {
        ids[candidates++] = f;
      }
      hits[j]++;
    }
    Family best = null;
    int bestHits = 0;
    for (int j = 0; j < candidates; j++) {
      if (hits[j] > bestHits || (hits[j] == bestHits && ids[j] < best.id)) {
        best = families.get(ids[j]);
        bestHits = hits[j];
      }
    }
    if (best != null && candidates > 1) {
      // a signature close to two families joins them: they are wordings of one template
      int threshold = Math.max(MERGE_HITS, bestHits / 4);
      int[] order = java.util.stream.IntStream.range(0, candidates).boxed()
          .sorted(java.util.Comparator.comparingInt(j -> ids[j])).mapToInt(Integer::intValue).toArray();
      for (int j : order) {
        int other = find(ids[j]);
        if (other != best.id && hits[j] >= threshold) {
          best = union(best, families.get(other));
        }
      }
    }
    if (best == null) {
      if (families.size() >= maxFamilies) {
        evict();
      }
      best = new Family(nextId++);
      families.put(best.id, best);
      register(best, bandKeys);
    } else if (bestHits < bandKeys.length && best.registered.size() < SIGNATURES_PER_FAMILY) {
      register(best, bandKeys);
    }
    best.members++;
    best.lastUsed = clock;
    return best.id;
  }

  /** The current id of a family that may since have been merged into another. */
  int find(int id) {
    int root = id;
    Integer p;
    while ((p = parent.get(root)) != null) {
      root = p;
    }
    // path compression
    int cur = id;
    while ((p = parent.get(cur)) != null && p != root) {
      parent.put(cur, root);
      cur = p;
    }
    return root;
  }

  private Family union(Family a, Family b) {
    Family keep = a.id < b.id ? a : b;
    Family gone = keep == a ? b : a;
    parent.put(gone.id, keep.id);
    families.remove(gone.id);
    keep.members += gone.members;
    keep.lastUsed = Math.max(keep.lastUsed, gone.lastUsed);
    for (long[] keys : gone.registered) {
      if (keep.registered.size() < SIGNATURES_PER_FAMILY) {
        keep.registered.add(keys);
      }
    }
    merges++;
    return keep;
  }

  long merges() {
    return merges;
  }

  private void register(Family f, long[] keys) {
    f.registered.add(keys.clone());
    for (long k : keys) {
      bandToFamily.putIfAbsent(k, f.id);
    }
  }

  /** Forgets a quarter of the families: singletons before larger ones, least recently used first. */
  private void evict() {
    List<Family> all = new ArrayList<>(families.values());
    all.sort((a, b) -> {
      int small = Boolean.compare(b.members <= 1, a.members <= 1);
      return small != 0 ? small : Long.compare(a.lastUsed, b.lastUsed);
    });
    for (Family f : all.subList(0, Math.max(1, all.size() / 4))) {
      families.remove(f.id);
      for (long[] keys : f.registered) {
        for (long k : keys) {
          int owner = bandToFamily.get(k);
          if (owner >= 0 && find(owner) == f.id) {
            bandToFamily.remove(k, owner);
          }
        }
      }
    }
  }

  int size() {
    return families.size();
  }
}
