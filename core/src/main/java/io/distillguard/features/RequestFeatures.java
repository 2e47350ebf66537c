package io.distillguard.features;

import io.distillguard.event.Event;
import java.util.Objects;

/**
 * What the feature stage extracts from one request, for the keyed-state stage. {@code shingles} are the sorted,
 * distinct shingle hashes of the prompt's template skeleton; {@code minHash} its one-permutation MinHash signature
 * and {@code lshKeys} its band keys; {@code simHash} its SimHash; {@code systemHash} a hash of the normalized system
 * prompt (0 when there is none). No prompt text is kept here beyond the event itself.
 */
public record RequestFeatures(
    Event event,
    long[] shingles,
    int[] minHash,
    long[] lshKeys,
    long simHash,
    long systemHash,
    Capability capability,
    CotSignal cot,
    int promptChars,
    boolean hasImages,
    int toolCount) {

  public RequestFeatures {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(shingles, "shingles");
    Objects.requireNonNull(minHash, "minHash");
    Objects.requireNonNull(lshKeys, "lshKeys");
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(cot, "cot");
  }
}
