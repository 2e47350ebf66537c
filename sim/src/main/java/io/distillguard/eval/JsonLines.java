package io.distillguard.eval;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.zip.GZIPInputStream;

/**
 * Reads a JSON Lines file one object at a time, for the label and verdict readers. Blank lines are skipped, unknown
 * fields are the caller's to ignore, and any {@link IllegalArgumentException} a handler throws becomes an {@link
 * InputFormatException} naming the file and line. Files ending in {@code .gz} are decompressed. Public for the
 * bench tools that read prompt sets the same way.
 */
public final class JsonLines {

  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private static final int QUOTE_LIMIT = 60;

  /** Receives one parsed line; throws {@link IllegalArgumentException} with a reason when the line is invalid. */
  @FunctionalInterface
  public interface LineHandler {
    void accept(JsonNode object);
  }

  private JsonLines() {}

  /** Opens {@code file} as UTF-8 text, gunzipping it when its name ends in {@code .gz}; malformed bytes throw. */
  public static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      if (file.getFileName() != null && file.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new BufferedReader(
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        1 << 16);
  }

  /** Feeds every non-blank line of {@code in} to {@code handler}; {@code source} names the input in errors. */
  public static void forEach(BufferedReader in, String source, LineHandler handler) throws IOException {
    long lineNo = 0;
    while (true) {
      String line;
      try {
        line = in.readLine();
      } catch (CharacterCodingException e) {
        throw new InputFormatException(source, lineNo + 1, "not valid UTF-8");
      }
      if (line == null) {
        return;
      }
      lineNo++;
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(line);
      } catch (JacksonException e) {
        throw new InputFormatException(source, lineNo, "not valid JSON: " + oneLine(e.getOriginalMessage()));
      }
      if (node == null || !node.isObject()) {
        throw new InputFormatException(source, lineNo, "not a JSON object");
      }
      try {
        handler.accept(node);
      } catch (IllegalArgumentException e) {
        throw new InputFormatException(source, lineNo, e.getMessage());
      }
    }
  }

  /** The non-empty string {@code field}; throws when it is missing, null, empty or not a string. */
  public static String requiredText(JsonNode object, String field) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " is not a string");
    }
    if (v.textValue().isEmpty()) {
      throw new IllegalArgumentException(field + " is empty");
    }
    return v.textValue();
  }

  /** The string {@code field}, or {@code null} when missing or null; throws when it is another type. */
  public static String optionalText(JsonNode object, String field) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " is not a string");
    }
    return v.textValue();
  }

  /** The RFC 3339 time {@code field}, or {@code null} when missing or null; throws when it is not a valid time. */
  static Instant optionalTime(JsonNode object, String field) {
    String s = optionalText(object, field);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " is not an RFC 3339 time: " + quote(s));
    }
  }

  /** {@code s} quoted, control characters escaped and cut to a few dozen characters: inputs may be hostile. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    int n = Math.min(s.length(), QUOTE_LIMIT);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (s.length() > QUOTE_LIMIT) {
      b.append("...");
    }
    return b.append('"').toString();
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
