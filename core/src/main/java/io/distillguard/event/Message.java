package io.distillguard.event;

import java.util.List;
import java.util.Objects;

/**
 * One conversation turn. String content is held as a single text part and written back as a string; array content
 * keeps its parts in order. {@code parts} is never {@code null}.
 */
public record Message(String role, List<Part> parts) {

  public Message {
    Objects.requireNonNull(role, "role");
    parts = parts == null ? List.of() : List.copyOf(parts);
  }

  /** A turn whose content is one string. */
  public static Message text(String role, String text) {
    return new Message(role, List.of(Part.text(text)));
  }

  /** The text parts joined with newlines; empty when there are none. */
  public String text() {
    if (parts.size() == 1) {
      String t = parts.get(0).text();
      return t == null ? "" : t;
    }
    StringBuilder sb = new StringBuilder();
    for (Part p : parts) {
      if (p.text() != null) {
        if (sb.length() > 0) {
          sb.append('\n');
        }
        sb.append(p.text());
      }
    }
    return sb.toString();
  }

  /** One content part: {@code text} (with text), {@code image}, {@code document}, {@code tool_use} (with name), ... */
  public record Part(String type, String text, String name) {
    public Part {
      Objects.requireNonNull(type, "part type");
    }

    public static Part text(String text) {
      return new Part("text", text, null);
    }

    public boolean isText() {
      return "text".equals(type);
    }
  }
}
