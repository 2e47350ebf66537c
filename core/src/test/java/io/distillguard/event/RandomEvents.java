package io.distillguard.event;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** Seeded random events covering every field, null and absent values, and awkward strings; for tests. */
final class RandomEvents {

  static final Instant T0 = Instant.parse("2026-03-02T14:03:11.250Z");

  private static final String[] AWKWARD = {
    "", "plain", "quote \" and backslash \\", "tab\tnewline\nreturn\r", "\u0000\u001f control",
    "caf\u00e9 \u4e2d\u6587 \uD83D\uDE00 emoji", "\u2028\u2029 separators", "</script><b>html</b>", "{\"json\":1}",
  };

  private RandomEvents() {}

  /** A minimal valid line with the given id and time. */
  static String minimalLine(String id, Instant ts) {
    return "{\"event_id\":\"" + id + "\",\"ts\":\"" + EventWriter.formatTs(ts)
        + "\",\"account_id\":\"acct-1\",\"request\":{\"model\":\"m\"}}";
  }

  /** A random event with millisecond time (what the writer keeps). */
  static Event event(SplittableRandom r, String id, Instant ts) {
    return new Event(
        id,
        ts,
        r.nextInt(4) == 0 ? "a" + string(r, 255) : "acct-" + r.nextInt(1000),
        maybe(r, () -> "org-" + r.nextInt(50)),
        maybe(r, () -> string(r, 20)),
        maybe(r, () -> string(r, 20)),
        r.nextInt(5) == 0 ? null : account(r),
        r.nextInt(5) == 0 ? null : client(r),
        request(r),
        r.nextInt(5) == 0 ? null : response(r));
  }

  /** Writes events as one event-v1 JSON Lines document. */
  static byte[] write(List<Event> events) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (EventWriter w = new EventWriter(out)) {
      for (Event e : events) {
        w.write(e);
      }
    }
    return out.toByteArray();
  }

  static String line(Event e) {
    String s = new String(write(List.of(e)), StandardCharsets.UTF_8);
    return s.substring(0, s.length() - 1);
  }

  private static AccountInfo account(SplittableRandom r) {
    Tier[] tiers = Tier.values();
    return new AccountInfo(
        maybe(r, () -> T0.minusMillis(r.nextLong(1L << 40))),
        maybe(r, () -> tiers[r.nextInt(tiers.length)]),
        maybe(r, r::nextBoolean),
        maybe(r, () -> string(r, 16)),
        maybe(r, () -> "mail" + r.nextInt(9) + ".example"),
        maybe(r, () -> "SG"));
  }

  private static ClientInfo client(SplittableRandom r) {
    return new ClientInfo(
        maybe(r, () -> "203.0.113." + r.nextInt(256)),
        maybe(r, () -> r.nextInt(3) == 0 ? r.nextLong() : r.nextLong(1L << 32)),
        maybe(r, () -> string(r, 30)),
        maybe(r, () -> "sdk/" + r.nextInt(10)),
        maybe(r, () -> string(r, 36)),
        maybe(r, () -> "direct"));
  }

  private static Request request(SplittableRandom r) {
    List<Message> messages = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      messages.add(message(r));
    }
    List<Request.Tool> tools = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      tools.add(new Request.Tool(string(r, 12), maybe(r, () -> string(r, 40))));
    }
    return new Request(
        "model-" + r.nextInt(5),
        maybe(r, () -> "chat"),
        maybe(r, () -> string(r, 200)),
        messages,
        tools,
        maybe(r, () -> integer(r)),
        maybe(r, () -> r.nextInt(3) == 0 ? r.nextDouble() * 2 : (double) r.nextInt(3)),
        maybe(r, r::nextDouble),
        maybe(r, () -> integer(r)),
        maybe(r, r::nextBoolean),
        maybe(r, () -> new Request.Reasoning(maybe(r, r::nextBoolean), maybe(r, () -> integer(r)))),
        maybe(r, r::nextBoolean));
  }

  private static Response response(SplittableRandom r) {
    return new Response(
        maybe(r, () -> r.nextBoolean() ? 200 : 400 + r.nextInt(200)),
        maybe(r, () -> new String[] {"end_turn", "max_tokens", "tool_use", "refusal"}[r.nextInt(4)]),
        maybe(r, () -> integer(r)),
        maybe(r, () -> integer(r)),
        maybe(r, () -> integer(r)),
        maybe(r, () -> integer(r)),
        maybe(r, () -> integer(r)),
        maybe(r, () -> integer(r)),
        maybe(r, () -> string(r, 500)));
  }

  private static Message message(SplittableRandom r) {
    String role = new String[] {"user", "assistant", "tool", ""}[r.nextInt(4)];
    return switch (r.nextInt(4)) {
      case 0 -> Message.text(role, string(r, 300));
      case 1 -> new Message(role, List.of());
      default -> {
        List<Message.Part> parts = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          parts.add(
              switch (r.nextInt(4)) {
                case 0 -> Message.Part.text(maybe(r, () -> string(r, 100)));
                case 1 -> new Message.Part("tool_use", null, string(r, 10));
                case 2 -> new Message.Part("image", null, null);
                default -> new Message.Part(string(r, 8), maybe(r, () -> string(r, 20)), maybe(r, () -> "n"));
              });
        }
        yield new Message(role, parts);
      }
    };
  }

  private static Integer integer(SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> Integer.MIN_VALUE + r.nextInt(3);
      case 1 -> Integer.MAX_VALUE - r.nextInt(3);
      default -> r.nextInt(100_000) - 10;
    };
  }

  /** Up to {@code max} code points, mixing ASCII, escapes and non-BMP characters. */
  static String string(SplittableRandom r, int max) {
    if (r.nextInt(5) == 0) {
      return AWKWARD[r.nextInt(AWKWARD.length)];
    }
    int n = r.nextInt(max + 1);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(20);
      if (kind == 0) {
        sb.appendCodePoint(0x1F300 + r.nextInt(500));
      } else if (kind == 1) {
        sb.append((char) (0x00A0 + r.nextInt(0x2000)));
      } else if (kind == 2) {
        sb.append((char) r.nextInt(0x20));
      } else {
        sb.append((char) (0x20 + r.nextInt(0x5f)));
      }
    }
    return sb.toString();
  }

  private static <T> T maybe(SplittableRandom r, Supplier<T> s) {
    return r.nextInt(4) == 0 ? null : s.get();
  }
}
