package io.distillguard.families;

import java.util.Arrays;

/**
 * Union-find over family numbers (ids start at 1; 0 marks a root), with path compression, and a bitset of the
 * numbers that have a parent: most ids never merge, and a bit per id stays in cache where the parent array (an int
 * per id, megabytes at scale) does not. Not thread-safe.
 */
final class MergeForest {

  private int[] parent = new int[1024];
  private long[] merged = new long[16];

  /** The root of {@code id}: the number the family goes by now. */
  int find(int id) {
    if (id <= 0 || id >= parent.length || (id >>> 6) >= merged.length || (merged[id >>> 6] & (1L << id)) == 0) {
      return id;
    }
    int root = id;
    while (parent[root] != 0) {
      root = parent[root];
    }
    int cur = id;
    while (parent[cur] != 0 && parent[cur] != root) {
      int next = parent[cur];
      parent[cur] = root;
      cur = next;
    }
    return root;
  }

  /** Makes {@code keep} the parent of {@code gone}. */
  void link(int gone, int keep) {
    if (gone >= parent.length) {
      parent = Arrays.copyOf(parent, Math.max(gone + 1, parent.length * 2));
    }
    parent[gone] = keep;
    if ((gone >>> 6) >= merged.length) {
      merged = Arrays.copyOf(merged, Math.max((gone >>> 6) + 1, merged.length * 2));
    }
    merged[gone >>> 6] |= 1L << gone;
  }

  /** A copy of each number's parent, 0 for a root. */
  int[] parents() {
    return parent.clone();
  }

  void write(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(parent.length);
    for (int p : parent) {
      out.writeInt(p);
    }
  }

  static MergeForest read(java.io.DataInput in) throws java.io.IOException {
    MergeForest f = new MergeForest();
    int n = in.readInt();
    f.parent = new int[n];
    for (int i = 0; i < n; i++) {
      int p = in.readInt();
      if (p != 0) {
        f.link(i, p);
      }
    }
    return f;
  }
}
