package io.distillguard.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Parses one event-v1 line into an {@link Event}, strictly against {@code spec/event-v1.schema.json}: required fields
 * present and non-empty, every known field of the right type ({@code null} allowed for every optional one), integers
 * integral and in range, {@code account.tier} one of the enum, timestamps RFC 3339 with a zone, ids at most 256
 * characters, a known field at most once, and nothing after the object. Unknown fields are skipped anywhere. A bad
 * line throws {@link EventFormatException} whose message names the field and the problem, never the content.
 *
 * <p>Stateless and thread-safe. One Jackson streaming parser per line over the caller's bytes; records are built
 * directly from the tokens, without a tree and without a string of the whole line. Field names are matched fastest
 * in the order {@link EventWriter} writes them (see {@link FieldNames}); any order is accepted.
 */
public final class EventParser {

  static final int MAX_ID_CHARS = 256;

  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private static final String TIERS = "free, individual, startup, edu, research, enterprise, reseller, unknown";

  // known fields of each object, in the order EventWriter writes them (the fast path; any order is accepted)
  private static final FieldNames EVENT =
      new FieldNames(
          "event_id", "ts", "account_id", "org_id", "api_key_id", "end_user_id", "account", "client", "request",
          "response");
  private static final FieldNames ACCOUNT =
      new FieldNames("created_at", "tier", "verified", "payment_fingerprint", "email_domain", "country");
  private static final FieldNames CLIENT =
      new FieldNames("ip", "asn", "asn_org", "user_agent", "tls_fingerprint", "access_path");
  private static final FieldNames REQUEST =
      new FieldNames(
          "model", "operation", "system", "messages", "tools", "max_tokens", "temperature", "top_p", "n", "stream",
          "reasoning", "logprobs");
  private static final FieldNames REASONING = new FieldNames("enabled", "budget_tokens");
  private static final FieldNames MESSAGE = new FieldNames("role", "content");
  private static final FieldNames PART = new FieldNames("type", "text", "name");
  private static final FieldNames TOOL = new FieldNames("name", "description");
  private static final FieldNames RESPONSE =
      new FieldNames(
          "status", "finish_reason", "input_tokens", "output_tokens", "reasoning_tokens", "cached_input_tokens",
          "tool_calls", "latency_ms", "output_text");

  /** Parses {@code len} bytes of UTF-8 JSON starting at {@code off}; the line terminator must not be included. */
  public Event parse(byte[] buf, int off, int len) throws EventFormatException {
    Objects.checkFromIndexSize(off, len, buf.length);
    try (JsonParser p = FACTORY.createParser(buf, off, len)) {
      return readLine(p);
    } catch (JsonEOFException e) {
      throw new EventFormatException("invalid JSON: line ends inside a value");
    } catch (StreamConstraintsException e) {
      throw new EventFormatException("invalid JSON: exceeds parser limits (nesting, number or string length)");
    } catch (JsonProcessingException e) {
      throw new EventFormatException("invalid JSON at byte " + byteOffset(e.getLocation()));
    } catch (IOException e) {
      // cannot happen on a byte array; kept as a reject rather than a crash
      throw new EventFormatException("invalid JSON: " + e.getClass().getSimpleName());
    } catch (IllegalArgumentException | IllegalStateException e) {
      // a value Jackson or a record constructor refused in a way not foreseen above: one bad line, not a dead run
      throw new EventFormatException("invalid event: " + e.getClass().getSimpleName());
    }
  }

