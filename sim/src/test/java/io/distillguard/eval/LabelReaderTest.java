package io.distillguard.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelReaderTest {

  @TempDir Path dir;

  private static LabelSet read(String text) throws IOException {
    return LabelReader.read(new BufferedReader(new StringReader(text)), "labels.jsonl");
  }

  @Test
  void read_handFile_hasTenAccountsAndIgnoresUnknownFields() throws Exception {
    LabelSet labels = EvalFixtures.handLabels();

    assertThat(labels.byAccount()).hasSize(10);
    assertThat(labels.byAccount().get("s1")).isEqualTo(new Label("s1", LabelClass.ATTACK, "slow-drip"));
    assertThat(labels.duplicateLines()).isZero();
    assertThat(labels.source()).endsWith("labels.jsonl");
  }

  @Test
  void read_repeatedAccount_keepsLastLineAndCountsIt() throws Exception {
    LabelSet labels =
        read(
            "{\"account_id\":\"a\",\"class\":\"benign\",\"group\":\"x\"}\n"
                + "{\"account_id\":\"a\",\"class\":\"attack\",\"group\":\"y\"}\n");

    assertThat(labels.byAccount()).containsOnlyKeys("a");
    assertThat(labels.byAccount().get("a")).isEqualTo(new Label("a", LabelClass.ATTACK, "y"));
    assertThat(labels.duplicateLines()).isEqualTo(1);
  }

  @Test
  void read_firstRequestAt_isParsedWhenPresentAndRefusedWhenNotATime() throws Exception {
    LabelSet labels = read(
        "{\"account_id\":\"a\",\"class\":\"attack\",\"group\":\"x\",\"first_request_at\":\"2026-03-02T01:30:00+01:00\"}\n");

    assertThat(labels.byAccount().get("a").firstRequestAt()).isEqualTo(java.time.Instant.parse("2026-03-02T00:30:00Z"));
    assertThatThrownBy(() -> read(
        "{\"account_id\":\"a\",\"class\":\"attack\",\"group\":\"x\",\"first_request_at\":\"yesterday\"}\n"))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("first_request_at is not an RFC 3339 time");
  }

  @Test
  void read_blankLinesAndCrLf_areSkipped() throws Exception {
    LabelSet labels = read("\r\n{\"account_id\":\"a\",\"class\":\"allowed\",\"group\":\"p\"}\r\n   \n");

    assertThat(labels.byAccount()).containsOnlyKeys("a");
  }

  @Test
  void read_notJson_namesFileAndLine() {
    assertThatThrownBy(() -> read("{\"account_id\":\"a\",\"class\":\"benign\",\"group\":\"x\"}\n\n{oops\n"))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("labels.jsonl:3: not valid JSON")
        .satisfies(e -> assertThat(((InputFormatException) e).line()).isEqualTo(3));
  }

  @Test
  void read_unknownClass_namesTheValue() {
    assertThatThrownBy(() -> read("{\"account_id\":\"a\",\"class\":\"evil\",\"group\":\"x\"}"))
        .isInstanceOf(InputFormatException.class)
        .hasMessage("labels.jsonl:1: unknown class (allowed: attack, benign, allowed): \"evil\"");
  }

  @Test
  void read_missingGroup_isMalformed() {
    assertThatThrownBy(() -> read("{\"account_id\":\"a\",\"class\":\"benign\"}"))
        .isInstanceOf(InputFormatException.class)
        .hasMessage("labels.jsonl:1: group is missing");
  }

  @Test
  void read_numericAccountId_isMalformed() {
    assertThatThrownBy(() -> read("{\"account_id\":7,\"class\":\"benign\",\"group\":\"x\"}"))
        .hasMessage("labels.jsonl:1: account_id is not a string");
  }

  @Test
  void read_arrayLine_isNotAnObject() {
    assertThatThrownBy(() -> read("[1, 2]")).hasMessage("labels.jsonl:1: not a JSON object");
  }

  @Test
  void read_trailingGarbage_isMalformed() {
    assertThatThrownBy(() -> read("{\"account_id\":\"a\",\"class\":\"benign\",\"group\":\"x\"} {}"))
        .hasMessageStartingWith("labels.jsonl:1: not valid JSON");
  }

  @Test
  void read_file_namesThePathInErrors() throws Exception {
    Path file = dir.resolve("labels.jsonl");
    Files.writeString(file, "{\"account_id\":\"a\",\"class\":\"benign\",\"group\":\"x\"}\n{\"account_id\":\"\"}\n");

    assertThatThrownBy(() -> LabelReader.read(file))
        .isInstanceOf(InputFormatException.class)
        .hasMessage(file + ":2: account_id is empty");
  }

  @Test
  void read_gzipFile_isDecompressed() throws Exception {
    Path file = dir.resolve("labels.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("{\"account_id\":\"a\",\"class\":\"benign\",\"group\":\"x\"}\n".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(LabelReader.read(file).byAccount()).containsOnlyKeys("a");
  }

  @Test
  void read_invalidUtf8_namesTheLine() throws Exception {
    Path file = dir.resolve("labels.jsonl");
    byte[] good = "{\"account_id\":\"a\",\"class\":\"benign\",\"group\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
    byte[] all = new byte[good.length + bad.length];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    Files.write(file, all);

    assertThatThrownBy(() -> LabelReader.read(file))
        .isInstanceOf(InputFormatException.class)
        .hasMessageContaining("not valid UTF-8");
  }
}
