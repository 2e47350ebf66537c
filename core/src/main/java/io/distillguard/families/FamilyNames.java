package io.distillguard.families;

import java.util.Arrays;

/**
 * Current family ids, kept from the merges a {@link TemplateFamilies} stage reports: {@link #canonical} gives the id
 * a family that may since have been merged into another goes by now, exactly as the stage's own
 * {@link TemplateFamilies#canonical} did after the same merges. Lets the family stage run ahead on another thread
 * while the detector names families as of the event it is applying. Not thread-safe.
 */
public final class FamilyNames {

  private final MergeForest forest;
  private String[] survivorNames = new String[64];

  /** Names kept from the merges reported to {@link #merged}. */
  public FamilyNames() {
    this(new MergeForest());
  }

  /** Names that follow {@code forest} as it is (a family stage's own). */
  FamilyNames(MergeForest forest) {
    this.forest = forest;
  }

  /** Family {@code absorbed} was merged into {@code into} (ids as the stage reported them). */
  public void merged(String absorbed, String into) {
    int gone = number(absorbed);
    int keep = forest.find(number(into));
    if (gone != keep) {
      forest.link(gone, keep);
    }
  }

  /** The current id of a family ({@code tf-<n>}); other strings and {@code null} are returned as they are. */
  public String canonical(String familyId) {
    if (familyId == null || !familyId.startsWith("tf-")) {
      return familyId;
    }
    int raw = number(familyId);
    int root = forest.find(raw);
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

  private static int number(String familyId) {
    return Integer.parseInt(familyId, 3, familyId.length(), 10);
  }
}
