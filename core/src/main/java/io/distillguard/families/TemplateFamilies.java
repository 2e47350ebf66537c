package io.distillguard.families;

import io.distillguard.features.LshBands;
import io.distillguard.features.MinHasher;
import io.distillguard.features.RequestFeatures;
import java.util.Arrays;
import java.util.List;

/**
 * Assigns each request to a template family, or to none when its text is free-form. A shingle recurs once
 * {@value #TEMPLATE_COUNT} or more recent requests contained it ({@link ShingleFrequency}); slot values (the
 * question, the code, the document) rarely recur, and common phrases recur only in short runs, so what remains of a
 * request after keeping only long runs of recurring shingles is the fixed text of the template it was filled from. Requests with at least {@value #MIN_TEMPLATE_SHINGLES}
 * template shingles get a MinHash over those, and an LSH index ({@link FamilyIndex}) groups similar ones. Every
 * {@link #ROTATION_EVERY} of event time, families that the same unrelated owners take turns with are named as one
 * rotation ({@link FamilyIndex#mergeRotations}); one organisation's own set of templates never is.
 *
 * <p>Not thread-safe; deterministic for a given event order. Memory: {@code 2^23} bytes of counters plus the index,
 * bounded by {@code maxFamilies}.
 */
public final class TemplateFamilies {

  static final int TEMPLATE_COUNT = 32;
  static final int MIN_TEMPLATE_SHINGLES = 8;
  /**
   * Recurring shingles count as template text only in runs of at least this many (about eight words in a row):
   * common phrases recur too, but in short runs, while a template's fixed text is whole recurring sentences.
   */
  static final int MIN_RUN = 6;
  static final int COUNTER_BITS = 23;
  static final long DECAY_EVERY = 1L << 23;
  static final int DEFAULT_MAX_FAMILIES = 200_000;
  private static final long SEED = 0x7E3A_17F0_55L;
  /**
   * Event time between two searches for families that the same owners rotate between ({@link
   * FamilyIndex#mergeRotations}); a search runs before the first request past each multiple of it.
   */
  static final long ROTATION_EVERY = 30 * 60_000L;

  /**
   * Most shingles kept in all for early requests tried again ({@link PendingTemplates}): about 16 MB. The default
   * scenario keeps 20,000-28,000 requests (1.3-1.8 million shingles) for the whole {@link #PENDING_FOR}; at higher
   * volume the oldest go first (and a template's text is learnt sooner there).
   */
  static final long PENDING_SHINGLES = 1L << 21;
  /** How long an early request is tried again: a template rotated over many wrappers is learnt in some hours. */
  static final long PENDING_FOR = 24 * 3_600_000L;
  /** Count from which a shingle recurs (seen before): an early request's template text is such runs. */
  static final int RECUR_COUNT = 2;

  private long nextRotationSearch = Long.MIN_VALUE;
  private PendingTemplates pending = new PendingTemplates(PENDING_SHINGLES, PENDING_FOR);
  private List<LateAssignment> late = new java.util.ArrayList<>();

  private ShingleFrequency frequency;
  private FamilyIndex index;
  private final MinHasher minHasher = new MinHasher(64, SEED);
  private final LshBands bands = new LshBands(32, 2);
  /** Current names of families, over the index's own merge forest. */
  private FamilyNames names;
  /** Whether a shingle is template text now (reads the current counters). */
  private final java.util.function.LongPredicate isTemplate = s -> frequency.count(s) >= TEMPLATE_COUNT;
  private long[] retryScratch = new long[256];

  public TemplateFamilies() {
    this(DEFAULT_MAX_FAMILIES);
  }

  public TemplateFamilies(int maxFamilies) {
    this.frequency = new ShingleFrequency(COUNTER_BITS, DECAY_EVERY);
    this.index = new FamilyIndex(maxFamilies);
    this.names = new FamilyNames(index.names());
  }

