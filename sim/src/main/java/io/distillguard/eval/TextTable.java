package io.distillguard.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-width table for {@link TableRenderer}: columns padded to their widest cell, left- or right-aligned as the
 * alignment string says ({@code 'l'} or {@code 'r'} per column). Cells are taken as given; the caller cleans them.
 */
final class TextTable {

  private final List<String> headers;
  private final String align;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String align, String... headers) {
    if (align.length() != headers.length || !align.matches("[lr]*")) {
      throw new IllegalArgumentException("need one of 'l' or 'r' per column: " + align);
    }
    this.align = align;
    this.headers = List.of(headers);
  }

  /** Adds a row; it must have one cell per column. */
  TextTable row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Appends the header and rows, each line starting with {@code indent}, two spaces between columns. */
  void appendTo(StringBuilder out, String indent) {
    int[] width = new int[headers.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = headers.get(c).length();
      for (List<String> r : rows) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    line(out, indent, headers, width);
    for (List<String> r : rows) {
      line(out, indent, r, width);
    }
  }

  private void line(StringBuilder out, String indent, List<String> cells, int[] width) {
    StringBuilder b = new StringBuilder(indent);
    for (int c = 0; c < width.length; c++) {
      if (c > 0) {
        b.append("  ");
      }
      String cell = cells.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      b.append(align.charAt(c) == 'r' ? pad + cell : cell + pad);
    }
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == ' ') {
      end--;
    }
    out.append(b, 0, end).append('\n');
  }
}