  /** Parses one line given as a string (tests, adapters); the line terminator must not be included. */
  public Event parse(String line) throws EventFormatException {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length);
  }

  private static long byteOffset(JsonLocation loc) {
    if (loc == null) {
      return 0;
    }
    long b = loc.getByteOffset();
    return b >= 0 ? b : Math.max(0, loc.getColumnNr() - 1);
  }

  private static Event readLine(JsonParser p) throws IOException, EventFormatException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new EventFormatException("empty line");
    }
    if (t != JsonToken.START_OBJECT) {
      throw new EventFormatException("expected a JSON object, got " + kind(t));
    }
    Event e = readEvent(p);
    JsonToken after;
    try {
      after = p.nextToken();
    } catch (JsonProcessingException ex) {
      throw new EventFormatException("trailing content after the object");
    }
    if (after != null) {
      throw new EventFormatException("trailing content after the object");
    }
    return e;
  }

  private static Event readEvent(JsonParser p) throws IOException, EventFormatException {
    String eventId = null;
    Instant ts = null;
    String accountId = null;
    String orgId = null;
    String apiKeyId = null;
    String endUserId = null;
    AccountInfo account = null;
    ClientInfo client = null;
    Request request = null;
    Response response = null;
    int seen = 0;
    int expect = 0;
    for (int f; (f = EVENT.next(p, expect)) != FieldNames.END; ) {
      if (f >= 0) {
        seen = once(seen, f, EVENT);
        expect = f + 1;
      }
      switch (f) {
        case 0 -> eventId = requiredId(p, "event_id");
        case 1 -> {
          JsonToken t = p.nextToken();
          if (t != JsonToken.VALUE_STRING) {
            throw typeError("ts", "string", t);
          }
          ts = timestamp(p, "ts");
        }
        case 2 -> accountId = requiredId(p, "account_id");
        case 3 -> orgId = optString(p, "org_id");
        case 4 -> apiKeyId = optString(p, "api_key_id");
        case 5 -> endUserId = optString(p, "end_user_id");
        case 6 -> {
          if (optObject(p, "account")) {
            try {
              account = readAccount(p);
            } catch (EventFormatException e) {
              throw e.within("account");
            }
          }
        }
        case 7 -> {
          if (optObject(p, "client")) {
            try {
              client = readClient(p);
            } catch (EventFormatException e) {
              throw e.within("client");
            }
          }
        }
        case 8 -> {
          JsonToken t = p.nextToken();
          if (t != JsonToken.START_OBJECT) {
            throw typeError("request", "object", t);
          }
          try {
            request = readRequest(p);
          } catch (EventFormatException e) {
            throw e.within("request");
          }
        }
        case 9 -> {
          if (optObject(p, "response")) {
            try {
              response = readResponse(p);
            } catch (EventFormatException e) {
              throw e.within("response");
            }
          }
        }
        default -> skipValue(p);
      }
    }
    if (eventId == null) {
      throw new EventFormatException("event_id: missing");
    }
    if (ts == null) {
      throw new EventFormatException("ts: missing");
    }
    if (accountId == null) {
      throw new EventFormatException("account_id: missing");
    }
    if (request == null) {
      throw new EventFormatException("request: missing");
    }
    return new Event(eventId, ts, accountId, orgId, apiKeyId, endUserId, account, client, request, response);
  }

  private static AccountInfo readAccount(JsonParser p) throws IOException, EventFormatException {
    Instant createdAt = null;
    Tier tier = null;
    Boolean verified = null;
    String payment = null;
    String emailDomain = null;
    String country = null;
    int seen = 0;
    int expect = 0;
    for (int f; (f = ACCOUNT.next(p, expect)) != FieldNames.END; ) {
      if (f >= 0) {
        seen = once(seen, f, ACCOUNT);
        expect = f + 1;
      }
      switch (f) {
        case 0 -> createdAt = optTimestamp(p, "created_at");
        case 1 -> tier = optTier(p, "tier");
        case 2 -> verified = optBoolean(p, "verified");
        case 3 -> payment = optString(p, "payment_fingerprint");
        case 4 -> emailDomain = optString(p, "email_domain");
        case 5 -> country = optString(p, "country");
        default -> skipValue(p);
      }
    }
    return new AccountInfo(createdAt, tier, verified, payment, emailDomain, country);
  }

  private static ClientInfo readClient(JsonParser p) throws IOException, EventFormatException {
    String ip = null;
    Long asn = null;
    String asnOrg = null;
    String userAgent = null;
    String tls = null;
    String accessPath = null;
    int seen = 0;
    int expect = 0;
    for (int f; (f = CLIENT.next(p, expect)) != FieldNames.END; ) {
      if (f >= 0) {
        seen = once(seen, f, CLIENT);
        expect = f + 1;
      }
      switch (f) {
        case 0 -> ip = optString(p, "ip");
        case 1 -> asn = optLong(p, "asn");
        case 2 -> asnOrg = optString(p, "asn_org");
        case 3 -> userAgent = optString(p, "user_agent");
        case 4 -> tls = optString(p, "tls_fingerprint");
        case 5 -> accessPath = optString(p, "access_path");
        default -> skipValue(p);
      }
    }
    return new ClientInfo(ip, asn, asnOrg, userAgent, tls, accessPath);
  }

  private static Request readRequest(JsonParser p) throws IOException, EventFormatException {
    String model = null;
    String operation = null;
    String system = null;
    List<Message> messages = null;
    List<Request.Tool> tools = null;
    Integer maxTokens = null;
    Double temperature = null;
    Double topP = null;
    Integer n = null;
    Boolean stream = null;
    Request.Reasoning reasoning = null;
    Boolean logprobs = null;
    int seen = 0;
    int expect = 0;
    for (int f; (f = REQUEST.next(p, expect)) != FieldNames.END; ) {
      if (f >= 0) {
        seen = once(seen, f, REQUEST);
        expect = f + 1;
      }
      switch (f) {
        case 0 -> {
          model = requiredString(p, "model");
          if (model.isEmpty()) {
            throw new EventFormatException("model: empty string");
          }
        }
        case 1 -> operation = optString(p, "operation");
        case 2 -> system = optString(p, "system");
        case 3 -> messages = readMessages(p);
        case 4 -> tools = readTools(p);
        case 5 -> maxTokens = optInt(p, "max_tokens");
        case 6 -> temperature = optNumber(p, "temperature");
        case 7 -> topP = optNumber(p, "top_p");
        case 8 -> n = optInt(p, "n");
        case 9 -> stream = optBoolean(p, "stream");
        case 10 -> {
          if (optObject(p, "reasoning")) {
            try {
              reasoning = readReasoning(p);
            } catch (EventFormatException e) {
              throw e.within("reasoning");
            }
          }
        }
        case 11 -> logprobs = optBoolean(p, "logprobs");
        default -> skipValue(p);
      }
    }
    if (model == null) {
      throw new EventFormatException("model: missing");
    }
    return new Request(
        model, operation, system, messages, tools, maxTokens, temperature, topP, n, stream, reasoning, logprobs);
  }

  private static Request.Reasoning readReasoning(JsonParser p) throws IOException, EventFormatException {
    Boolean enabled = null;
    Integer budget = null;
    int seen = 0;
    int expect = 0;
    for (int f; (f = REASONING.next(p, expect)) != FieldNames.END; ) {
      if (f >= 0) {
        seen = once(seen, f, REASONING);
        expect = f + 1;
      }
      switch (f) {
        case 0 -> enabled = optBoolean(p, "enabled");
        case 1 -> budget = optInt(p, "budget_tokens");
        default -> skipValue(p);
      }
    }
    return new Request.Reasoning(enabled, budget);
  }

  /** The value of {@code messages}; errors inside element i are reported as {@code messages[i].field}. */
  private static List<Message> readMessages(JsonParser p) throws IOException, EventFormatException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_ARRAY) {
      throw typeError("messages", "array or null", t);
    }
    Message first = null;
    List<Message> all = null;
    int i = 0;
    for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
      if (t != JsonToken.START_OBJECT) {
        throw typeError("messages[" + i + "]", "object", t);
      }
      Message m;
      try {
        m = readMessage(p);
      } catch (EventFormatException e) {
        throw e.within("messages[" + i + "]");
      }
      if (first == null) {
        first = m;
      } else {
        if (all == null) {
          all = new ArrayList<>(4);
          all.add(first);
        }
        all.add(m);
      }
    }
    return all != null ? all : first != null ? List.of(first) : List.of();
  }

  private static Message readMessage(JsonParser p) throws IOException, EventFormatException {
    String role = null;
    List<Message.Part> parts = null;
    int seen = 0;
    int expect = 0;
    for (int f; (f = MESSAGE.next(p, expect)) != FieldNames.END; ) {
      if (f >= 0) {
        seen = once(seen, f, MESSAGE);
        expect = f + 1;
      }
      switch (f) {
        case 0 -> role = requiredString(p, "role");
        case 1 -> parts = readContent(p);
        default -> skipValue(p);
      }
    }
    if (role == null) {
      throw new EventFormatException("role: missing");
    }
    return new Message(role, parts);
  }

  /** The value of {@code content}: a string (one text part), null, or an array of parts. */
  private static List<Message.Part> readContent(JsonParser p) throws IOException, EventFormatException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_STRING) {
      return List.of(Message.Part.text(p.getText()));
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_ARRAY) {
      throw typeError("content", "string, array or null", t);
    }
    List<Message.Part> parts = new ArrayList<>(4);
    int j = 0;
    for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), j++) {
      if (t != JsonToken.START_OBJECT) {
        throw typeError("content[" + j + "]", "object", t);
      }
      try {
        parts.add(readPart(p));
      } catch (EventFormatException e) {
        throw e.within("content[" + j + "]");
      }
    }
    return parts;
  }

  private static Message.Part readPart(JsonParser p) throws IOException, EventFormatException {
    String type = null;
    String text = null;
    String name = null;
    int seen = 0;
    int expect = 0;
    for (int f; (f = PART.next(p, expect)) != FieldNames.END; ) {
      if (f >= 0) {
        seen = once(seen, f, PART);
        expect = f + 1;
      }
      switch (f) {
        case 0 -> type = requiredString(p, "type");
        case 1 -> text = optString(p, "text");
        case 2 -> name = optString(p, "name");
        default -> skipValue(p);
      }
    }
    if (type == null) {
      throw new EventFormatException("type: missing");
    }
    return new Message.Part(type, text, name);
  }

  /** The value of {@code tools}; errors inside element i are reported as {@code tools[i].field}. */
  private static List<Request.Tool> readTools(JsonParser p) throws IOException, EventFormatException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.START_ARRAY) {
      throw typeError("tools", "array or null", t);
    }
    List<Request.Tool> tools = new ArrayList<>(4);
    int i = 0;
    for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
      if (t != JsonToken.START_OBJECT) {
        throw typeError("tools[" + i + "]", "object", t);
      }
      try {
        tools.add(readTool(p));
      } catch (EventFormatException e) {
        throw e.within("tools[" + i + "]");
      }
    }
    return tools;
  }

  private static Request.Tool readTool(JsonParser p) throws IOException, EventFormatException {
    String name = null;
    String description = null;
    int seen = 0;
    int expect = 0;
    for (int f; (f = TOOL.next(p, expect)) != FieldNames.END; ) {
      if (f >= 0) {
        seen = once(seen, f, TOOL);
        expect = f + 1;
      }
      switch (f) {
        case 0 -> name = requiredString(p, "name");
        case 1 -> description = optString(p, "description");
        default -> skipValue(p);
      }
    }
    if (name == null) {
      throw new EventFormatException("name: missing");
    }
    return new Request.Tool(name, description);
  }

  private static Response readResponse(JsonParser p) throws IOException, EventFormatException {
    Integer status = null;
    String finishReason = null;
    Integer inputTokens = null;
    Integer outputTokens = null;
    Integer reasoningTokens = null;
    Integer cachedInputTokens = null;
    Integer toolCalls = null;
    Integer latencyMs = null;
    String outputText = null;
    int seen = 0;
    int expect = 0;
    for (int f; (f = RESPONSE.next(p, expect)) != FieldNames.END; ) {
      if (f >= 0) {
        seen = once(seen, f, RESPONSE);
        expect = f + 1;
      }
      switch (f) {
        case 0 -> status = optInt(p, "status");
        case 1 -> finishReason = optString(p, "finish_reason");
        case 2 -> inputTokens = optInt(p, "input_tokens");
        case 3 -> outputTokens = optInt(p, "output_tokens");
        case 4 -> reasoningTokens = optInt(p, "reasoning_tokens");
        case 5 -> cachedInputTokens = optInt(p, "cached_input_tokens");
        case 6 -> toolCalls = optInt(p, "tool_calls");
        case 7 -> latencyMs = optInt(p, "latency_ms");
        case 8 -> outputText = optString(p, "output_text");
        default -> skipValue(p);
      }
    }
    return new Response(
        status, finishReason, inputTokens, outputTokens, reasoningTokens, cachedInputTokens, toolCalls, latencyMs,
        outputText);
  }

  // ---- values

  /** Marks field {@code f} as seen; a known field given twice is ambiguous, so the line is rejected. */
  private static int once(int seen, int f, FieldNames fields) throws EventFormatException {
    if ((seen & (1 << f)) != 0) {
      throw new EventFormatException(fields.name(f) + ": duplicate field");
    }
    return seen | (1 << f);
  }

  private static void skipValue(JsonParser p) throws IOException {
    p.nextToken();
    p.skipChildren();
  }

  /** Moves to the value; true for an object, false for null, a type error otherwise. */
  private static boolean optObject(JsonParser p, String field) throws IOException, EventFormatException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.START_OBJECT) {
      return true;
    }
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    throw typeError(field, "object or null", t);
  }

  private static String requiredString(JsonParser p, String field) throws IOException, EventFormatException {
    JsonToken t = p.nextToken();
    if (t != JsonToken.VALUE_STRING) {
      throw typeError(field, "string", t);
    }
    return p.getText();
  }

  private static String requiredId(JsonParser p, String field) throws IOException, EventFormatException {
    String s = requiredString(p, field);
    if (s.isEmpty()) {
      throw new EventFormatException(field + ": empty string");
    }
    if (s.length() > MAX_ID_CHARS && s.codePointCount(0, s.length()) > MAX_ID_CHARS) {
      throw new EventFormatException(field + ": longer than " + MAX_ID_CHARS + " characters");
    }
    return s;
  }

  private static String optString(JsonParser p, String field) throws IOException, EventFormatException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw typeError(field, "string or null", t);
  }

  private static Boolean optBoolean(JsonParser p, String field) throws IOException, EventFormatException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw typeError(field, "boolean or null", t);
  }

  /** JSON Schema integers: a number with no fractional part ({@code 3} or {@code 3.0}) within int range. */
  private static Integer optInt(JsonParser p, String field) throws IOException, EventFormatException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() != JsonParser.NumberType.INT) {
        throw new EventFormatException(field + ": integer out of range");
      }
      return p.getIntValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = integral(p, field);
      if (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
        throw new EventFormatException(field + ": integer out of range");
      }
      return (int) d;
    }
    throw typeError(field, "integer or null", t);
  }

  private static Long optLong(JsonParser p, String field) throws IOException, EventFormatException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType nt = p.getNumberType();
      if (nt != JsonParser.NumberType.INT && nt != JsonParser.NumberType.LONG) {
        throw new EventFormatException(field + ": integer out of range");
      }
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = integral(p, field);
      // 2^63 is exactly representable; anything at or above it does not fit
      if (d < -0x1p63 || d >= 0x1p63) {
        throw new EventFormatException(field + ": integer out of range");
      }
      return (long) d;
    }
    throw typeError(field, "integer or null", t);
  }

  private static double integral(JsonParser p, String field) throws IOException, EventFormatException {
    double d = p.getDoubleValue();
    if (Double.isInfinite(d)) {
      throw new EventFormatException(field + ": integer out of range");
    }
    if (d != Math.rint(d)) {
      throw new EventFormatException(field + ": expected integer or null, got fractional number");
    }
    return d;
  }

  private static Double optNumber(JsonParser p, String field) throws IOException, EventFormatException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      double d = p.getDoubleValue();
      if (!Double.isFinite(d)) {
        throw new EventFormatException(field + ": number out of range");
      }
      return d;
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw typeError(field, "number or null", t);
  }

  private static Tier optTier(JsonParser p, String field) throws IOException, EventFormatException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw typeError(field, "string or null", t);
    }
    return switch (p.getText()) {
      case "free" -> Tier.FREE;
      case "individual" -> Tier.INDIVIDUAL;
      case "startup" -> Tier.STARTUP;
      case "edu" -> Tier.EDU;
      case "research" -> Tier.RESEARCH;
      case "enterprise" -> Tier.ENTERPRISE;
      case "reseller" -> Tier.RESELLER;
      case "unknown" -> Tier.UNKNOWN;
      default -> throw new EventFormatException(field + ": unknown value (allowed: " + TIERS + ")");
    };
  }

  private static Instant optTimestamp(JsonParser p, String field) throws IOException, EventFormatException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw typeError(field, "string or null", t);
    }
    return timestamp(p, field);
  }

  /** The current string token as an instant, read from the parser's buffer without making a string. */
  private static Instant timestamp(JsonParser p, String field) throws IOException, EventFormatException {
    char[] c = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    Instant fast = Rfc3339.parseUtc(c, off, len);
    if (fast != null) {
      return fast;
    }
    return Rfc3339.parse(new String(c, off, len), field);
  }

  private static EventFormatException typeError(String field, String expected, JsonToken got) {
    return new EventFormatException(field + ": expected " + expected + ", got " + kind(got));
  }

  private static String kind(JsonToken t) {
    if (t == null) {
      return "end of line";
    }
    return switch (t) {
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT -> "integer";
      case VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> t.name().toLowerCase(Locale.ROOT);
    };
  }
}