  /** The request's family id ({@code tf-<n>}), or {@code null} when it has too little template text. */
  public String assign(RequestFeatures f) {
    long ts = f.event().ts().toEpochMilli();
    if (ts >= nextRotationSearch) {
      if (nextRotationSearch != Long.MIN_VALUE) {
        retryPending(ts);
        index.mergeRotations();
      }
      nextRotationSearch = Math.floorDiv(ts, ROTATION_EVERY) * ROTATION_EVERY + ROTATION_EVERY;
    }
    long[] shingles = f.shingles();
    long[] template = new long[shingles.length];
    int n = 0;
    int run = 0;
    // runs of shingles seen before (not yet often enough to be template text): where an early request's template is
    int recurRun = 0;
    int recurring = 0;
    int spanFrom = -1;
    int spanTo = 0;
    for (int i = 0; i < shingles.length; i++) {
      int c = frequency.increment(shingles[i]);
      if (c >= RECUR_COUNT) {
        recurRun++;
      } else {
        if (recurRun >= MIN_RUN) {
          recurring += recurRun;
          spanFrom = spanFrom < 0 ? i - recurRun : spanFrom;
          spanTo = i;
        }
        recurRun = 0;
      }
      if (c >= TEMPLATE_COUNT) {
        run++;
        continue;
      }
      n = keepRun(shingles, i, run, template, n);
      run = 0;
    }
    n = keepRun(shingles, shingles.length, run, template, n);
    if (recurRun >= MIN_RUN) {
      recurring += recurRun;
      spanFrom = spanFrom < 0 ? shingles.length - recurRun : spanFrom;
      spanTo = shingles.length;
    }
    if (n < MIN_TEMPLATE_SHINGLES) {
      if (recurring >= MIN_TEMPLATE_SHINGLES) {
        pending.add(new PendingTemplates.Entry(f.event().accountId(), f.ownerKey(), f.taskKey(), ts,
            Arrays.copyOfRange(shingles, spanFrom, spanTo)));
      }
      return null;
    }
    int[] sig = minHasher.hash(n == template.length ? template : Arrays.copyOf(template, n));
    return "tf-" + index.assign(sig, bands.keys(sig), n, f.ownerKey());
  }

  /**
   * Tries the early requests again ({@link PendingTemplates}) with what is known now: each whose template text is
   * known by now is assigned its family as a request arriving now would be (it may join, bridge or found one), and
   * reported by {@link #drainLate}; the shingle counts are not counted again.
   */
  private void retryPending(long now) {
    pending.expire(now);
    for (java.util.Iterator<PendingTemplates.Entry> it = pending.iterator(); it.hasNext(); ) {
      PendingTemplates.Entry e = it.next();
      long[] shingles = e.shingles();
      if (retryScratch.length < shingles.length) {
        retryScratch = new long[Math.max(shingles.length, 2 * retryScratch.length)];
      }
      int n = keptRuns(shingles, isTemplate, retryScratch);
      if (n < MIN_TEMPLATE_SHINGLES) {
        continue;
      }
      it.remove();
      int[] sig = minHasher.hash(Arrays.copyOf(retryScratch, n));
      late.add(new LateAssignment(e.account(), "tf-" + index.assign(sig, bands.keys(sig), n, e.ownerHash()),
          e.taskKey()));
    }
  }

  /** The early requests assigned a family since the last call, in the order they were assigned. */
  public List<LateAssignment> drainLate() {
    if (late.isEmpty()) {
      return List.of();
    }
    List<LateAssignment> out = late;
    late = new java.util.ArrayList<>();
    return out;
  }

