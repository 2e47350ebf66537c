package io.distillguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventParserTest {

  private static final Instant T0 = Instant.parse("2026-03-02T14:03:11.250Z");
  private static final String HEAD = "\"event_id\":\"e1\",\"ts\":\"2026-03-02T14:03:11.250Z\",\"account_id\":\"a\"";
  private static final String MINIMAL = "{" + HEAD + ",\"request\":{\"model\":\"m\"}}";

  private final EventParser parser = new EventParser();

  /** A minimal valid line plus extra top-level fields. */
  private static String top(String extra) {
    return "{" + HEAD + ",\"request\":{\"model\":\"m\"}," + extra + "}";
  }

  /** A minimal valid line plus extra fields inside {@code request}. */
  private static String req(String extra) {
    return "{" + HEAD + ",\"request\":{\"model\":\"m\"," + extra + "}}";
  }

  private Event parse(String line) throws EventFormatException {
    return parser.parse(line);
  }

  private void assertRejected(String line, String reason) {
    assertThatThrownBy(() -> parser.parse(line))
        .isInstanceOf(EventFormatException.class)
        .hasMessage(reason);
  }

  @Test
  void parse_specExample_givesEveryField() throws Exception {
    String line;
    try (InputStream in = getClass().getResourceAsStream("/events/spec-example.jsonl")) {
      line = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    Event e = parse(line);

    assertThat(e.eventId()).isEqualTo("ev-000001");
    assertThat(e.ts()).isEqualTo(T0);
    assertThat(e.accountId()).isEqualTo("acct-7f3a");
    assertThat(e.orgId()).isEqualTo("org-19");
    assertThat(e.apiKeyId()).isEqualTo("key-2");
    assertThat(e.endUserId()).isNull();
    assertThat(e.account())
        .isEqualTo(
            new AccountInfo(
                Instant.parse("2026-02-27T09:12:00Z"), Tier.STARTUP, false, "pf-91c2", "mail.example", "SG"));
    assertThat(e.client())
        .isEqualTo(
            new ClientInfo(
                "203.0.113.7", 64500L, "Example Hosting", "anthropic-sdk-python/0.40.0",
                "t13d1516h2_8daaf6152771_b0da82dd1658", "direct"));
    assertThat(e.request())
        .isEqualTo(
            new Request(
                "frontier-large", "chat", "You are an expert data analyst ...",
                List.of(Message.text("user", "Here is a question and its final answer ...")), List.of(), 32000, 1.0,
                null, null, null, new Request.Reasoning(true, 24000), null));
    assertThat(e.response()).isEqualTo(new Response(200, "end_turn", 812, 2210, 9120, null, 0, 48210, null));
  }

  @Test
  void parse_bytesWithOffset_readsOnlyTheSlice() throws Exception {
    byte[] line = MINIMAL.getBytes(StandardCharsets.UTF_8);
    byte[] framed = new byte[line.length + 10];
    System.arraycopy(line, 0, framed, 5, line.length);
    framed[4] = '{';
    framed[5 + line.length] = '}';

    Event e = parser.parse(framed, 5, line.length);

    assertThat(e.eventId()).isEqualTo("e1");
    assertThat(e.request().model()).isEqualTo("m");
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parse_writerOutput_givesEqualRecords(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      Event original = RandomEvents.event(r, "ev-" + seed + "-" + i, T0.plusMillis(r.nextLong(1L << 36)));
      String line = RandomEvents.line(original);

      assertThat(parse(line)).as("seed %d, event %d", seed, i).isEqualTo(original);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void parse_fieldsInAnyOrder_givesEqualRecords(long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 100; i++) {
      Event original = RandomEvents.event(r, "ev-" + seed + "-" + i, T0.plusMillis(r.nextLong(1L << 36)));
      JsonNode shuffled = shuffle(json.readTree(RandomEvents.line(original)), r, json);
      if (r.nextBoolean()) {
        ((ObjectNode) shuffled).put("zz_unknown", "x");
      }

      assertThat(parse(json.writeValueAsString(shuffled))).as("seed %d, event %d", seed, i).isEqualTo(original);
    }
  }

  /** The same JSON with the fields of every object in random order. */
  private static JsonNode shuffle(JsonNode node, SplittableRandom r, ObjectMapper json) {
    if (node.isArray()) {
      ArrayNode copy = json.createArrayNode();
      node.forEach(child -> copy.add(shuffle(child, r, json)));
      return copy;
    }
    if (!node.isObject()) {
      return node;
    }
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    for (int i = names.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      String t = names.get(i);
      names.set(i, names.get(j));
      names.set(j, t);
    }
    ObjectNode copy = json.createObjectNode();
    for (String name : names) {
      copy.set(name, shuffle(node.get(name), r, json));
    }
    return copy;
  }

  @Test
  void parse_minimalLine_leavesOptionalBlocksNull() throws Exception {
    Event e = parse(MINIMAL);

    assertThat(e.account()).isNull();
    assertThat(e.client()).isNull();
    assertThat(e.response()).isNull();
    assertThat(e.request()).isEqualTo(Request.of("m", List.of()));
  }

  @Test
  void parse_nullOptionalFields_areNull() throws Exception {
    String line =
        "{" + HEAD + ",\"org_id\":null,\"api_key_id\":null,\"end_user_id\":null,"
            + "\"account\":{\"created_at\":null,\"tier\":null,\"verified\":null,\"payment_fingerprint\":null,"
            + "\"email_domain\":null,\"country\":null},"
            + "\"client\":{\"ip\":null,\"asn\":null,\"asn_org\":null,\"user_agent\":null,\"tls_fingerprint\":null,"
            + "\"access_path\":null},"
            + "\"request\":{\"model\":\"m\",\"operation\":null,\"system\":null,\"messages\":null,\"tools\":null,"
            + "\"max_tokens\":null,\"temperature\":null,\"top_p\":null,\"n\":null,\"stream\":null,"
            + "\"reasoning\":{\"enabled\":null,\"budget_tokens\":null},\"logprobs\":null},"
            + "\"response\":{\"status\":null,\"finish_reason\":null,\"input_tokens\":null,\"output_tokens\":null,"
            + "\"reasoning_tokens\":null,\"cached_input_tokens\":null,\"tool_calls\":null,\"latency_ms\":null,"
            + "\"output_text\":null}}";

    Event e = parse(line);

    assertThat(e.account()).isEqualTo(AccountInfo.EMPTY);
    assertThat(e.client()).isEqualTo(ClientInfo.EMPTY);
    assertThat(e.response()).isEqualTo(Response.EMPTY);
    assertThat(e.request())
        .isEqualTo(
            new Request(
                "m", null, null, List.of(), List.of(), null, null, null, null, null,
                new Request.Reasoning(null, null), null));
  }

  @Test
  void parse_nullBlocks_areNull() throws Exception {
    Event e = parse(top("\"account\":null,\"client\":null,\"response\":null"));

    assertThat(e.account()).isNull();
    assertThat(e.client()).isNull();
    assertThat(e.response()).isNull();
  }

  @Test
  void parse_unknownFieldsAnywhere_areIgnored() throws Exception {
    String line =
        "{\"v\":2," + HEAD + ",\"extra\":{\"deep\":[1,{\"x\":null}]},"
            + "\"account\":{\"tier\":\"free\",\"new\":[true]},"
            + "\"client\":{\"asn\":1,\"geo\":{\"lat\":1.5}},"
            + "\"request\":{\"model\":\"m\",\"seed\":7,\"messages\":[{\"role\":\"user\",\"name\":\"x\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"hi\",\"cache_control\":{\"type\":\"ephemeral\"}}]}],"
            + "\"tools\":[{\"name\":\"t\",\"input_schema\":{\"type\":\"object\"}}],"
            + "\"reasoning\":{\"enabled\":true,\"effort\":\"high\"}},"
            + "\"response\":{\"status\":200,\"id\":\"r\"},\"trailer\":\"x\"}";

    Event e = parse(line);

    assertThat(e.account().tier()).isEqualTo(Tier.FREE);
    assertThat(e.client().asn()).isEqualTo(1L);
    assertThat(e.request().messages()).containsExactly(Message.text("user", "hi"));
    assertThat(e.request().tools()).containsExactly(new Request.Tool("t", null));
    assertThat(e.request().reasoning()).isEqualTo(new Request.Reasoning(true, null));
    assertThat(e.response().status()).isEqualTo(200);
  }

  @Test
  void parse_contentString_isOneTextPart() throws Exception {
    Event e = parse(req("\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]"));

    assertThat(e.request().messages()).containsExactly(new Message("user", List.of(Message.Part.text("hello"))));
  }

  @Test
  void parse_contentArray_keepsPartsInOrder() throws Exception {
    Event e =
        parse(
            req(
                "\"messages\":[{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
                    + "{\"type\":\"tool_use\",\"name\":\"search\"},{\"type\":\"image\"},{\"type\":\"tool_result\"}]}]"));

    assertThat(e.request().messages().get(0).parts())
        .containsExactly(
            Message.Part.text("a"),
            new Message.Part("tool_use", null, "search"),
            new Message.Part("image", null, null),
            new Message.Part("tool_result", null, null));
  }

  @Test
  void parse_contentNullOrAbsent_isNoParts() throws Exception {
    Event e =
        parse(req("\"messages\":[{\"role\":\"user\",\"content\":null},{\"role\":\"tool\"},{\"role\":\"x\",\"content\":[]}]"));

    assertThat(e.request().messages())
        .containsExactly(new Message("user", List.of()), new Message("tool", List.of()), new Message("x", List.of()));
  }

  @Test
  void parse_wholeNumberWrittenAsFloat_isAnInteger() throws Exception {
    Event e = parse(req("\"max_tokens\":32000.0,\"n\":1e2"));

    assertThat(e.request().maxTokens()).isEqualTo(32000);
    assertThat(e.request().n()).isEqualTo(100);
  }

  @Test
  void parse_asnBeyondIntRange_isALong() throws Exception {
    Event e = parse(top("\"client\":{\"asn\":4294967296}"));

    assertThat(e.client().asn()).isEqualTo(4_294_967_296L);
  }

  @Test
  void parse_integerTemperature_isADouble() throws Exception {
    Event e = parse(req("\"temperature\":1,\"top_p\":-0.5e-1"));

    assertThat(e.request().temperature()).isEqualTo(1.0);
    assertThat(e.request().topP()).isEqualTo(-0.05);
  }

  @ParameterizedTest
  @ValueSource(strings = {"free", "individual", "startup", "edu", "research", "enterprise", "reseller", "unknown"})
  void parse_everyTier_isKnown(String tier) throws Exception {
    Event e = parse(top("\"account\":{\"tier\":\"" + tier + "\"}"));

    assertThat(e.account().tier().wireName()).isEqualTo(tier);
  }

  static Stream<Arguments> validTimestamps() {
    return Stream.of(
        Arguments.of("2026-03-02T14:03:11Z", "2026-03-02T14:03:11Z"),
        Arguments.of("2026-03-02T14:03:11.2Z", "2026-03-02T14:03:11.200Z"),
        Arguments.of("2026-03-02T14:03:11.123456789Z", "2026-03-02T14:03:11.123456789Z"),
        Arguments.of("2026-03-02t14:03:11.250z", "2026-03-02T14:03:11.250Z"),
        Arguments.of("2026-03-02T16:03:11.250+02:00", "2026-03-02T14:03:11.250Z"),
        Arguments.of("2026-03-02T09:33:11.250-04:30", "2026-03-02T14:03:11.250Z"),
        Arguments.of("2026-03-02T14:03:11.250+00:00", "2026-03-02T14:03:11.250Z"),
        Arguments.of("2026-03-03T00:03:11+10:00", "2026-03-02T14:03:11Z"),
        Arguments.of("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"),
        Arguments.of("1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"),
        Arguments.of("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
        Arguments.of("9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z"));
  }

  @ParameterizedTest
  @MethodSource("validTimestamps")
  void parse_rfc3339Timestamp_givesTheInstant(String ts, String expected) throws Exception {
    Event e = parse("{\"event_id\":\"e\",\"ts\":\"" + ts + "\",\"account_id\":\"a\",\"request\":{\"model\":\"m\"}}");

    assertThat(e.ts()).isEqualTo(Instant.parse(expected));
  }

  @Test
  void parse_offsetCreatedAt_givesTheInstant() throws Exception {
    Event e = parse(top("\"account\":{\"created_at\":\"2026-02-27T10:12:00+01:00\"}"));

    assertThat(e.account().createdAt()).isEqualTo(Instant.parse("2026-02-27T09:12:00Z"));
  }

  static Stream<Arguments> badTimestamps() {
    return Stream.of(
        Arguments.of("2026-03-02T14:03:11", "ts: date-time has no zone (Z or +hh:mm)"),
        Arguments.of("2026-03-02T14:03:11.250", "ts: date-time has no zone (Z or +hh:mm)"),
        Arguments.of("2026-03-02", "ts: not an RFC 3339 date-time"),
        Arguments.of("2026-03-02 14:03:11Z", "ts: not an RFC 3339 date-time"),
        Arguments.of("2026-03-02T14:03Z", "ts: not an RFC 3339 date-time"),
        Arguments.of("2026-02-30T14:03:11Z", "ts: not an RFC 3339 date-time"),
        Arguments.of("2025-02-29T14:03:11Z", "ts: not an RFC 3339 date-time"),
        Arguments.of("2026-13-02T14:03:11Z", "ts: not an RFC 3339 date-time"),
        Arguments.of("2026-03-02T24:00:00Z", "ts: not an RFC 3339 date-time"),
        Arguments.of("2026-03-02T14:60:11Z", "ts: not an RFC 3339 date-time"),
        Arguments.of("2026-03-02T14:03:61Z", "ts: not an RFC 3339 date-time"),
        Arguments.of("2026-03-02T14:03:11.Z", "ts: not an RFC 3339 date-time"),
        Arguments.of("2026-03-02T14:03:11.1234567890Z", "ts: not an RFC 3339 date-time"),
        Arguments.of("2026-03-02T14:03:11+0200", "ts: not an RFC 3339 date-time"),
        Arguments.of("2026-03-02T14:03:11+25:00", "ts: not an RFC 3339 date-time"),
        Arguments.of("+2026-03-02T14:03:11Z", "ts: not an RFC 3339 date-time"),
        Arguments.of("26-03-02T14:03:11Z", "ts: not an RFC 3339 date-time"),
        Arguments.of("1772460191", "ts: not an RFC 3339 date-time"),
        Arguments.of("", "ts: not an RFC 3339 date-time"));
  }

  @ParameterizedTest
  @MethodSource("badTimestamps")
  void parse_badTimestamp_isRejected(String ts, String reason) {
    assertRejected("{\"event_id\":\"e\",\"ts\":\"" + ts + "\",\"account_id\":\"a\",\"request\":{\"model\":\"m\"}}", reason);
  }

  static Stream<Arguments> badLines() {
    return Stream.of(
        // not JSON, not an object, trailing content
        Arguments.of("{\"event_id\":", "invalid JSON: line ends inside a value"),
        Arguments.of("{\"event_id\":\"e1\"", "invalid JSON: line ends inside a value"),
        Arguments.of("[1,2]", "expected a JSON object, got array"),
        Arguments.of("\"just a string\"", "expected a JSON object, got string"),
        Arguments.of("42", "expected a JSON object, got integer"),
        Arguments.of("null", "expected a JSON object, got null"),
        Arguments.of("", "empty line"),
        Arguments.of(MINIMAL + " {}", "trailing content after the object"),
        Arguments.of(MINIMAL + "x", "trailing content after the object"),
        Arguments.of(MINIMAL + ",", "trailing content after the object"),
        // missing and empty required fields
        Arguments.of("{\"ts\":\"2026-03-02T14:03:11Z\",\"account_id\":\"a\",\"request\":{\"model\":\"m\"}}",
            "event_id: missing"),
        Arguments.of("{\"event_id\":\"e\",\"account_id\":\"a\",\"request\":{\"model\":\"m\"}}", "ts: missing"),
        Arguments.of("{\"event_id\":\"e\",\"ts\":\"2026-03-02T14:03:11Z\",\"request\":{\"model\":\"m\"}}",
            "account_id: missing"),
        Arguments.of("{" + HEAD + "}", "request: missing"),
        Arguments.of("{" + HEAD + ",\"request\":{\"system\":\"s\"}}", "request.model: missing"),
        Arguments.of("{\"event_id\":\"\",\"ts\":\"2026-03-02T14:03:11Z\",\"account_id\":\"a\",\"request\":{\"model\":\"m\"}}",
            "event_id: empty string"),
        Arguments.of("{\"event_id\":\"e\",\"ts\":\"2026-03-02T14:03:11Z\",\"account_id\":\"\",\"request\":{\"model\":\"m\"}}",
            "account_id: empty string"),
        Arguments.of("{" + HEAD + ",\"request\":{\"model\":\"\"}}", "request.model: empty string"),
        // wrong types of required fields
        Arguments.of("{\"event_id\":1,\"ts\":\"2026-03-02T14:03:11Z\",\"account_id\":\"a\",\"request\":{\"model\":\"m\"}}",
            "event_id: expected string, got integer"),
        Arguments.of("{\"event_id\":null,\"ts\":\"2026-03-02T14:03:11Z\",\"account_id\":\"a\",\"request\":{\"model\":\"m\"}}",
            "event_id: expected string, got null"),
        Arguments.of("{\"event_id\":\"e\",\"ts\":1772460191,\"account_id\":\"a\",\"request\":{\"model\":\"m\"}}",
            "ts: expected string, got integer"),
        Arguments.of("{\"event_id\":\"e\",\"ts\":\"2026-03-02T14:03:11Z\",\"account_id\":[],\"request\":{\"model\":\"m\"}}",
            "account_id: expected string, got array"),
        Arguments.of("{" + HEAD + ",\"request\":null}", "request: expected object, got null"),
        Arguments.of("{" + HEAD + ",\"request\":\"m\"}", "request: expected object, got string"),
        Arguments.of("{" + HEAD + ",\"request\":{\"model\":7}}", "request.model: expected string, got integer"),
        // wrong types of optional fields
        Arguments.of(top("\"org_id\":5"), "org_id: expected string or null, got integer"),
        Arguments.of(top("\"end_user_id\":{}"), "end_user_id: expected string or null, got object"),
        Arguments.of(top("\"account\":\"free\""), "account: expected object or null, got string"),
        Arguments.of(top("\"account\":{\"verified\":\"yes\"}"), "account.verified: expected boolean or null, got string"),
        Arguments.of(top("\"account\":{\"verified\":1}"), "account.verified: expected boolean or null, got integer"),
        Arguments.of(top("\"account\":{\"tier\":\"gold\"}"),
            "account.tier: unknown value (allowed: free, individual, startup, edu, research, enterprise, reseller, unknown)"),
        Arguments.of(top("\"account\":{\"tier\":\"FREE\"}"),
            "account.tier: unknown value (allowed: free, individual, startup, edu, research, enterprise, reseller, unknown)"),
        Arguments.of(top("\"account\":{\"tier\":1}"), "account.tier: expected string or null, got integer"),
        Arguments.of(top("\"account\":{\"created_at\":\"yesterday\"}"), "account.created_at: not an RFC 3339 date-time"),
        Arguments.of(top("\"account\":{\"created_at\":\"2026-02-27T09:12:00\"}"),
            "account.created_at: date-time has no zone (Z or +hh:mm)"),
        Arguments.of(top("\"client\":{\"asn\":\"64500\"}"), "client.asn: expected integer or null, got string"),
        Arguments.of(top("\"client\":{\"asn\":64500.5}"), "client.asn: expected integer or null, got fractional number"),
        Arguments.of(top("\"client\":{\"asn\":9223372036854775808}"), "client.asn: integer out of range"),
        Arguments.of(top("\"client\":{\"ip\":[\"1.2.3.4\"]}"), "client.ip: expected string or null, got array"),
        Arguments.of(top("\"client\":[]"), "client: expected object or null, got array"),
        Arguments.of(req("\"messages\":{}"), "request.messages: expected array or null, got object"),
        Arguments.of(req("\"messages\":\"hi\""), "request.messages: expected array or null, got string"),
        Arguments.of(req("\"messages\":[\"hi\"]"), "request.messages[0]: expected object, got string"),
        Arguments.of(req("\"messages\":[{\"role\":\"user\"},null]"), "request.messages[1]: expected object, got null"),
        Arguments.of(req("\"messages\":[{\"content\":\"hi\"}]"), "request.messages[0].role: missing"),
        Arguments.of(req("\"messages\":[{\"role\":null}]"), "request.messages[0].role: expected string, got null"),
        Arguments.of(req("\"messages\":[{\"role\":\"user\",\"content\":5}]"),
            "request.messages[0].content: expected string, array or null, got integer"),
        Arguments.of(req("\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\"}}]"),
            "request.messages[0].content: expected string, array or null, got object"),
        Arguments.of(req("\"messages\":[{\"role\":\"u\"},{\"role\":\"u\",\"content\":[{\"type\":\"text\"},{\"text\":\"x\"}]}]"),
            "request.messages[1].content[1].type: missing"),
        Arguments.of(req("\"messages\":[{\"role\":\"u\",\"content\":[\"x\"]}]"),
            "request.messages[0].content[0]: expected object, got string"),
        Arguments.of(req("\"messages\":[{\"role\":\"u\",\"content\":[{\"type\":\"text\",\"text\":1}]}]"),
            "request.messages[0].content[0].text: expected string or null, got integer"),
        Arguments.of(req("\"tools\":[{\"name\":\"a\"},{\"description\":\"d\"}]"), "request.tools[1].name: missing"),
        Arguments.of(req("\"tools\":[{\"name\":true}]"), "request.tools[0].name: expected string, got boolean"),
        Arguments.of(req("\"tools\":{}"), "request.tools: expected array or null, got object"),
        Arguments.of(req("\"max_tokens\":1.5"), "request.max_tokens: expected integer or null, got fractional number"),
        Arguments.of(req("\"max_tokens\":2147483648"), "request.max_tokens: integer out of range"),
        Arguments.of(req("\"max_tokens\":-2147483649"), "request.max_tokens: integer out of range"),
        Arguments.of(req("\"max_tokens\":1e10"), "request.max_tokens: integer out of range"),
        Arguments.of(req("\"max_tokens\":1e400"), "request.max_tokens: integer out of range"),
        Arguments.of(req("\"max_tokens\":\"100\""), "request.max_tokens: expected integer or null, got string"),
        Arguments.of(req("\"temperature\":\"hot\""), "request.temperature: expected number or null, got string"),
        Arguments.of(req("\"temperature\":1e400"), "request.temperature: number out of range"),
        Arguments.of(req("\"stream\":\"true\""), "request.stream: expected boolean or null, got string"),
        Arguments.of(req("\"reasoning\":true"), "request.reasoning: expected object or null, got boolean"),
        Arguments.of(req("\"reasoning\":{\"budget_tokens\":0.5}"),
            "request.reasoning.budget_tokens: expected integer or null, got fractional number"),
        Arguments.of(top("\"response\":{\"status\":\"200\"}"), "response.status: expected integer or null, got string"),
        Arguments.of(top("\"response\":{\"latency_ms\":3000000000}"), "response.latency_ms: integer out of range"),
        Arguments.of(top("\"response\":{\"output_text\":[]}"), "response.output_text: expected string or null, got array"),
        // a known field given twice is ambiguous
        Arguments.of(top("\"account_id\":\"b\""), "account_id: duplicate field"),
        Arguments.of(req("\"model\":\"n\""), "request.model: duplicate field"),
        Arguments.of(req("\"messages\":[{\"role\":\"u\",\"role\":\"v\"}]"), "request.messages[0].role: duplicate field"));
  }

  @ParameterizedTest
  @MethodSource("badLines")
  void parse_badLine_isRejectedNamingTheField(String line, String reason) {
    assertRejected(line, reason);
  }

  @Test
  void parse_invalidJson_reasonGivesOnlyAPosition() {
    assertThatThrownBy(() -> parser.parse("{\"event_id\": secret-token-123}"))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("invalid JSON at byte ")
        .hasMessageNotContaining("secret");
  }

  @Test
  void parse_badValues_reasonsNeverQuoteTheContent() {
    String secret = "SECRET-PROMPT-TEXT";
    List<String> lines = new ArrayList<>();
    lines.add("{\"" + secret + "\":");
    lines.add("{\"event_id\":\"" + secret + "\",\"ts\":\"" + secret + "\",\"account_id\":\"a\",\"request\":{}}");
    lines.add(top("\"account\":{\"tier\":\"" + secret + "\"}"));
    lines.add(top("\"client\":{\"asn\":\"" + secret + "\"}"));
    lines.add("{\"a\":" + secret + "}");
    lines.add("\"" + secret + "\"");
    lines.add(MINIMAL + secret);
    lines.add("{\"a\":\"" + secret + "\u0001\"}");

    for (String line : lines) {
      assertThatThrownBy(() -> parser.parse(line)).as(line).hasMessageNotContaining(secret);
    }
  }

  @Test
  void parse_idOf256CodePoints_isAcceptedAnd257Rejected() throws Exception {
    String emoji = "\uD83D\uDE00"; // one code point, two chars
    String id256 = emoji.repeat(256);

    assertThat(parse("{\"event_id\":\"" + id256 + "\",\"ts\":\"2026-03-02T14:03:11Z\",\"account_id\":\"a\","
            + "\"request\":{\"model\":\"m\"}}").eventId())
        .isEqualTo(id256);
    assertRejected(
        "{\"event_id\":\"e\",\"ts\":\"2026-03-02T14:03:11Z\",\"account_id\":\"" + "a".repeat(257)
            + "\",\"request\":{\"model\":\"m\"}}",
        "account_id: longer than 256 characters");
  }

  @Test
  void parse_invalidUtf8_isRejected() {
    byte[] line = MINIMAL.replace("\"a\"", "\"\u00e9\"").getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[line.length];
    System.arraycopy(line, 0, broken, 0, line.length);
    for (int i = 0; i < broken.length; i++) {
      if ((broken[i] & 0xff) == 0xA9) { // second byte of é
        broken[i] = 'x';
      }
    }

    assertThatThrownBy(() -> parser.parse(broken, 0, broken.length))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("invalid JSON");
  }

  @Test
  void parse_deepNesting_isRejectedNotCrashing() {
    String deep = "[".repeat(5000) + "]".repeat(5000);

    assertThatThrownBy(() -> parser.parse(top("\"x\":" + deep)))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("invalid JSON");
  }

  @Test
  void parse_fromManyThreads_givesTheSameEvents() throws Exception {
    SplittableRandom r = new SplittableRandom(7);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      events.add(RandomEvents.event(r, "ev-" + i, T0.plusSeconds(i)));
    }
    List<String> lines = events.stream().map(RandomEvents::line).toList();

    List<Event> parsed =
        lines.parallelStream()
            .map(
                l -> {
                  try {
                    return parser.parse(l);
                  } catch (EventFormatException e) {
                    throw new AssertionError(e.getMessage());
                  }
                })
            .toList();

    assertThat(parsed).isEqualTo(events);
  }
}
