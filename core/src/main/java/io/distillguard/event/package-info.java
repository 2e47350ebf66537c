/**
 * Stage 1, events: reads event-v1 JSON Lines (plain, gzip, folders) into validated {@link io.distillguard.event.Event}
 * records, rejects bad lines with file, line and reason, drops repeated {@code event_id}s and releases events in
 * event-time order through a bounded out-of-order buffer. Consumes bytes; produces events for the feature stage.
 */
package io.distillguard.event;