  /**
   * Copies into {@code out}, in order, the runs of {@value #MIN_RUN} or more consecutive shingles that {@code template}
   * accepts, and returns how many it copied. Every such run covers a position {@code MIN_RUN - 1} modulo
   * {@code MIN_RUN}, so only those positions and the runs found there are looked at: about a sixth of the lookups
   * of a full pass for the text that holds no template, which is most of what is tried again.
   */
  static int keptRuns(long[] shingles, java.util.function.LongPredicate template, long[] out) {
    int n = 0;
    for (int i = MIN_RUN - 1; i < shingles.length; i += MIN_RUN) {
      if (!template.test(shingles[i])) {
        continue;
      }
      int from = i;
      while (from > 0 && template.test(shingles[from - 1])) {
        from--;
      }
      int to = i + 1;
      while (to < shingles.length && template.test(shingles[to])) {
        to++;
      }
      n = keepRun(shingles, to, to - from, out, n);
      // on to the first position to look at past the run (the one after it is not template text)
      i = to - (to - (MIN_RUN - 1)) % MIN_RUN;
    }
    return n;
  }

  /** Keeps the run of recurring shingles ending before {@code end} if it is long enough to be template text. */
  private static int keepRun(long[] shingles, int end, int run, long[] template, int n) {
    if (run >= MIN_RUN) {
      System.arraycopy(shingles, end - run, template, n, run);
      n += run;
    }
    return n;
  }

  /**
   * {@link #assign} with what it changed: the merges and forgotten families since the last drain (drained here).
   */
  public FamilyAssignment assignWithChanges(RequestFeatures f) {
    String family = assign(f);
    List<String[]> merges = drainMerges();
    List<String> forgotten = drainForgotten();
    List<LateAssignment> lateOnes = drainLate();
    if (family == null && merges.isEmpty() && forgotten.isEmpty() && lateOnes.isEmpty()) {
      return FamilyAssignment.NONE;
    }
    return new FamilyAssignment(family, merges, forgotten, lateOnes);
  }

  /** Each family id's parent in the merge forest (0 for a current id), for {@link FamilyNames#of}. */
  int[] parents() {
    return index.parents();
  }

  /**
   * The current id of a family: families merge when requests show them to be wordings of one template, so ids
   * handed out earlier may since point into another family.
   */
  public String canonical(String familyId) {
    return names.canonical(familyId);
  }

  /**
   * The merges since the last call, as (absorbed id, surviving id) pairs in the order they happened, so that the
   * caller can merge its per-family state at once.
   */
  public List<String[]> drainMerges() {
    List<int[]> raw = index.drainMerges();
    if (raw.isEmpty()) {
      return List.of();
    }
    List<String[]> out = new java.util.ArrayList<>(raw.size());
    for (int[] m : raw) {
      out.add(new String[] {"tf-" + m[0], names.canonical("tf-" + m[1])});
    }
    return out;
  }

  /**
   * The ids of single-request families the index forgot since the last call (it keeps at most {@code maxFamilies},
   * forgetting single-request ones first): they never receive requests again, and their state can go.
   */
  public List<String> drainForgotten() {
    List<Integer> raw = index.drainForgotten();
    if (raw.isEmpty()) {
      return List.of();
    }
    List<String> out = new java.util.ArrayList<>(raw.size());
    for (int id : raw) {
      out.add("tf-" + id);
    }
    return out;
  }

  /** Families currently indexed. */
  public int families() {
    return index.size();
  }

  /** Writes the family stage's state (counters and index); the id cache is rebuilt on demand. */
  public void write(java.io.DataOutput out) throws java.io.IOException {
    frequency.write(out);
    index.write(out);
    out.writeLong(nextRotationSearch);
    pending.write(out);
  }

  /** Reads what {@link #write} wrote: a stage that assigns exactly as the written one would have. */
  public static TemplateFamilies read(java.io.DataInput in) throws java.io.IOException {
    TemplateFamilies t = new TemplateFamilies(16);
    t.frequency = ShingleFrequency.read(in);
    t.index = FamilyIndex.read(in);
    t.nextRotationSearch = in.readLong();
    t.pending.read(in);
    t.names = new FamilyNames(t.index.names());
    return t;
  }
}
