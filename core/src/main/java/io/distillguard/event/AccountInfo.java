package io.distillguard.event;

import java.time.Instant;

/** What the billing system knows of the account ({@code account.*}); any component may be {@code null}. */
public record AccountInfo(
    Instant createdAt,
    Tier tier,
    Boolean verified,
    String paymentFingerprint,
    String emailDomain,
    String country) {

  public static final AccountInfo EMPTY = new AccountInfo(null, null, null, null, null, null);
}
