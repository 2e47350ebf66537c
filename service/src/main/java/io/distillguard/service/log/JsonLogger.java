package io.distillguard.service.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Instant;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A logger writing one line per event to standard error: a JSON object ({@code ts}, {@code level}, {@code logger},
 * {@code thread}, {@code msg}, and {@code error} with the exception class and message) or, in text format, the same
 * fields on one line. Messages are cut to {@value #MAX_MESSAGE_CHARS} characters and stack traces are left out, so a
 * log line never grows with input; the code logs ids and counts, never prompt text.
 */
final class JsonLogger extends AbstractLogger {

  static final int MAX_MESSAGE_CHARS = 2000;
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private final int threshold;
  private final boolean json;
  private final PrintStream out;

  JsonLogger(String name, Level threshold, boolean json, PrintStream out) {
    this.name = name;
    this.threshold = threshold.toInt();
    this.json = json;
    this.out = out;
  }

  private boolean on(Level l) {
    return l.toInt() >= threshold;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
      Throwable t) {
    String msg = MessageFormatter.basicArrayFormat(pattern, args);
    if (msg != null && msg.length() > MAX_MESSAGE_CHARS) {
      msg = msg.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
    String error = t == null ? null : t.getClass().getName() + (t.getMessage() == null ? "" : ": " + clip(t.getMessage()));
    String line;
    if (json) {
      StringWriter w = new StringWriter(128);
      try (JsonGenerator g = JSON.createGenerator(w)) {
        g.writeStartObject();
        g.writeStringField("ts", Instant.now().toString());
        g.writeStringField("level", level.toString());
        g.writeStringField("logger", name);
        g.writeStringField("thread", Thread.currentThread().getName());
        g.writeStringField("msg", msg);
        if (error != null) {
          g.writeStringField("error", error);
        }
        g.writeEndObject();
      } catch (IOException e) {
        return;
      }
      line = w.toString();
    } else {
      line = Instant.now() + " " + level + " [" + Thread.currentThread().getName() + "] " + name + " - " + msg
          + (error == null ? "" : " (" + error + ")");
    }
    out.println(line);
  }

  private static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  @Override
  public boolean isTraceEnabled() {
    return on(Level.TRACE);
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return on(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return on(Level.DEBUG);
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return on(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return on(Level.INFO);
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return on(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return on(Level.WARN);
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return on(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return on(Level.ERROR);
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return on(Level.ERROR);
  }
}
