package io.distillguard.event;

/** Where the request came from ({@code client.*}); any component may be {@code null}. */
public record ClientInfo(
    String ip,
    Long asn,
    String asnOrg,
    String userAgent,
    String tlsFingerprint,
    String accessPath) {

  public static final ClientInfo EMPTY = new ClientInfo(null, null, null, null, null, null);
}
