package io.distillguard.families;

import java.util.Arrays;

/**
 * Current family ids, kept from the merges a {@link TemplateFamilies} stage reports: {@link #canonical} gives the id
 * a family that may since have been merged into another goes by now, exactly as the stage's own
 * {@link TemplateFamilies#canonical} did after the same merges. Lets the family stage run ahead on another thread
 * while the detector names families as of the event it is applying. Not thread-safe.
 */
public final class FamilyNames {

  private int[] parent = new int[1024]; // 0: a root
  /** One bit per id with a parent: most ids never merge, and the bitset stays in cache. */
  private long[] merged = new long[16];
  private String[] survivorNames = new String[64];

  /** Family {@code absorbed} was merged into {@code into} (ids as the stage reported them). */
  public void merged(String absorbed, String into) {
    int gone = number(absorbed);
    int keep = find(number(into));
    if (gone >= parent.length) {
      parent = Arrays.copyOf(parent, Math.max(gone + 1, parent.length * 2));
    }
    if (gone != keep) {
      parent[gone] = keep;
      if ((gone >>> 6) >= merged.length) {
        merged = Arrays.copyOf(merged, Math.max((gone >>> 6) + 1, merged.length * 2));
      }
      merged[gone >>> 6] |= 1L << gone;
    }
  }

  /** The current id of a family ({@code tf-<n>}); other strings and {@code null} are returned as they are. */
  public String canonical(String familyId) {
    if (familyId == null || !familyId.startsWith("tf-")) {
      return familyId;
    }
    int raw = number(familyId);
    int root = find(raw);
    if (root == raw) {
      return familyId;
    }
    if (root >= survivorNames.length) {
      survivorNames = Arrays.copyOf(survivorNames, Math.max(root + 1, survivorNames.length * 2));
    }
    String name = survivorNames[root];
    if (name == null) {
      name = "tf-" + root;
      survivorNames[root] = name;
    }
    return name;
  }

  /** The names a restored family stage gives: its merges so far. */
  public static FamilyNames of(TemplateFamilies stage) {
    FamilyNames n = new FamilyNames();
    int[] p = stage.parents();
    for (int id = 0; id < p.length; id++) {
      if (p[id] != 0) {
        n.merged("tf-" + id, "tf-" + p[id]);
      }
    }
    return n;
  }

  private int find(int id) {
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

  private static int number(String familyId) {
    return Integer.parseInt(familyId, 3, familyId.length(), 10);
  }
}
