package io.distillguard.service.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counters and gauges in the Prometheus text exposition format. Names and label values are fixed by the code (never
 * taken from requests), so nothing a client sends ends up in a metric. Thread-safe.
 */
public final class Metrics {

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, String> help = new ConcurrentHashMap<>();
  private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

  /** Adds {@code n} to counter {@code name} with an optional label set rendered as {@code {k="v",...}}. */
  public void inc(String name, String labels, long n) {
    counters.computeIfAbsent(labels == null ? name : name + "{" + labels + "}", k -> new LongAdder()).add(n);
  }

  public void describe(String name, String text) {
    help.put(name, text);
  }

  public void gauge(String name, LongSupplier value) {
    gauges.put(name, value);
  }

  /** The current values, one family per name, sorted. */
  public String render() {
    Map<String, StringBuilder> byName = new TreeMap<>();
    counters.forEach((k, v) -> {
      String name = k.contains("{") ? k.substring(0, k.indexOf('{')) : k;
      byName.computeIfAbsent(name, n -> header(n, "counter")).append(k).append(' ').append(v.sum()).append('\n');
    });
    gauges.forEach((k, v) -> byName.computeIfAbsent(k, n -> header(n, "gauge")).append(k).append(' ')
        .append(v.getAsLong()).append('\n'));
    StringBuilder out = new StringBuilder();
    byName.values().forEach(out::append);
    return out.toString();
  }

  private StringBuilder header(String name, String type) {
    StringBuilder sb = new StringBuilder();
    String h = help.get(name);
    if (h != null) {
      sb.append("# HELP ").append(name).append(' ').append(h).append('\n');
    }
    sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return sb;
  }
}
