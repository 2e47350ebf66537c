package io.distillguard.features;

import io.distillguard.event.Event;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
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

  private record SystemPrompt(long hash, long phrases, long[] shingles) {}
  private final CapabilityClassifier classifier;

  public FeatureExtractor(CapabilityModel model) {
    this.classifier = new CapabilityClassifier(model);
  }

  /** An extractor with the capability model bundled in the jar. */
  public static FeatureExtractor withBundledModel() {
    return new FeatureExtractor(CapabilityModel.bundled());
  }

  public RequestFeatures extract(Event e) {
    Request q = e.request();
    String raw = bounded(promptText(q));
    String prompt = normalizer.normalize(raw);
    SystemPrompt system = system(q.system());
    long phrases = Lexicon.MATCHER.match(prompt) | system.phrases();
    long[] tokens = Tokens.of(prompt);
    long[] shingles = Shingles.inOrder(tokens);
    Capability capability = classifier.classify(q, phrases, TextShape.append(tokens, raw, prompt));
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
        q.tools().size());
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
    String norm = normalizer.normalize(bounded(raw));
    SystemPrompt s = norm.isEmpty()
        ? NO_SYSTEM
        : new SystemPrompt(XX.hashChars(norm), Lexicon.MATCHER.match(norm), Shingles.inOrder(Tokens.of(norm)));
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
