package io.distillguard.service.alert;

import java.time.Instant;

/**
 * One alert and its delivery state. {@code payload} is the JSON sent (counts, ids and signal names; never prompt
 * text); {@code dedupeKey} makes a campaign alert once per kind and size step, also across restarts and replays.
 */
public record Alert(
    long id,
    String dedupeKey,
    String kind,
    String campaignId,
    Instant createdAt,
    Instant eventTime,
    String payload,
    int attempts,
    Instant nextAttemptAt,
    Instant deliveredAt,
    String lastError) {}
