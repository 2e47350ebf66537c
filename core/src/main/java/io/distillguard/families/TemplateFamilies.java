package io.distillguard.families;

import io.distillguard.features.LshBands;
import io.distillguard.features.MinHasher;
import io.distillguard.features.RequestFeatures;
import java.util.Arrays;

/**
 * Assigns each request to a template family, or to none when its text is free-form. A shingle counts as template
 * text once {@value #TEMPLATE_COUNT} or more recent requests contained it ({@link ShingleFrequency}); slot values
 * (the question, the code, the document) rarely recur, so what remains of a request after dropping its rare shingles
 * is the fixed text of the template it was filled from. Requests with at least {@value #MIN_TEMPLATE_SHINGLES}
 * template shingles get a MinHash over those, and an LSH index ({@link FamilyIndex}) groups similar ones.
 *
 * <p>Not thread-safe; deterministic for a given event order. Memory: {@code 2^23} bytes of counters plus the index,
 * bounded by {@code maxFamilies}.
 */
public final class TemplateFamilies {

  static final int TEMPLATE_COUNT = 5;
  static final int MIN_TEMPLATE_SHINGLES = 8;
  static final int COUNTER_BITS = 23;
  static final long DECAY_EVERY = 1L << 23;
  static final int DEFAULT_MAX_FAMILIES = 200_000;
  private static final long SEED = 0x7E3A_17F0_55L;

  private final ShingleFrequency frequency;
  private final FamilyIndex index;
  private final MinHasher minHasher = new MinHasher(64, SEED);
  private final LshBands bands = new LshBands(32, 2);

  public TemplateFamilies() {
    this(DEFAULT_MAX_FAMILIES);
  }

  public TemplateFamilies(int maxFamilies) {
    this.frequency = new ShingleFrequency(COUNTER_BITS, DECAY_EVERY);
    this.index = new FamilyIndex(maxFamilies);
  }

  /** The request's family id ({@code tf-<n>}), or {@code null} when it has too little template text. */
  public String assign(RequestFeatures f) {
    long[] shingles = f.shingles();
    long[] template = new long[shingles.length];
    int n = 0;
    for (long s : shingles) {
      if (frequency.increment(s) >= TEMPLATE_COUNT) {
        template[n++] = s;
      }
    }
    if (n < MIN_TEMPLATE_SHINGLES) {
      return null;
    }
    int[] sig = minHasher.hash(n == template.length ? template : Arrays.copyOf(template, n));
    return "tf-" + index.assign(bands.keys(sig));
  }

  /**
   * The current id of a family: families merge when requests show them to be wordings of one template, so ids
   * handed out earlier may since point into another family.
   */
  public String canonical(String familyId) {
    if (familyId == null || !familyId.startsWith("tf-")) {
      return familyId;
    }
    return "tf-" + index.find(Integer.parseInt(familyId.substring(3)));
  }

  /** Families currently indexed. */
  public int families() {
    return index.size();
  }
}
