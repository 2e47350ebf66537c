package io.distillguard.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.distillguard.event.Reject;
import io.distillguard.event.RejectSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code rejects.jsonl}: one line per rejected input line ({@code file}, {@code line}, {@code reason}), created on
 * the first reject so that a clean run leaves no file. Reasons never carry the rejected content.
 */
public final class RejectsFile implements RejectSink, AutoCloseable {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final Path file;
  private JsonGenerator gen;
  private long count;

  public RejectsFile(Path file) {
    this.file = file;
  }

  @Override
  public void reject(Reject r) {
    try {
      if (gen == null) {
        gen = FACTORY.createGenerator(new BufferedOutputStream(Files.newOutputStream(file), 1 << 14));
      }
      gen.writeStartObject();
      gen.writeStringField("file", r.file());
      gen.writeNumberField("line", r.line());
      gen.writeStringField("reason", r.reason());
      gen.writeEndObject();
      gen.writeRaw('\n');
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Rejects written so far. */
  public long count() {
    return count;
  }

  @Override
  public void close() throws IOException {
    if (gen != null) {
      gen.close();
    }
  }
}
