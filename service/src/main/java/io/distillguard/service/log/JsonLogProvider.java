package io.distillguard.service.log;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of distillguard: structured logs on standard error ({@link JsonLogger}). Format and level come
 * from the environment ({@code DISTILLGUARD_LOG_FORMAT}: {@code json}, the default, or {@code text};
 * {@code DISTILLGUARD_LOG_LEVEL}: {@code info} by default) or the system properties {@code distillguard.log.format}
 * and {@code distillguard.log.level}, read when the first logger is made. Noisy libraries (Jetty, gRPC's Netty)
 * log at {@code warn} and above unless the level is {@code debug} or lower.
 */
public final class JsonLogProvider implements SLF4JServiceProvider {

  private final ConcurrentHashMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new BasicMDCAdapter();
  private volatile Level level;
  private volatile boolean json;

  @Override
  public ILoggerFactory getLoggerFactory() {
    return name -> loggers.computeIfAbsent(name, n -> {
      Level l = level;
      boolean library = n.startsWith("org.eclipse.jetty") || n.startsWith("io.grpc") || n.startsWith("io.netty");
      if (library && l.toInt() > Level.DEBUG.toInt() && l.toInt() < Level.WARN.toInt()) {
        l = Level.WARN;
      }
      return new JsonLogger(n, l, json, System.err);
    });
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    String f = setting("distillguard.log.format", "DISTILLGUARD_LOG_FORMAT", "json");
    json = !f.equalsIgnoreCase("text");
    String lv = setting("distillguard.log.level", "DISTILLGUARD_LOG_LEVEL", "info").toUpperCase(Locale.ROOT);
    Level parsed = Level.INFO;
    for (Level l : Level.values()) {
      if (l.name().equals(lv)) {
        parsed = l;
      }
    }
    level = parsed;
  }

  private static String setting(String property, String env, String dflt) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(env);
    }
    return v == null || v.isBlank() ? dflt : v.strip();
  }
}
