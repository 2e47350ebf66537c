package io.distillguard.features;

import io.distillguard.event.Event;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
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

  static final int MINHASH_BINS = 64;
  static final int LSH_BANDS = 16;
  static final int LSH_ROWS = 4;
  private static final long MINHASH_SEED = 0x5EED_D157_111L;
  private static final LongHashFunction XX = LongHashFunction.xx3();

  private final TextNormalizer normalizer = TextNormalizer.standard();
  private final MinHasher minHasher = new MinHasher(MINHASH_BINS, MINHASH_SEED);
  private final LshBands bands = new LshBands(LSH_BANDS, LSH_ROWS);
  private final CotDetector cot = new CotDetector();
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
    String system = q.system() == null ? "" : normalizer.normalize(bounded(q.system()));
    long phrases = Lexicon.MATCHER.match(prompt) | (system.isEmpty() ? 0 : Lexicon.MATCHER.match(system));
    long[] tokens = Tokens.of(prompt);
    long[] shingles = Shingles.of(tokens);
    int[] sig = minHasher.hash(shingles);
    Capability capability = classifier.classify(q, phrases, TextShape.append(tokens, raw));
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
        shingles,
        sig,
        bands.keys(sig),
        SimHash.of(shingles),
        system.isEmpty() ? 0L : XX.hashChars(system),
        capability,
        cot.score(phrases, q),
        raw.length(),
        images,
        q.tools().size());
  }

  /** The first user turn, and the last user turn when it is another one. */
  static String promptText(Request q) {
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
