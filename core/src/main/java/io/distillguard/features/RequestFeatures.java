package io.distillguard.features;

import io.distillguard.event.Event;
import java.util.Objects;

/**
 * What the feature stage extracts from one request, for the family and keyed-state stages. {@code shingles} are the
 * shingle hashes of the template skeleton of the system prompt followed by the user prompt, in text order (order
 * matters: template text comes in long runs of recurring shingles); {@code systemHash} a hash of the normalized system
 * prompt (0 when there is none). The request's infrastructure keys are derived here too, off the keyed-state thread:
 * {@code ipRange} ({@link InfraKeys#ipRange}, null when the address is missing or malformed), {@code
 * clientConfiguration} ({@link InfraKeys#clientConfiguration}), its {@code harness} ({@link InfraKeys#harness}, null
 * when it has none) and {@code owner} ({@link InfraKeys#owner}), with the
 * {@link KeyHash} hashes the sketches count by: {@code accountKey}, {@code ownerKey}, {@code ipRangeKey} (0 when there
 * is no range), {@code eventKey} and {@code taskKey} ({@link KeyHash#task}); {@code fromHosting}: sent straight from a hosting or cloud compute network
 * ({@link HostingNetworks#directFromHosting}). No prompt text is kept here beyond the event itself.
 */
public record RequestFeatures(
    Event event,
    long[] shingles,
    long systemHash,
    Capability capability,
    CotSignal cot,
    int promptChars,
    boolean hasImages,
    int toolCount,
    boolean fromHosting,
    String ipRange,
    String clientConfiguration,
    String harness,
    String owner,
    long accountKey,
    long ownerKey,
    long ipRangeKey,
    long eventKey,
    long taskKey) {

  public RequestFeatures {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(shingles, "shingles");
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(cot, "cot");
    Objects.requireNonNull(clientConfiguration, "clientConfiguration");
    Objects.requireNonNull(owner, "owner");
  }

  /**
   * Features with the infrastructure keys and key hashes derived from {@code event}, and whether it came straight from
   * a network of the bundled hosting list.
   */
  public RequestFeatures(Event event, long[] shingles, long systemHash, Capability capability, CotSignal cot,
      int promptChars, boolean hasImages, int toolCount) {
    this(event, shingles, systemHash, capability, cot, promptChars, hasImages, toolCount,
        HostingNetworks.bundled().directFromHosting(event.clientOrEmpty().asn(), event.clientOrEmpty().accessPath()));
  }

  /** Features with the infrastructure keys and key hashes derived from {@code event}. */
  public RequestFeatures(Event event, long[] shingles, long systemHash, Capability capability, CotSignal cot,
      int promptChars, boolean hasImages, int toolCount, boolean fromHosting) {
    this(event, shingles, systemHash, capability, cot, promptChars, hasImages, toolCount, fromHosting,
        hashed(InfraKeys.ipRange(event.clientOrEmpty().ip())), hashed(InfraKeys.clientConfiguration(event)),
        InfraKeys.owner(event));
  }

  private RequestFeatures(Event event, long[] shingles, long systemHash, Capability capability, CotSignal cot,
      int promptChars, boolean hasImages, int toolCount, boolean fromHosting, String ipRange,
      String clientConfiguration, String owner) {
    this(event, shingles, systemHash, capability, cot, promptChars, hasImages, toolCount, fromHosting, ipRange,
        clientConfiguration, hashed(InfraKeys.harness(clientConfiguration)), owner, KeyHash.of(event.accountId()),
        KeyHash.of(owner),
        ipRange == null ? 0L : KeyHash.of(ipRange), KeyHash.sample(event.eventId()), KeyHash.task(event.request()));
  }

  /** {@code s} with its hash code computed here, on a feature thread, rather than at its first map lookup. */
  private static String hashed(String s) {
    if (s != null) {
      s.hashCode();
    }
    return s;
  }
}
