package io.distillguard.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One LLM API request/response pair, exactly the fields of event format v1 ({@code spec/events-v1.md}).
 * Required: {@code eventId}, {@code ts}, {@code accountId} and {@code request.model}; every other component may be
 * {@code null}, and consumers must degrade gracefully when it is.
 */
public record Event(
    String eventId,
    Instant ts,
    String accountId,
    String orgId,
    String apiKeyId,
    String endUserId,
    AccountInfo account,
    ClientInfo client,
    Request request,
    Response response) {

  public Event {
    Objects.requireNonNull(eventId, "event_id");
    Objects.requireNonNull(ts, "ts");
    Objects.requireNonNull(accountId, "account_id");
    Objects.requireNonNull(request, "request");
    if (eventId.isEmpty()) {
      throw new IllegalArgumentException("event_id is empty");
    }
    if (accountId.isEmpty()) {
      throw new IllegalArgumentException("account_id is empty");
    }
  }

  /** The account block, or an all-null one when the event has none. */
  public AccountInfo accountOrEmpty() {
    return account != null ? account : AccountInfo.EMPTY;
  }

  /** The client block, or an all-null one when the event has none. */
  public ClientInfo clientOrEmpty() {
    return client != null ? client : ClientInfo.EMPTY;
  }

  /** The response block, or an all-null one when the event has none. */
  public Response responseOrEmpty() {
    return response != null ? response : Response.EMPTY;
  }
}
