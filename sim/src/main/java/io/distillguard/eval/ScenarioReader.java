package io.distillguard.eval;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the simulator's {@code scenario.json} tolerantly: unknown fields are ignored, missing ones become {@code
 * null}, an unknown {@code pace} or {@code class} becomes {@code null}. It throws {@link InputFormatException} only
 * when the file is not JSON, declares another {@code format}, lacks a campaign or persona {@code name}, or holds a
 * value of the wrong type (a time that is not RFC 3339, a number that is text).
 */
public final class ScenarioReader {

  /** The file name the simulator writes beside {@code labels.jsonl}. */
  public static final String FILE_NAME = "scenario.json";

  private ScenarioReader() {}

  /** The {@code scenario.json} in the same folder as {@code labelsFile}, when there is one. */
  public static Optional<Path> besides(Path labelsFile) {
    Path dir = labelsFile.toAbsolutePath().getParent();
    if (dir == null) {
      return Optional.empty();
    }
    Path candidate = dir.resolve(FILE_NAME);
    return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
  }

  /** Reads a scenario file. */
  public static Scenario read(Path file) throws IOException {
    try (BufferedReader in = JsonLines.open(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads a scenario from {@code in}; {@code source} names it in errors. */
  public static Scenario read(BufferedReader in, String source) throws IOException {
    JsonNode root;
    try {
      root = JsonLines.MAPPER.readTree(in);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      long line = at == null ? 0 : Math.max(0, at.getLineNr());
      throw new InputFormatException(source, line, "not valid JSON: " + firstLine(e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new InputFormatException(source, 0, "not a JSON object");
    }
    try {
      return parse(root);
    } catch (IllegalArgumentException e) {
      throw new InputFormatException(source, 0, e.getMessage());
    }
  }

  private static Scenario parse(JsonNode root) {
    String format = JsonLines.optionalText(root, "format");
    if (format != null && !format.equals(Scenario.FORMAT)) {
      throw new IllegalArgumentException(
          "format is " + JsonLines.quote(format) + ", expected \"" + Scenario.FORMAT + "\"");
    }
    return new Scenario(
        format,
        optionalLong(root, "seed"),
        optionalDouble(root, "scale"),
        JsonLines.optionalTime(root, "start"),
        JsonLines.optionalTime(root, "end"),
        optionalLong(root, "events"),
        optionalLong(root, "accounts"),
        list(root, "model_releases", ScenarioReader::modelRelease),
        list(root, "campaigns", ScenarioReader::campaign),
        list(root, "personas", ScenarioReader::persona));
  }

  private static Scenario.ModelRelease modelRelease(JsonNode n) {
    return new Scenario.ModelRelease(JsonLines.requiredText(n, "model"), JsonLines.optionalTime(n, "at"));
  }

  private static Scenario.Campaign campaign(JsonNode n) {
    return new Scenario.Campaign(
        JsonLines.requiredText(n, "name"),
        JsonLines.optionalText(n, "family"),
        labelClass(n),
        Pace.fromWire(JsonLines.optionalText(n, "pace")).orElse(null),
        JsonLines.optionalTime(n, "start"),
        JsonLines.optionalTime(n, "end"),
        optionalLong(n, "accounts"),
        optionalLong(n, "events"),
        JsonLines.optionalText(n, "description"));
  }

  private static Scenario.Persona persona(JsonNode n) {
    JsonNode hard = n.get("hard_negative");
    if (hard != null && !hard.isNull() && !hard.isBoolean()) {
      throw new IllegalArgumentException("hard_negative is not a boolean");
    }
    return new Scenario.Persona(
        JsonLines.requiredText(n, "name"),
        labelClass(n),
        hard != null && hard.booleanValue(),
        optionalLong(n, "accounts"),
        optionalLong(n, "events"),
        JsonLines.optionalText(n, "description"));
  }

  private static LabelClass labelClass(JsonNode n) {
    String wire = JsonLines.optionalText(n, "class");
    for (LabelClass c : LabelClass.values()) {
      if (c.wireName().equals(wire)) {
        return c;
      }
    }
    return null;
  }

  private static <T> List<T> list(JsonNode root, String field, Function<JsonNode, T> element) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(field + " is not an array");
    }
    List<T> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode n = v.get(i);
      if (!n.isObject()) {
        throw new IllegalArgumentException(field + "[" + i + "] is not an object");
      }
      try {
        out.add(element.apply(n));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(field + "[" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static Long optionalLong(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException(field + " is not an integer");
    }
    return v.longValue();
  }

  private static Double optionalDouble(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException(field + " is not a number");
    }
    return v.doubleValue();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
