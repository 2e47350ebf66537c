package io.distillguard.features;

import io.distillguard.event.Event;
import java.util.Objects;

/**
 * What the feature stage extracts from one request, for the family and keyed-state stages. {@code shingles} are the
 * sorted, distinct shingle hashes of the template skeleton of the system prompt and the user prompt together;
 * {@code simHash} is the SimHash of the user prompt's shingles (near-duplicate prompts differ in few bits);
 * {@code systemHash} a hash of the normalized system prompt (0 when there is none). No prompt text is kept here
 * beyond the event itself.
 */
public record RequestFeatures(
    Event event,
    long[] shingles,
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
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(cot, "cot");
  }
}
