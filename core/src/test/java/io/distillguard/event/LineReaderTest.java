package io.distillguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineReaderTest {

  /** A line as read: its text, or null when it was oversized. */
  private static List<String> readAll(InputStream in, int maxLineBytes) throws IOException {
    List<String> lines = new ArrayList<>();
    try (LineReader r = LineReader.over(in, maxLineBytes, false)) {
      while (r.next()) {
        assertThat(r.lineNumber()).isEqualTo(lines.size() + 1);
        lines.add(
            r.oversized()
                ? null
                : new String(r.buffer(), r.lineOffset(), r.lineLength(), StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  private static List<String> readAll(String text, int maxLineBytes) throws IOException {
    return readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLineBytes);
  }

  @Test
  void next_splitsOnNewline_stripsCrAndKeepsLastUnterminatedLine() throws IOException {
    assertThat(readAll("a\nb\r\n\r\n\nc", 100)).containsExactly("a", "b", "", "", "c");
  }

  @Test
  void next_emptyInput_hasNoLines() throws IOException {
    assertThat(readAll("", 100)).isEmpty();
  }

  @Test
  void next_bomAtStart_isDropped_elsewhereKept() throws IOException {
    assertThat(readAll("\uFEFFa\n\uFEFFb", 100)).containsExactly("a", "\uFEFFb");
  }

  @Test
  void next_onlyABom_hasNoLines() throws IOException {
    assertThat(readAll("\uFEFF", 100)).isEmpty();
  }

  @Test
  void next_lineAtTheLimit_isKept_longerOnesSkipped() throws IOException {
    String at = "x".repeat(10);
    assertThat(readAll(at + "\n" + at + "\r\n" + at + "y\n" + at + "y\r\nz\n" + at + "yy", 10))
        .containsExactly(at, at, null, null, "z", null);
  }

  @Test
  void next_hugeLine_isSkippedWithoutGrowingTheBuffer() throws IOException {
    String huge = "h".repeat(5_000_000);
    byte[] text = ("a\n" + huge + "\nb\n" + huge).getBytes(StandardCharsets.US_ASCII);
    try (LineReader r = LineReader.over(new ByteArrayInputStream(text), 1000, false)) {
      List<String> lines = new ArrayList<>();
      while (r.next()) {
        lines.add(r.oversized() ? null : new String(r.buffer(), r.lineOffset(), r.lineLength(), StandardCharsets.US_ASCII));
      }

      assertThat(lines).containsExactly("a", null, "b", null);
      assertThat(r.bufferCapacity()).isEqualTo(LineReader.INITIAL_BUFFER);
      assertThat(r.bytes()).isEqualTo(2 + huge.length() + 1 + 2 + huge.length());
    }
  }

  @Test
  void next_lineLongerThanTheInitialBuffer_growsTheBuffer() throws IOException {
    String big = "b".repeat(LineReader.INITIAL_BUFFER * 3);

    assertThat(readAll("a\n" + big + "\nc", 1 << 20)).containsExactly("a", big, "c");
  }

  @Test
  void next_gzipBySniffing_isDecompressed() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
    }

    try (LineReader r = LineReader.over(new ByteArrayInputStream(bytes.toByteArray()), 100, false)) {
      assertThat(r.gzip()).isTrue();
    }
    assertThat(readAll(new ByteArrayInputStream(bytes.toByteArray()), 100)).containsExactly("one", "two");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void next_truncatedGzip_throwsAfterTheCompleteLines(boolean readAhead) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < 10_000; i++) {
        gz.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);

    List<String> lines = new ArrayList<>();
    assertThatThrownBy(
            () -> {
              try (LineReader r = LineReader.over(new ByteArrayInputStream(cut), 100, readAhead)) {
                while (r.next()) {
                  lines.add(new String(r.buffer(), r.lineOffset(), r.lineLength(), StandardCharsets.UTF_8));
                }
              }
            })
        .isInstanceOf(IOException.class);
    assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).matches("line \\d+"));
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i)).isEqualTo("line " + i);
    }
    // every complete line that reached the reader before the cut: the same with or without read-ahead
    assertThat(lines.size()).isGreaterThan(3_000);
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void next_randomLinesInRandomChunks_matchesSplit(long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    int max = r.nextInt(1, 200_000);
    List<String> expected = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = r.nextInt(200); i > 0; i--) {
      int len = r.nextInt(8) == 0 ? r.nextInt(max + 2, max + 300_000) : r.nextInt(Math.min(max, 3000) + 1);
      String line = "y".repeat(len);
      boolean cr = r.nextBoolean();
      text.append(line).append(cr ? "\r\n" : "\n");
      expected.add(len > max ? null : line);
    }
    byte[] data = text.toString().getBytes(StandardCharsets.US_ASCII);
    InputStream trickle =
        new ByteArrayInputStream(data) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1 + r.nextInt(70_000)));
          }
        };

    assertThat(readAll(trickle, max)).as("seed %d, max %d", seed, max).isEqualTo(expected);
  }
}
