package io.distillguard.scoring;

import java.util.Objects;

/**
 * One named contribution to a score. {@code detail} is for a person and cites the counts behind the weight; it never
 * contains raw prompt text. A reason made by {@link #formatted} keeps its counts and formats the text when it is
 * first read: assessments are remade every evaluation for the accounts with new traffic, and most are replaced
 * before anyone reads them. Immutable; equal when signal, weight and detail text are.
 */
public final class Reason {

  private final String signal;
  private final double weight;
  private final String format;
  private final Object[] args;
  private String detail;

  public Reason(String signal, double weight, String detail) {
    this.signal = Objects.requireNonNull(signal, "signal");
    this.weight = weight;
    this.detail = Objects.requireNonNull(detail, "detail");
    this.format = null;
    this.args = null;
  }

  private Reason(String signal, double weight, String format, Object[] args) {
    this.signal = Objects.requireNonNull(signal, "signal");
    this.weight = weight;
    this.format = Objects.requireNonNull(format, "format");
    this.args = args; // the varargs array of one call: nobody else holds it
  }

  /**
   * A reason whose detail is {@code String.format(format, args)}, made when first read. The arguments must be values
   * (numbers, strings), not objects that change later.
   */
  public static Reason formatted(String signal, double weight, String format, Object... args) {
    return new Reason(signal, weight, format, args);
  }

  public String signal() {
    return signal;
  }

  public double weight() {
    return weight;
  }

  public String detail() {
    String d = detail;
    if (d == null) {
      d = String.format(format, args); // a String is safely published: a racing reader formats it again at worst
      detail = d;
    }
    return d;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reason r && r.signal.equals(signal) && Double.compare(r.weight, weight) == 0
        && r.detail().equals(detail());
  }

  @Override
  public int hashCode() {
    return Objects.hash(signal, weight, detail());
  }

  @Override
  public String toString() {
    return "Reason[signal=" + signal + ", weight=" + weight + ", detail=" + detail() + "]";
  }
}
