package io.distillguard.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes events as event-v1 JSON Lines: one object per line, fields in the spec's order, absent ({@code null})
 * fields omitted. The output for a given event sequence is byte-for-byte stable, which the simulator's determinism
 * relies on. Not thread-safe; the caller owns and closes the stream.
 */
public final class EventWriter implements AutoCloseable {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final JsonGenerator gen;

  public EventWriter(OutputStream out) {
    try {
      this.gen = FACTORY.createGenerator(out);
      this.gen.setRootValueSeparator(null); // lines are separated by our newline only, never a leading space
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Formats an instant as RFC 3339 UTC with millisecond precision, e.g. {@code 2026-03-02T14:03:11.250Z}. */
  public static String formatTs(Instant ts) {
    return TS.format(ts);
  }

  /** Appends one event as a line. */
  public void write(Event e) {
    try {
      gen.writeStartObject();
      gen.writeStringField("event_id", e.eventId());
      gen.writeStringField("ts", formatTs(e.ts()));
      gen.writeStringField("account_id", e.accountId());
      str("org_id", e.orgId());
      str("api_key_id", e.apiKeyId());
      str("end_user_id", e.endUserId());
      if (e.account() != null) {
        AccountInfo a = e.account();
        gen.writeObjectFieldStart("account");
        if (a.createdAt() != null) {
          gen.writeStringField("created_at", formatTs(a.createdAt()));
        }
        if (a.tier() != null) {
          gen.writeStringField("tier", a.tier().wireName());
        }
        bool("verified", a.verified());
        str("payment_fingerprint", a.paymentFingerprint());
        str("email_domain", a.emailDomain());
        str("country", a.country());
        gen.writeEndObject();
      }
      if (e.client() != null) {
        ClientInfo c = e.client();
        gen.writeObjectFieldStart("client");
        str("ip", c.ip());
        if (c.asn() != null) {
          gen.writeNumberField("asn", c.asn());
        }
        str("asn_org", c.asnOrg());
        str("user_agent", c.userAgent());
        str("tls_fingerprint", c.tlsFingerprint());
        str("access_path", c.accessPath());
        gen.writeEndObject();
      }
      writeRequest(e.request());
      if (e.response() != null) {
        Response r = e.response();
        gen.writeObjectFieldStart("response");
        num("status", r.status());
        str("finish_reason", r.finishReason());
        num("input_tokens", r.inputTokens());
        num("output_tokens", r.outputTokens());
        num("reasoning_tokens", r.reasoningTokens());
        num("cached_input_tokens", r.cachedInputTokens());
        num("tool_calls", r.toolCalls());
        num("latency_ms", r.latencyMs());
        str("output_text", r.outputText());
        gen.writeEndObject();
      }
      gen.writeEndObject();
      gen.writeRaw('\n');
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private void writeRequest(Request q) throws IOException {
    gen.writeObjectFieldStart("request");
    gen.writeStringField("model", q.model());
    str("operation", q.operation());
    str("system", q.system());
    if (!q.messages().isEmpty()) {
      gen.writeArrayFieldStart("messages");
      for (Message m : q.messages()) {
        gen.writeStartObject();
        gen.writeStringField("role", m.role());
        writeContent(m.parts());
        gen.writeEndObject();
      }
      gen.writeEndArray();
    }
    if (!q.tools().isEmpty()) {
      gen.writeArrayFieldStart("tools");
      for (Request.Tool t : q.tools()) {
        gen.writeStartObject();
        gen.writeStringField("name", t.name());
        str("description", t.description());
        gen.writeEndObject();
      }
      gen.writeEndArray();
    }
    num("max_tokens", q.maxTokens());
    if (q.temperature() != null) {
      gen.writeNumberField("temperature", q.temperature());
    }
    if (q.topP() != null) {
      gen.writeNumberField("top_p", q.topP());
    }
    num("n", q.n());
    bool("stream", q.stream());
    if (q.reasoning() != null) {
      gen.writeObjectFieldStart("reasoning");
      bool("enabled", q.reasoning().enabled());
      num("budget_tokens", q.reasoning().budgetTokens());
      gen.writeEndObject();
    }
    bool("logprobs", q.logprobs());
    gen.writeEndObject();
  }

  private void writeContent(List<Message.Part> parts) throws IOException {
    if (parts.size() == 1 && parts.get(0).isText() && parts.get(0).text() != null && parts.get(0).name() == null) {
      gen.writeStringField("content", parts.get(0).text());
      return;
    }
    gen.writeArrayFieldStart("content");
    for (Message.Part p : parts) {
      gen.writeStartObject();
      gen.writeStringField("type", p.type());
      str("text", p.text());
      str("name", p.name());
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  private void str(String name, String v) throws IOException {
    if (v != null) {
      gen.writeStringField(name, v);
    }
  }

  private void num(String name, Integer v) throws IOException {
    if (v != null) {
      gen.writeNumberField(name, v.intValue());
    }
  }

  private void bool(String name, Boolean v) throws IOException {
    if (v != null) {
      gen.writeBooleanField(name, v.booleanValue());
    }
  }

  /** Flushes buffered output to the underlying stream. */
  public void flush() {
    try {
      gen.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flushes; does not close the underlying stream. */
  @Override
  public void close() {
    flush();
  }
}
