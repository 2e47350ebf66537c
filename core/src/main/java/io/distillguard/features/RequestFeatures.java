package io.distillguard.features;

import io.distillguard.event.Event;
import java.util.Objects;

/**
 * What the feature stage extracts from one request, for the family and keyed-state stages. {@code shingles} are the
 * shingle hashes of the template skeleton of the system prompt followed by the user prompt, in text order (order
 * matters: template text comes in long runs of recurring shingles); {@code systemHash} a hash of the normalized system prompt (0 when there is none). No prompt text is kept here
 * beyond the event itself.
 */
public record RequestFeatures(
    Event event,
    long[] shingles,
    long systemHash,
    Capability capability,
    CotSignal cot,
    int promptChars,
    boolean hasImages,
    int toolCount) {

  public RequestFeatures {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(shingles, "shingles");
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(cot, "cot");
  }
}
