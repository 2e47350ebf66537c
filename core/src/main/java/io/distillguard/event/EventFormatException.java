package io.distillguard.event;

/**
 * A line that is not a valid event-v1 object. The message is the reason: the offending field (e.g.
 * {@code client.asn}) and what is wrong with it, never the line's content.
 */
public final class EventFormatException extends Exception {

  public EventFormatException(String reason) {
    super(reason, null, false, false);
  }

  /** The same reason with the field path prefixed by the enclosing field, e.g. {@code request.} + {@code model}. */
  EventFormatException within(String parent) {
    return new EventFormatException(parent + "." + getMessage());
  }
}
