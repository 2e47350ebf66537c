package io.distillguard.service.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.distillguard.event.Event;
import io.distillguard.event.EventFormatException;
import io.distillguard.event.EventParser;
import io.distillguard.service.store.EventLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an ingest body into events: NDJSON (one event-v1 object per line; blank lines ignored) or a JSON array of
 * event-v1 objects, told apart by the first non-blank byte. Each event is validated on its own; an invalid one is
 * reported with its line (NDJSON) or its 1-based position (array) and a reason that never quotes its content, and the
 * valid ones go on. Stateless and thread-safe.
 */
public final class IngestParser {

  /** One rejected event: where it was and why. */
  public record Rejected(int line, String reason) {}

  /** The valid events (with their exact JSON) and the rejected ones. */
  public record Parsed(List<EventLog.Entry> events, List<Rejected> rejected) {}

  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
  private final EventParser parser = new EventParser();
  private final int maxEventBytes;

  public IngestParser(int maxEventBytes) {
    this.maxEventBytes = maxEventBytes;
  }

  public Parsed parse(byte[] body) {
    int i = 0;
    while (i < body.length && isBlank(body[i])) {
      i++;
    }
    if (i + 3 <= body.length && (body[i] & 0xFF) == 0xEF && (body[i + 1] & 0xFF) == 0xBB && (body[i + 2] & 0xFF) == 0xBF) {
      i += 3; // a UTF-8 byte order mark
    }
    return i < body.length && body[i] == '[' ? array(body, i) : lines(body, i);
  }

  private Parsed lines(byte[] body, int from) {
    List<EventLog.Entry> ok = new ArrayList<>();
    List<Rejected> bad = new ArrayList<>();
    int line = 1;
    for (int i = 0; i < from; i++) {
      if (body[i] == '\n') {
        line++;
      }
    }
    int start = from;
    for (int i = from; i <= body.length; i++) {
      if (i == body.length || body[i] == '\n') {
        int end = i;
        if (end > start && body[end - 1] == '\r') {
          end--;
        }
        one(body, start, end, line, ok, bad);
        line++;
        start = i + 1;
      }
    }
    return new Parsed(ok, bad);
  }

  private Parsed array(byte[] body, int from) {
    List<EventLog.Entry> ok = new ArrayList<>();
    List<Rejected> bad = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(body, from, body.length - from)) {
      p.nextToken(); // START_ARRAY
      int index = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          bad.add(new Rejected(index + 1, "invalid JSON: the array is not closed"));
          break;
        }
        index++;
        int start = from + (int) p.currentTokenLocation().getByteOffset();
        if (t != JsonToken.START_OBJECT) {
          p.skipChildren();
          bad.add(new Rejected(index, "array element is not an object"));
          continue;
        }
        p.skipChildren();
        int end = from + (int) p.currentLocation().getByteOffset();
        one(body, start, end, index, ok, bad);
      }
      if (p.nextToken() != null) {
        bad.add(new Rejected(index + 1, "invalid JSON: content after the array"));
      }
    } catch (IOException e) {
      bad.add(new Rejected(ok.size() + bad.size() + 1, "invalid JSON array: parsing stopped here"));
    }
    return new Parsed(ok, bad);
  }

  private void one(byte[] body, int start, int end, int line, List<EventLog.Entry> ok, List<Rejected> bad) {
    int s = start;
    while (s < end && isBlank(body[s])) {
      s++;
    }
    if (s == end) {
      return; // blank line
    }
    if (end - start > maxEventBytes) {
      bad.add(new Rejected(line, "event exceeds " + maxEventBytes + " bytes"));
      return;
    }
    try {
      Event e = parser.parse(body, start, end - start);
      ok.add(new EventLog.Entry(e, new String(body, start, end - start, StandardCharsets.UTF_8)));
    } catch (EventFormatException ex) {
      bad.add(new Rejected(line, ex.getMessage()));
    }
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }
}
