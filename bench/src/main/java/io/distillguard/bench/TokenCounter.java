package io.distillguard.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The baseline of the reader benchmarks: the least work that still reads every line as JSON. It splits the file on
 * newlines through one buffer (gzip sniffed by magic bytes, as the real reader does) and runs a Jackson streaming
 * parser over each line, counting tokens and building nothing.
 */
final class TokenCounter {

  /** What one pass saw. */
  record Count(long lines, long tokens, long bytes) {}

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private TokenCounter() {}

  static Count count(Path file) throws IOException {
    return count(file, Long.MAX_VALUE);
  }

  /** Reads at most about {@code maxLines} lines (whole buffers are read, so a few more may be counted). */
  static Count count(Path file, long maxLines) throws IOException {
    long lines = 0;
    long tokens = 0;
    long bytes = 0;
    byte[] buf = new byte[1 << 20];
    int limit = 0;
    try (InputStream in = open(file)) {
      while (lines < maxLines) {
        int r = in.read(buf, limit, buf.length - limit);
        if (r < 0) {
          break;
        }
        limit += r;
        bytes += r;
        int start = 0;
        for (int i = 0; i < limit; i++) {
          if (buf[i] == '\n') {
            if (i > start) {
              tokens += tokens(buf, start, i - start);
              lines++;
            }
            start = i + 1;
          }
        }
        System.arraycopy(buf, start, buf, 0, limit - start);
        limit -= start;
        if (limit == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
      }
      if (limit > 0 && lines < maxLines) {
        tokens += tokens(buf, 0, limit);
        lines++;
      }
    }
    return new Count(lines, tokens, bytes);
  }

  private static long tokens(byte[] buf, int off, int len) throws IOException {
    long n = 0;
    try (JsonParser p = FACTORY.createParser(buf, off, len)) {
      while (p.nextToken() != null) {
        n++;
      }
    }
    return n;
  }

  /** The file, decompressed when it starts with the gzip magic bytes. */
  static InputStream open(Path file) throws IOException {
    PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 2);
    byte[] magic = in.readNBytes(2);
    in.unread(magic);
    if (magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }
}
