package io.distillguard.bench;

import io.distillguard.event.AccountInfo;
import io.distillguard.event.ClientInfo;
import io.distillguard.event.Event;
import io.distillguard.event.EventWriter;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Response;
import io.distillguard.event.Tier;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The reader benchmarks' input: an event-v1 file of realistic request shapes (a system prompt, one to three messages
 * of 200 to 2000 characters with quotes, newlines and some non-ASCII text, tools on a third of requests, every block
 * filled), seeded so every run reads the same bytes. Times rise by about 86 ms per event with up to two seconds of
 * jitter, so the file is slightly out of order, as real logs are.
 *
 * <p>The file named by {@code -Ddg.bench.events=FILE} is used as is; otherwise the default file is generated once
 * (1,000,000 events, about 2.5 GB) into {@code ${java.io.tmpdir}/distillguard-bench/} and reused. Run
 * {@code java -cp bench/target/benchmarks.jar io.distillguard.bench.BenchData OUT [EVENTS] [SEED]} to write one.
 */
public final class BenchData {

  public static final int EVENTS = 1_000_000;
  public static final long SEED = 42;
  static final String PROPERTY = "dg.bench.events";

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final int ACCOUNTS = 20_000;
  private static final String[] MODELS = {"frontier-large", "frontier-medium", "fast-small", "coder-large"};
  private static final String[] FINISH = {"end_turn", "end_turn", "end_turn", "max_tokens", "tool_use", "refusal"};
  private static final String[] EXTRA = {
    "caf\u00e9", "na\u00efve", "\u4e2d\u6587", "\u65e5\u672c\u8a9e", "r\u00e9sum\u00e9", "\u00fcber", "\u20ac10",
  };

  private final SplittableRandom random;
  private final String[] words;

  private BenchData(long seed) {
    this.random = new SplittableRandom(seed);
    SplittableRandom w = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.words = new String[4096];
    for (int i = 0; i < words.length; i++) {
      StringBuilder sb = new StringBuilder();
      int len = 2 + w.nextInt(9);
      for (int j = 0; j < len; j++) {
        sb.append((char) ('a' + w.nextInt(26)));
      }
      words[i] = sb.toString();
    }
  }

  /** The benchmark input: {@code -Ddg.bench.events}, else the cached default file, generated if missing. */
  public static Path eventsFile() throws IOException {
    String given = System.getProperty(PROPERTY);
    if (given != null && !given.isBlank()) {
      Path p = Path.of(given);
      if (!Files.isRegularFile(p)) {
        throw new IOException(PROPERTY + " names no file: " + p);
      }
      return p;
    }
    Path p =
        Path.of(System.getProperty("java.io.tmpdir"), "distillguard-bench", "events-v1-" + EVENTS + "-s" + SEED + ".jsonl");
    if (!Files.isRegularFile(p)) {
      System.err.println("generating " + p + " (" + EVENTS + " events, once) ...");
      generate(p, EVENTS, SEED);
    }
    return p;
  }

  /** Writes {@code events} seeded events to {@code file} (through a temporary file, so a cut run leaves nothing). */
  public static void generate(Path file, int events, long seed) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "events", ".part");
    try {
      BenchData data = new BenchData(seed);
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20);
          EventWriter w = new EventWriter(out)) {
        for (int i = 0; i < events; i++) {
          w.write(data.event(i));
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: BenchData OUT [EVENTS] [SEED]");
      System.exit(2);
    }
    int events = args.length > 1 ? Integer.parseInt(args[1]) : EVENTS;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : SEED;
    generate(Path.of(args[0]), events, seed);
  }

  private Event event(int i) {
    SplittableRandom r = random;
    Instant ts = T0.plusMillis(i * 86L - r.nextInt(2000));
    int account = r.nextInt(ACCOUNTS);
    SplittableRandom a = new SplittableRandom(account * 0x9E3779B97F4A7C15L);
    Tier[] tiers = Tier.values();
    AccountInfo accountInfo =
        new AccountInfo(
            T0.minusSeconds(a.nextInt(86_400 * 365)),
            tiers[a.nextInt(tiers.length)],
            a.nextBoolean(),
            "pf-" + Long.toHexString(a.nextLong()),
            "mail" + a.nextInt(500) + ".example",
            new String[] {"US", "SG", "DE", "BR", "IN", "GB"}[a.nextInt(6)]);
    ClientInfo client =
        new ClientInfo(
            "203.0." + r.nextInt(256) + "." + r.nextInt(256),
            64_500L + r.nextInt(500),
            "Example Hosting " + r.nextInt(40),
            "anthropic-sdk-python/0." + r.nextInt(50) + ".0",
            "t13d1516h2_8daaf6152771_" + Long.toHexString(a.nextLong()).substring(0, 12),
            r.nextInt(10) == 0 ? "router:openrouter" : "direct");
    List<Message> messages = new ArrayList<>(3);
    int turns = 1 + r.nextInt(3);
    for (int t = 0; t < turns; t++) {
      messages.add(Message.text(t % 2 == 0 ? "user" : "assistant", text(200 + r.nextInt(1801))));
    }
    List<Request.Tool> tools = new ArrayList<>();
    if (r.nextInt(3) == 0) {
      for (int t = 1 + r.nextInt(4); t > 0; t--) {
        tools.add(new Request.Tool(words[r.nextInt(words.length)] + "_" + words[r.nextInt(words.length)], text(80)));
      }
    }
    Request request =
        new Request(
            MODELS[r.nextInt(MODELS.length)],
            "chat",
            text(100 + r.nextInt(600)),
            messages,
            tools,
            1024 * (1 + r.nextInt(32)),
            r.nextInt(4) / 4.0 + 0.25,
            r.nextBoolean() ? 0.95 : 1.0,
            1,
            r.nextBoolean(),
            new Request.Reasoning(r.nextBoolean(), 1024 * r.nextInt(32)),
            r.nextInt(20) == 0);
    int in = 100 + r.nextInt(4000);
    Response response =
        new Response(
            r.nextInt(50) == 0 ? 429 : 200,
            FINISH[r.nextInt(FINISH.length)],
            in,
            50 + r.nextInt(4000),
            r.nextInt(8000),
            r.nextInt(in),
            tools.isEmpty() ? 0 : r.nextInt(3),
            300 + r.nextInt(60_000),
            r.nextInt(5) == 0 ? text(100 + r.nextInt(400)) : null);
    return new Event(
        String.format("ev-%09d", i),
        ts,
        String.format("acct-%05d", account),
        "org-" + (account / 7),
        "key-" + a.nextInt(4),
        r.nextInt(3) == 0 ? "user-" + r.nextInt(100_000) : null,
        accountInfo,
        client,
        request,
        response);
  }

  /** About {@code chars} characters of word salad with punctuation, quotes, newlines and some non-ASCII words. */
  private String text(int chars) {
    SplittableRandom r = random;
    StringBuilder sb = new StringBuilder(chars + 16);
    while (sb.length() < chars) {
      int k = r.nextInt(100);
      if (k < 2) {
        sb.append("\n\n");
      } else if (k < 4) {
        sb.append("\"").append(words[r.nextInt(words.length)]).append("\" ");
      } else if (k < 5) {
        sb.append(EXTRA[r.nextInt(EXTRA.length)]).append(' ');
      } else if (k < 6) {
        sb.append(r.nextInt(100_000)).append(' ');
      } else {
        sb.append(words[r.nextInt(words.length)]).append(k < 12 ? ". " : " ");
      }
    }
    return sb.toString();
  }
}
