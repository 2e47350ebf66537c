package io.distillguard.families;

import java.util.List;

/**
 * What the family stage decided for one request: its family id ({@code null}: free-form text), the merges it caused
 * as (absorbed id, surviving id) pairs in the order they happened, the one-request families forgotten on the way,
 * and earlier requests found to be of a family since ({@link LateAssignment}; applied after the merges). A consumer
 * that applies these in event order names families exactly as the stage did ({@link FamilyNames}).
 */
public record FamilyAssignment(String family, List<String[]> merges, List<String> forgotten,
    List<LateAssignment> late) {

  /** No family, no merges, nothing forgotten. */
  public static final FamilyAssignment NONE = new FamilyAssignment(null, List.of(), List.of(), List.of());

  public FamilyAssignment {
    merges = List.copyOf(merges);
    forgotten = List.copyOf(forgotten);
    late = List.copyOf(late);
  }
}
