package io.distillguard.service.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class JsonLoggerTest {

  @Test
  void oneJsonObjectPerLineBoundedAndFiltered() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    JsonLogger log = new JsonLogger("io.distillguard.x", Level.INFO, true, new PrintStream(buf, true, StandardCharsets.UTF_8));
    log.debug("not shown {}", 1);
    log.info("appended {} events \"quoted\"\nnext", 42);
    log.error("failed: {}", "y".repeat(5000), new IllegalStateException("boom"));
    String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    JsonNode a = new ObjectMapper().readTree(lines[0]);
    assertThat(a.get("level").asText()).isEqualTo("INFO");
    assertThat(a.get("logger").asText()).isEqualTo("io.distillguard.x");
    assertThat(a.get("msg").asText()).isEqualTo("appended 42 events \"quoted\"\nnext");
    assertThat(a.has("ts")).isTrue();
    JsonNode b = new ObjectMapper().readTree(lines[1]);
    assertThat(b.get("msg").asText()).hasSize(JsonLogger.MAX_MESSAGE_CHARS + 3);
    assertThat(b.get("error").asText()).isEqualTo("java.lang.IllegalStateException: boom");
  }

  @Test
  void textFormatKeepsOneLinePerEvent() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    JsonLogger log = new JsonLogger("x", Level.WARN, false, new PrintStream(buf, true, StandardCharsets.UTF_8));
    log.info("hidden");
    log.warn("visible {}", "w");
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("WARN").contains("x - visible w").doesNotContain("hidden");
  }
}
