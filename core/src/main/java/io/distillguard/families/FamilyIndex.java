package io.distillguard.families;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups template signatures into families: an LSH table proposes candidate families, and a signature joins the most
 * similar candidate if it is close enough to one of that family's registered wordings (ties to the older family), or
 * founds a new one. Each family registers up to {@value #SIGNATURES_PER_FAMILY} distinct wordings, so paraphrased
 * members are found through any of them; a signature close to two families merges them (union-find, the older id
 * survives), since it shows them to be wordings of one template. Bounded: at most {@code maxFamilies}; past it, the least recently used families are
 * forgotten, singletons first.
 */
final class FamilyIndex {

  static final int SIGNATURES_PER_FAMILY = 12;
  /** Estimated Jaccard similarity to a registered wording needed to join a family. */
  static final double JOIN_SIMILARITY = 0.35;
  /** Similarity to a second family's wording that shows the two to be one template. */
  static final double MERGE_SIMILARITY = 0.5;
  /** A member this close to a registered wording adds nothing new; a less similar one is registered. */
  static final double NOVEL_SIMILARITY = 0.8;

  private final int maxFamilies;
  private LongIntMap bandToFamily = new LongIntMap(1 << 16);
  private final Map<Integer, Family> families = new HashMap<>();
  /** Union-find over family ids: families found to be wordings of one template are merged into the oldest. */
  private MergeForest forest = new MergeForest();
  private int nextId = 1;
  private long merges;
  private List<int[]> mergeLog = new ArrayList<>();
  /** Single-request families forgotten since the last drain: their ids are never handed out again. */
  private List<Integer> forgotten = new ArrayList<>();
  private long clock;

  private static final class Family {
    final int id;
    final List<long[]> registered = new ArrayList<>();
    final List<int[]> signatures = new ArrayList<>();
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

  /**
   * The family id of a template signature given with its band keys; founds a family when none matches. LSH only
   * proposes candidates: a signature joins a family only if its estimated similarity to one of the family's
   * registered wordings reaches {@value #JOIN_SIMILARITY}, so that weak band collisions never chain unrelated
   * templates together.
   */
  int assign(int[] signature, long[] bandKeys) {
    clock++;
    // candidate families and their band hits, in small parallel arrays (at most one entry per band)
    int[] ids = new int[bandKeys.length];
    int[] hits = new int[bandKeys.length];
    int candidates = 0;
    int lastRaw = -1;
    int root = -1;
    for (long k : bandKeys) {
      int raw = bandToFamily.get(k);
      if (raw < 0) {
        continue;
      }
      if (raw != lastRaw) { // bands of one wording mostly name the same family: find it once
        lastRaw = raw;
        root = find(raw);
      }
      int f = root;
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
    double bestSim = 0;
    Family second = null;
    double secondSim = 0;
    for (int j = 0; j < candidates; j++) {
      Family f = families.get(ids[j]);
      if (f == null) {
        continue;
      }
      double sim = similarity(f, signature);
      if (sim > bestSim || (sim == bestSim && best != null && f.id < best.id)) {
        second = best;
        secondSim = bestSim;
        best = f;
        bestSim = sim;
      } else if (sim > secondSim) {
        second = f;
        secondSim = sim;
      }
    }
    if (bestSim < JOIN_SIMILARITY) {
      best = null;
    } else if (second != null && secondSim >= MERGE_SIMILARITY) {
      // close to two families: they are wordings of one template
      best = union(best, second);
    }
    if (best == null) {
      if (families.size() >= maxFamilies) {
        evict();
      }
      best = new Family(nextId++);
      families.put(best.id, best);
      register(best, signature, bandKeys);
    } else if (bestSim < NOVEL_SIMILARITY && best.registered.size() < SIGNATURES_PER_FAMILY) {
      register(best, signature, bandKeys);
    }
    best.members++;
    best.lastUsed = clock;
    return best.id;
  }

  /** The current id of a family that may since have been merged into another. */
  int find(int id) {
    return forest.find(id);
  }

  private Family union(Family a, Family b) {
    Family keep = a.id < b.id ? a : b;
    Family gone = keep == a ? b : a;
    forest.link(gone.id, keep.id);
    families.remove(gone.id);
    keep.members += gone.members;
    keep.lastUsed = Math.max(keep.lastUsed, gone.lastUsed);
    for (int i = 0; i < gone.registered.size(); i++) {
      if (keep.registered.size() < SIGNATURES_PER_FAMILY) {
        keep.registered.add(gone.registered.get(i));
        keep.signatures.add(gone.signatures.get(i));
      }
    }
    merges++;
    mergeLog.add(new int[] {gone.id, keep.id});
    return keep;
  }

  /** The merge forest itself (read it, never link through it). */
  MergeForest forest() {
    return forest;
  }

  /** A copy of the merge forest: each id's parent, 0 for a root. */
  int[] parents() {
    return forest.parents();
  }

  long merges() {
    return merges;
  }

  /** The (absorbed, surviving) id pairs merged since the last call. */
  List<int[]> drainMerges() {
    List<int[]> out = mergeLog;
    mergeLog = new ArrayList<>();
    return out;
  }

  /**
   * The single-request families forgotten since the last call: no request will be assigned to them again, and one
   * request shows nothing across accounts, so per-family state kept for them elsewhere can be dropped.
   */
  List<Integer> drainForgotten() {
    List<Integer> out = forgotten;
    forgotten = new ArrayList<>();
    return out;
  }

  private static double similarity(Family f, int[] signature) {
    double best = 0;
    for (int[] s : f.signatures) {
      best = Math.max(best, io.distillguard.features.MinHasher.similarity(s, signature));
    }
    return best;
  }

  private void register(Family f, int[] signature, long[] keys) {
    f.signatures.add(signature.clone());
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
      if (f.members <= 1) {
        forgotten.add(f.id);
      }
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

  /** Writes the whole index (families in id order); {@link #read} gives an index that assigns identically. */
  void write(java.io.DataOutput out) throws java.io.IOException {
    if (!mergeLog.isEmpty()) {
      throw new IllegalStateException("merges not drained");
    }
    out.writeInt(maxFamilies);
    bandToFamily.write(out);
    List<Integer> ids = new ArrayList<>(families.keySet());
    ids.sort(null);
    out.writeInt(ids.size());
    for (int id : ids) {
      Family f = families.get(id);
      out.writeInt(f.id);
      out.writeLong(f.members);
      out.writeLong(f.lastUsed);
      out.writeInt(f.registered.size());
      for (int k = 0; k < f.registered.size(); k++) {
        long[] keys = f.registered.get(k);
        int[] sig = f.signatures.get(k);
        out.writeInt(keys.length);
        for (long x : keys) {
          out.writeLong(x);
        }
        out.writeInt(sig.length);
        for (int x : sig) {
          out.writeInt(x);
        }
      }
    }
    forest.write(out);
    out.writeInt(nextId);
    out.writeLong(merges);
    out.writeLong(clock);
  }

  static FamilyIndex read(java.io.DataInput in) throws java.io.IOException {
    FamilyIndex x = new FamilyIndex(in.readInt());
    x.bandToFamily = LongIntMap.read(in);
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      Family f = new Family(in.readInt());
      f.members = in.readLong();
      f.lastUsed = in.readLong();
      int r = in.readInt();
      for (int k = 0; k < r; k++) {
        long[] keys = new long[in.readInt()];
        for (int j = 0; j < keys.length; j++) {
          keys[j] = in.readLong();
        }
        int[] sig = new int[in.readInt()];
        for (int j = 0; j < sig.length; j++) {
          sig[j] = in.readInt();
        }
        f.registered.add(keys);
        f.signatures.add(sig);
      }
      x.families.put(f.id, f);
    }
    x.forest = MergeForest.read(in);
    x.nextId = in.readInt();
    x.merges = in.readLong();
    x.clock = in.readLong();
    return x;
  }
}
