package io.distillguard.features;

import io.distillguard.event.Event;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import net.openhft.hashing.LongHashFunction;

/**
 * Extracts {@link RequestFeatures} from an event: the hot path, stateless and thread-safe. The prompt analysed is
 * the first user turn plus the last user turn when they differ (the task and the latest instruction; tool results
 * and assistant turns are left out), bounded to {@link #MAX_PROMPT_CHARS} characters; the system prompt is analysed
 * for phrases and hashed on its own, so that a shared system prompt is a signal of its own.
 */
public final class FeatureExtractor {

  /** Characters of prompt text analysed per request: the head and the tail are kept when longer. */
  public static final int MAX_PROMPT_CHARS = 8192;

  private static final LongHashFunction XX = LongHashFunction.xx3();
  private static final int SYSTEM_CACHE = 4096;

  private final TextNormalizer normalizer = TextNormalizer.standard();
  private final CotDetector cot = new CotDetector();
  /** System prompts repeat across requests: their analysis is cached by raw text (bounded; cleared when full). */
  private final ConcurrentHashMap<String, SystemPrompt> systemCache = new ConcurrentHashMap<>();

  /**
   * Per thread, a text and its normalized form: the system prompt's, then the prompt's (each used up before the
   * next).
   */
  private static final ThreadLocal<TextNormalizer.Buffer[]> SCRATCH = ThreadLocal.withInitial(
      () -> new TextNormalizer.Buffer[] {new TextNormalizer.Buffer(), new TextNormalizer.Buffer()});

  private record SystemPrompt(long hash, long phrases, long[] shingles) {}
  private final CapabilityClassifier classifier;
  private final HostingNetworks hosting;

  /** An extractor classifying capabilities with {@code model} and hosting networks by {@code hosting}. */
  public FeatureExtractor(CapabilityModel model, HostingNetworks hosting) {
    this.classifier = new CapabilityClassifier(model);
    this.hosting = Objects.requireNonNull(hosting, "hosting");
  }

  /** An extractor with the bundled hosting list. */
  public FeatureExtractor(CapabilityModel model) {
    this(model, HostingNetworks.bundled());
  }

  /** An extractor with the capability model and the hosting list bundled in the jar. */
  public static FeatureExtractor withBundledModel() {
    return new FeatureExtractor(CapabilityModel.bundled());
  }

  /** An extractor with the bundled capability model and the hosting list {@code hosting}. */
  public static FeatureExtractor withBundledModel(HostingNetworks hosting) {
    return new FeatureExtractor(CapabilityModel.bundled(), hosting);
  }

  /** The features of one event. Thread-safe; equal events give equal features. */
  public RequestFeatures extract(Event e) {
    Request q = e.request();
    SystemPrompt system = system(q.system());
    String raw = bounded(promptText(q));
    TextNormalizer.Buffer[] scratch = SCRATCH.get();
    TextNormalizer.Buffer text = scratch[0];
    TextNormalizer.Buffer prompt = scratch[1];
    text.set(raw);
    normalizer.normalize(text, prompt);
    // one pass finds the lexicon's phrases and the shape's, which look at the first MAX_CHARS chars only
    long found = TextShape.MATCHER.match(prompt.chars, 0, prompt.length);
    long headFound = prompt.length <= TextShape.MAX_CHARS
        ? found
        : TextShape.MATCHER.match(prompt.chars, 0, TextShape.MAX_CHARS);
    long phrases = (found & Lexicon.ALL) | system.phrases();
    long[] tokens = Tokens.of(prompt.chars, prompt.length);
    long[] shingles = Shingles.inOrder(tokens);
    Capability capability = classifier.byRules(q, phrases);
    if (capability == null) {
      capability = classifier.byModel(TextShape.append(tokens, text.chars, text.length, headFound));
    }
    text.release();
    prompt.release();
    boolean images = false;
    for (Message m : q.messages()) {
      for (Message.Part p : m.parts()) {
        if ("image".equals(p.type())) {
          images = true;
        }
      }
    }
    return new RequestFeatures(
        e,
        Shingles.concat(system.shingles(), shingles),
        system.hash(),
        capability,
        cot.score(phrases, q),
        raw.length(),
        images,
        q.tools().size(),
        hosting.directFromHosting(e.clientOrEmpty().asn(), e.clientOrEmpty().accessPath()));
  }

  private static final SystemPrompt NO_SYSTEM = new SystemPrompt(0L, 0L, new long[0]);

  private SystemPrompt system(String raw) {
    if (raw == null || raw.isEmpty()) {
      return NO_SYSTEM;
    }
    SystemPrompt cached = systemCache.get(raw);
    if (cached != null) {
      return cached;
    }
    TextNormalizer.Buffer[] scratch = SCRATCH.get();
    TextNormalizer.Buffer norm = scratch[1];
    scratch[0].set(bounded(raw));
    normalizer.normalize(scratch[0], norm);
    SystemPrompt s = norm.length == 0
        ? NO_SYSTEM
        : new SystemPrompt(
            XX.hashChars(norm.chars, 0, norm.length),
            TextShape.MATCHER.match(norm.chars, 0, norm.length) & Lexicon.ALL,
            Shingles.inOrder(Tokens.of(norm.chars, norm.length)));
    scratch[0].release();
    norm.release();
    if (raw.length() <= MAX_PROMPT_CHARS) {
      if (systemCache.size() >= SYSTEM_CACHE) {
        systemCache.clear();
      }
      systemCache.put(raw, s);
    }
    return s;
  }

  /** The first user turn, and the last user turn when it is another one: the prompt text that is analysed. */
  public static String promptText(Request q) {
    Message first = null;
    Message last = null;
    for (Message m : q.messages()) {
      if ("user".equals(m.role())) {
        if (first == null) {
          first = m;
        }
        last = m;
      }
    }
    if (first == null) {
      return "";
    }
    return first == last ? first.text() : first.text() + "\n" + last.text();
  }

  static String bounded(String s) {
    if (s.length() <= MAX_PROMPT_CHARS) {
      return s;
    }
    int tail = MAX_PROMPT_CHARS / 4;
    return s.substring(0, MAX_PROMPT_CHARS - tail) + "\n" + s.substring(s.length() - tail);
  }
}
