package io.distillguard.families;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups template signatures into families: an LSH table proposes candidate families, and a signature joins the most
 * similar candidate if it is close enough to one of that family's registered wordings (ties to the older family), or
 * founds a new one. Each family registers up to {@value #SIGNATURES_PER_FAMILY} distinct wordings, so paraphrased
 * members are found through any of them; requests close to two families merge them (union-find, the older id
 * survives), since they show them to be wordings of one template, once they come from {@value #MERGE_OWNERS} different
 * owners and number {@value #MERGE_SHARE} of the smaller family's requests: one request between two families may be a
 * one-off that shares a short phrase with each. Bounded: at most {@code maxFamilies}; past it, the least recently used
 * families are forgotten, singletons first.
 *
 * <p>Slot values recur too (a benchmark question that many customers and a campaign send), and then count as template
 * text beside the wrapper's. Three rules keep such a fill from tying templates together: a template that holds a
 * registered wording whole joins its family however much else it holds ({@link #CONTAIN_SIMILARITY}), and is not
 * registered, since a wording registered with its fill would draw in any request that shares only the fill; and a
 * template that holds two families' wordings side by side ({@link #sideBySide}) merges nothing. A merge keeps the
 * {@value #SIGNATURES_PER_FAMILY} wordings matched most recently; the bands of the others still lead to the family,
 * and a template they bring back ({@value #RECALL_BANDS} bands or more, no wording close) is registered again in place
 * of the stalest (before, such a template founded a new family each time: its bands were taken).
 *
 * <p>Families go by names outside (the ids {@link #assign} returns): a family's own id until a merge joins it to an
 * older one. Each name keeps the owners whose accounts used it ({@link OwnerSketch}, a bottom-k sketch; an owner is an organisation, else a payment instrument, else an account, so that one
 * organisation's own set of templates is one user), so that {@link #mergeRotations} can give one name to families
 * that the same unrelated owners take turns with: an operator who rotates unrelated wrappers request by request spreads its traffic thin over many
 * families, each too small a part of any account's traffic to count, and only their shared users show them to be
 * one campaign's wording. A rotation's families keep matching their own wordings; only the name is shared, and a
 * wording merge never crosses a rotation's boundary. Memory: one sketch of at most 512 bytes per name in use
 * (names of forgotten one-request families are dropped; names of other evicted families are kept), and at most
 * {@value #PENDING_BRIDGES} family pairs awaiting more bridges (about 8 MB).
 */
final class FamilyIndex {

  static final int SIGNATURES_PER_FAMILY = 12;
  /** Estimated Jaccard similarity to a registered wording needed to join a family. */
  static final double JOIN_SIMILARITY = 0.35;
  /** Similarity to a second family's wording that shows the two to be one template. */
  static final double MERGE_SIMILARITY = 0.5;
  /**
   * Different owners whose requests must each be close to two families ({@link #MERGE_SIMILARITY}) before the two
   * merge. A template's wordings are bridged again and again by its users; a single request between two families is
   * as often a one-off sharing a short phrase with each, and merging on those chains at scale: on the 16-million-event
   * scenario ordinary short prompts chained into one family holding half of all requests, and its campaign users
   * pulled ordinary ones into review.
   */
  static final int MERGE_OWNERS = 2;
  /**
   * Bridging requests needed, as a share of the smaller family's requests, before two families merge: a template's
   * wordings are bridged in proportion to their use, while between two busy families a chance bridge recurs in
   * proportion to the number of customers (at 16 times the default scenario, a popular coding agent's requests and
   * benchmark questions chained into a family of 7 million requests from 66,000 accounts on two owners' bridges).
   */
  static final double MERGE_SHARE = 0.02;
  /** Family pairs remembered with the first owner that bridged them; past this many the oldest is forgotten. */
  static final int PENDING_BRIDGES = 1 << 16;
  /**
   * Estimated share of a registered wording's shingles that a template must hold to join its family however much else
   * it holds: a wrapper filled with a question that itself recurs (a popular benchmark item) carries the question's
   * text as template text too, and that can outweigh the wrapper in a Jaccard comparison. Such members are not
   * registered (the recurring fill would then draw other wrappers around the same question in).
   */
  static final double CONTAIN_SIMILARITY = 0.8;
  /** Fewest shingles a registered wording needs for containment in a larger template to count. */
  static final int CONTAIN_MIN_SHINGLES = 12;
  /** Lowest Jaccard estimate at which containment is estimated (below, the estimate is mostly noise). */
  static final double CONTAIN_MIN_JACCARD = 0.15;
  /**
   * Bands of 32 a template must share with one family, matching none of its wordings, to be a wording the family held
   * before (left out when a merge brought it more than {@value #SIGNATURES_PER_FAMILY}): as many shared bands of two
   * rows as a Jaccard similarity of about 0.6 gives.
   */
  static final int RECALL_BANDS = 12;
  /** A member this close to a registered wording adds nothing new; a less similar one is registered. */
  static final double NOVEL_SIMILARITY = 0.8;
  /** Distinct owners a name needs before its co-usage is compared (fewer say nothing about a population). */
  static final int ROTATION_MIN_USERS = 24;
  /**
   * Estimated Jaccard similarity of two names' owner sets from which they may be one rotation: much of either's
   * users use the other.
   */
  static final double ROTATION_SIMILARITY = 0.6;
  /**
   * How many times more owners two families must share than if their users picked them independently (out of all
   * owners that used any family) to be one rotation. Very popular templates overlap a lot by chance alone (two
   * that half of all accounts use share a third of their users), and a popular one contains any small one; a
   * rotation's families share a cohort that is a small part of all customers.
   */
  static final double ROTATION_LIFT = 2.5;
  /** Smallest owner hashes by which families are bucketed to propose rotation candidates. */
  static final int ROTATION_BUCKETS = 4;
  /** Names sharing one small hash beyond which the hash proposes no candidates (a hub user, not a cohort). */
  static final int ROTATION_BUCKET_CAP = 256;

  private final int maxFamilies;
  /** The user sketch of every owner that was assigned any family (the population co-usage is judged against). */
  private OwnerSketch everyone = new OwnerSketch();
  private LongIntMap bandToFamily = new LongIntMap(1 << 16);
  private final IntObjectMap<Family> families = new IntObjectMap<>(1024);
  /** Union-find over family ids: families found to be wordings of one template are merged into the oldest. */
  private MergeForest forest = new MergeForest();
  /**
   * The names families go by outside: every wording merge of {@link #forest}, and the rotation merges on top. A
   * rotation's families stay apart here (each matches its own wordings); only their name is shared.
   */
  private MergeForest names = new MergeForest();
  /** The owner sketch of each name in use (its root in {@link #names}). */
  private Map<Integer, OwnerSketch> userSketches = new HashMap<>();
  /** Names shared by a rotation's families (see {@link #acrossRotation}). */
  private java.util.Set<Integer> rotationNames = new java.util.HashSet<>();
  private int nextId = 1;
  private long merges;
  private List<int[]> mergeLog = new ArrayList<>();
  /** Single-request families forgotten since the last drain: their ids are never handed out again. */
  private List<Integer> forgotten = new ArrayList<>();
  private long clock;
  /** Family pairs (older id in the high half) bridged but not merged yet, in the order first bridged. */
  private final java.util.LinkedHashMap<Long, Bridges> pendingBridges = new java.util.LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Bridges> eldest) {
      return size() > PENDING_BRIDGES;
    }
  };

  /** The bridges of one family pair so far: the first bridging owner, how many, and whether another owner bridged. */
  private static final class Bridges {
    final long firstOwner;
    long count;
    boolean otherOwner;

    Bridges(long firstOwner, long count, boolean otherOwner) {
      this.firstOwner = firstOwner;
      this.count = count;
      this.otherOwner = otherOwner;
    }
  }

  /** A registered wording: its band keys, signature, number of template shingles, and when it last matched. */
  private static final class Wording {
    final long[] keys;
    final int[] signature;
    final int size;
    long lastMatched;

    Wording(long[] keys, int[] signature, int size, long lastMatched) {
      this.keys = keys;
      this.signature = signature;
      this.size = size;
      this.lastMatched = lastMatched;
    }
  }

  private static final class Family {
    final int id;
    final List<Wording> wordings = new ArrayList<>();
    long members;
    long lastUsed;

    Family(int id) {
      this.id = id;
    }
  }

  FamilyIndex(int maxFamilies) {
    if (maxFamilies < 16) {
      throw new IllegalArgumentException("maxFamilies must be at least 16: " + maxFamilies);
    }
    this.maxFamilies = maxFamilies;
  }

  /**
   * The family id of a template signature given with its band keys; founds a family when none matches. LSH only
   * proposes candidates: a signature joins a family only if its estimated similarity to one of the family's
   * registered wordings reaches {@value #JOIN_SIMILARITY}, so that weak band collisions never chain unrelated
   * templates together.
   */
  int assign(int[] signature, long[] bandKeys) {
    return assign(signature, bandKeys, 0, 0, false); // one unknown owner: merges nothing
  }

  /**
   * {@link #assign(int[], long[])} for a template of {@code size} shingles, counting {@code ownerHash} among the users
   * of the chosen family's name. With the size, a template that holds most of a registered wording of at least
   * {@value #CONTAIN_MIN_SHINGLES} shingles joins its family when no family is close by Jaccard similarity.
   */
  int assign(int[] signature, long[] bandKeys, int size, long ownerHash) {
    return assign(signature, bandKeys, size, ownerHash, true);
  }

  private int assign(int[] signature, long[] bandKeys, int size, long ownerHash, boolean countUser) {
    clock++;
    // candidate families and their band hits, in small parallel arrays (at most one entry per band)
    int[] ids = new int[bandKeys.length];
    int[] hits = new int[bandKeys.length];
    int candidates = 0;
    int lastRaw = -1;
    int root = -1;
    for (long k : bandKeys) {
      int raw = bandToFamily.get(k);
      if (raw < 0) {
        continue;
      }
      if (raw != lastRaw) { // bands of one wording mostly name the same family: find it once
        lastRaw = raw;
        root = find(raw);
      }
      int f = root;
      int j = 0;
      while (j < candidates && ids[j] != f) {
        j++;
      }
      if (j == candidates) {
        ids[candidates++] = f;
      }
      hits[j]++;
    }
    Family best = null;
    double bestSim = 0;
    Family second = null;
    double secondSim = 0;
    Wording matched = null; // the registered wording of best that is closest
    Wording secondMatched = null;
    Family holder = null; // the family with a registered wording this template holds most of (by shared shingles)
    Wording heldWording = null;
    double held = 0;
    for (int j = 0; j < candidates; j++) {
      Family f = families.get(ids[j]);
      if (f == null) {
        continue;
      }
      double sim = 0;
      Wording closest = null;
      for (Wording w : f.wordings) {
        double jr = io.distillguard.features.MinHasher.similarity(w.signature, signature);
        if (closest == null || jr > sim) {
          sim = jr;
          closest = w;
        }
        double shared = size > 0 ? contained(jr, w.size, size) : 0;
        if (shared > held || (shared == held && shared > 0 && f.id < holder.id)) {
          holder = f;
          heldWording = w;
          held = shared;
        }
      }
      if (sim > bestSim || (sim == bestSim && best != null && f.id < best.id)) {
        second = best;
        secondSim = bestSim;
        secondMatched = matched;
        best = f;
        bestSim = sim;
        matched = closest;
      } else if (sim > secondSim) {
        second = f;
        secondSim = sim;
        secondMatched = closest;
      }
    }
    boolean byContainment = false;
    if (bestSim < JOIN_SIMILARITY) {
      best = holder;
      byContainment = holder != null;
      if (byContainment) {
        heldWording.lastMatched = clock;
      } else {
        // a wording this family held before a merge past the cap left it out: its bands still lead here
        Family recalled = null;
        int most = RECALL_BANDS - 1;
        for (int j = 0; j < candidates; j++) {
          Family f = families.get(ids[j]);
          if (f != null && (hits[j] > most || hits[j] == most && recalled != null && f.id < recalled.id)) {
            recalled = f;
            most = hits[j];
          }
        }
        if (recalled != null) {
          recall(recalled, signature, bandKeys, size);
          return name(recalled, ownerHash, countUser);
        }
      }
    } else {
      matched.lastMatched = clock; // before any merge below: the wording in use is one a merge keeps
    }
    if (best != null && !byContainment && second != null && secondSim >= MERGE_SIMILARITY
        && !acrossRotation(best, second)
        && !sideBySide(bestSim, matched.size, secondSim, secondMatched.size, size)) {
      // close to two families: they are wordings of one template (unless it holds the two side by side, as a wrapper
      // and a recurring fill: then it is not a wording between them), once enough owners' requests say so
      if (bridged(best, second, ownerHash)) {
        best = union(best, second);
      }
    }
    if (best == null) {
      if (families.size() >= maxFamilies) {
        evict();
      }
      best = new Family(nextId++);
      families.put(best.id, best);
      register(best, signature, bandKeys, size);
    } else if (!byContainment && bestSim < NOVEL_SIMILARITY && best.wordings.size() < SIGNATURES_PER_FAMILY
        && (matched == null || contained(bestSim, matched.size, size) == 0)) {
      // a new wording, unless it is a registered one with more recurring text around it (a fill that recurs: the
      // wording registered with it would draw in other requests that share only the fill, whatever their template)
      register(best, signature, bandKeys, size);
    }
    return name(best, ownerHash, countUser);
  }

  /**
   * Records that {@code owner} sent a request close to families {@code a} and {@code b}; true when the pair has now
   * been bridged by {@value #MERGE_OWNERS} different owners and in {@value #MERGE_SHARE} of the smaller family's
   * requests (and at least twice), and the pair is then forgotten.
   */
  private boolean bridged(Family a, Family b, long owner) {
    long key = (long) Math.min(a.id, b.id) << 32 | Math.max(a.id, b.id);
    Bridges seen = pendingBridges.computeIfAbsent(key, k -> new Bridges(owner, 0, false));
    seen.count++;
    seen.otherOwner |= owner != seen.firstOwner;
    if (seen.otherOwner && seen.count >= Math.max(MERGE_OWNERS, MERGE_SHARE * Math.min(a.members, b.members))) {
      pendingBridges.remove(key);
      return true;
    }
    return false;
  }

  /** Counts a request in {@code f} (and its owner among its name's users) and returns the name. */
  private int name(Family best, long ownerHash, boolean countUser) {
    best.members++;
    best.lastUsed = clock;
    int name = names.find(best.id);
    if (countUser) {
      long u = OwnerSketch.hashOf(ownerHash);
      userSketches.computeIfAbsent(name, k -> new OwnerSketch()).add(u);
      everyone.add(u);
    }
    return name;
  }

  /**
   * Names as one the names whose owner sets overlap ({@value #ROTATION_SIMILARITY} estimated Jaccard, at least {@value
   * #ROTATION_MIN_USERS} owners each) far more than chance would have them ({@value #ROTATION_LIFT} times):
   * wrappers an operator rotates between. Candidates are families
   * that share one of their {@value #ROTATION_BUCKETS} smallest owner hashes; the older id survives, as in any
   * merge. Returns the number of merges. Deterministic for a given index state.
   */
  int mergeRotations() {
    List<Integer> ids = new ArrayList<>();
    for (Map.Entry<Integer, OwnerSketch> e : userSketches.entrySet()) {
      if (e.getValue().count() >= ROTATION_MIN_USERS) {
        ids.add(e.getKey());
      }
    }
    if (ids.size() < 2) {
      return 0;
    }
    ids.sort(null);
    Map<Long, List<Integer>> buckets = new HashMap<>();
    for (int id : ids) {
      OwnerSketch f = userSketches.get(id);
      for (int i = 0; i < ROTATION_BUCKETS; i++) {
        buckets.computeIfAbsent(f.smallest(i), k -> new ArrayList<>(2)).add(id);
      }
    }
    java.util.TreeSet<Long> pairs = new java.util.TreeSet<>();
    for (List<Integer> b : buckets.values()) {
      if (b.size() > ROTATION_BUCKET_CAP) {
        continue; // one very active owner among the smallest hashes of that many names says nothing about them
      }
      for (int i = 0; i < b.size(); i++) {
        for (int j = i + 1; j < b.size(); j++) {
          pairs.add(((long) b.get(i) << 32) | b.get(j)); // ids in ascending order within a bucket
        }
      }
    }
    int done = 0;
    for (long pair : pairs) {
      int x = names.find((int) (pair >>> 32));
      int y = names.find((int) pair);
      OwnerSketch a = userSketches.get(x);
      OwnerSketch b = userSketches.get(y);
      if (x == y || a == null || b == null) {
        continue;
      }
      if (rotation(a, b, everyone)) {
        rename(x, y);
        rotationNames.remove(Math.max(x, y));
        rotationNames.add(Math.min(x, y));
        done++;
      }
    }
    return done;
  }

  /**
   * Gives two names one (the older survives), merging their user sketches, and logs the merge for the caller. The
   * families themselves stay apart in the index.
   */
  private void rename(int x, int y) {
    int keep = Math.min(x, y);
    int gone = Math.max(x, y);
    names.link(gone, keep);
    OwnerSketch g = userSketches.remove(gone);
    if (g != null) {
      userSketches.computeIfAbsent(keep, k -> new OwnerSketch()).merge(g);
    }
    merges++;
    mergeLog.add(new int[] {gone, keep});
  }

  /**
   * Whether two families go by different names, one of them a rotation's: such families are never merged for a
   * wording they share, so that a rotation never takes in traffic from outside its cohort (a student's homework
   * phrasing that resembles a campaign's wrapper), and never chains into another rotation or a popular template. The
   * request joins the closer one.
   */
  private boolean acrossRotation(Family a, Family b) {
    int x = names.find(a.id);
    int y = names.find(b.id);
    return x != y && (rotationNames.contains(x) || rotationNames.contains(y));
  }

  /** Whether two names' owners overlap as a rotation's do (see {@link #mergeRotations}). */
  static boolean rotation(OwnerSketch a, OwnerSketch b, OwnerSketch population) {
    double[] j = OwnerSketch.coUsage(a, b);
    if (j[0] < ROTATION_SIMILARITY) {
      return false;
    }
    double shared = j[0] * j[1];
    double expected = a.owners() * b.owners() / Math.max(1, population.owners());
    return shared >= ROTATION_MIN_USERS && shared >= ROTATION_LIFT * expected;
  }

  /** The current id of a family that may since have been merged into another. */
  int find(int id) {
    return forest.find(id);
  }

  private Family union(Family a, Family b) {
    Family keep = a.id < b.id ? a : b;
    Family gone = keep == a ? b : a;
    forest.link(gone.id, keep.id);
    families.remove(gone.id);
    keep.members += gone.members;
    keep.lastUsed = Math.max(keep.lastUsed, gone.lastUsed);
    keep.wordings.addAll(gone.wordings);
    if (keep.wordings.size() > SIGNATURES_PER_FAMILY) {
      // the wordings in use stay; the bands of the others still lead here, and bring them back when used (see assign)
      List<Wording> all = new ArrayList<>(keep.wordings);
      all.sort((x, y) -> Long.compare(y.lastMatched, x.lastMatched)); // stable: the survivor's own first on ties
      keep.wordings.clear();
      keep.wordings.addAll(all.subList(0, SIGNATURES_PER_FAMILY));
    }
    int x = names.find(gone.id);
    int y = names.find(keep.id);
    if (x != y) {
      rename(x, y);
    }
    return keep;
  }

  /** The naming forest (wording and rotation merges) itself (read it, never link through it). */
  MergeForest names() {
    return names;
  }

  /** A copy of the naming forest: each id's parent, 0 for a root. */
  int[] parents() {
    return names.parents();
  }

  long merges() {
    return merges;
  }

  /** The (absorbed, surviving) id pairs merged since the last call. */
  List<int[]> drainMerges() {
    List<int[]> out = mergeLog;
    mergeLog = new ArrayList<>();
    return out;
  }

  /**
   * The single-request families forgotten since the last call: no request will be assigned to them again, and one
   * request shows nothing across accounts, so per-family state kept for them elsewhere can be dropped.
   */
  List<Integer> drainForgotten() {
    List<Integer> out = forgotten;
    forgotten = new ArrayList<>();
    return out;
  }

  /**
   * The estimated number of shingles a template of {@code size} shingles shares with a registered wording of {@code
   * registered} shingles, given their Jaccard estimate {@code j}, when the template holds at least {@value
   * #CONTAIN_SIMILARITY} of the wording (see {@link #CONTAIN_SIMILARITY}); 0 otherwise.
   */
  static double contained(double j, int registered, int size) {
    if (registered < CONTAIN_MIN_SHINGLES || j < CONTAIN_MIN_JACCARD || registered > size) {
      return 0;
    }
    double shared = j * (registered + size) / (1 + j);
    return shared >= CONTAIN_SIMILARITY * registered ? shared : 0;
  }

  /**
   * Registers again a wording that {@code f} left out at a merge (its bands lead here), in place of the wording
   * matched least recently. Adds no band keys: they are the ones the wording had.
   */
  private void recall(Family f, int[] signature, long[] keys, int size) {
    if (f.wordings.size() >= SIGNATURES_PER_FAMILY) {
      int stalest = 0;
      for (int i = 1; i < f.wordings.size(); i++) {
        if (f.wordings.get(i).lastMatched < f.wordings.get(stalest).lastMatched) {
          stalest = i;
        }
      }
      f.wordings.remove(stalest);
    }
    register(f, signature, keys, size);
  }

  /**
   * Whether a template of {@code size} shingles holds two wordings (of {@code a} and {@code b} shingles, Jaccard
   * estimates {@code ja} and {@code jb}) whole, side by side: together they are not much more than the template, so
   * they barely share text, as a wrapper and a recurring fill do; two wordings of one template would overlap.
   */
  static boolean sideBySide(double ja, int a, double jb, int b, int size) {
    return contained(ja, a, size) > 0 && contained(jb, b, size) > 0 && a + b <= 1.25 * size;
  }

  private void register(Family f, int[] signature, long[] keys, int size) {
    f.wordings.add(new Wording(keys.clone(), signature.clone(), size, clock));
    for (long k : keys) {
      bandToFamily.putIfAbsent(k, f.id);
    }
  }

  /** Forgets a quarter of the families: singletons before larger ones, least recently used first. */
  private void evict() {
    List<Family> all = new ArrayList<>(families.values());
    all.sort((a, b) -> {
      int small = Boolean.compare(b.members <= 1, a.members <= 1);
      int used = small != 0 ? small : Long.compare(a.lastUsed, b.lastUsed);
      return used != 0 ? used : Integer.compare(a.id, b.id); // a total order: the map's order is none
    });
    for (Family f : all.subList(0, Math.max(1, all.size() / 4))) {
      families.remove(f.id);
      if (f.members <= 1) {
        forgotten.add(f.id);
        userSketches.remove(f.id); // a one-request family is never a rotation's name
      }
      for (Wording w : f.wordings) {
        for (long k : w.keys) {
          int owner = bandToFamily.get(k);
          if (owner >= 0 && find(owner) == f.id) {
            bandToFamily.remove(k, owner);
          }
        }
      }
    }
  }

  int size() {
    return families.size();
  }

  /** Writes the whole index (families in id order); {@link #read} gives an index that assigns identically. */
  void write(java.io.DataOutput out) throws java.io.IOException {
    if (!mergeLog.isEmpty()) {
      throw new IllegalStateException("merges not drained");
    }
    out.writeInt(maxFamilies);
    bandToFamily.write(out);
    int[] ids = families.sortedKeys();
    out.writeInt(ids.length);
    for (int id : ids) {
      Family f = families.get(id);
      out.writeInt(f.id);
      out.writeLong(f.members);
      out.writeLong(f.lastUsed);
      out.writeInt(f.wordings.size());
      for (Wording w : f.wordings) {
        long[] keys = w.keys;
        int[] sig = w.signature;
        out.writeInt(keys.length);
        for (long x : keys) {
          out.writeLong(x);
        }
        out.writeInt(sig.length);
        for (int x : sig) {
          out.writeInt(x);
        }
        out.writeInt(w.size);
        out.writeLong(w.lastMatched);
      }
    }
    forest.write(out);
    names.write(out);
    List<Integer> rotations = new ArrayList<>(rotationNames);
    rotations.sort(null);
    out.writeInt(rotations.size());
    for (int id : rotations) {
      out.writeInt(id);
    }
    List<Integer> named = new ArrayList<>(userSketches.keySet());
    named.sort(null);
    out.writeInt(named.size());
    for (int id : named) {
      out.writeInt(id);
      userSketches.get(id).write(out);
    }
    everyone.write(out);
    out.writeInt(nextId);
    out.writeLong(merges);
    out.writeLong(clock);
    out.writeInt(pendingBridges.size());
    for (Map.Entry<Long, Bridges> e : pendingBridges.entrySet()) {
      out.writeLong(e.getKey());
      out.writeLong(e.getValue().firstOwner);
      out.writeLong(e.getValue().count);
      out.writeBoolean(e.getValue().otherOwner);
    }
  }

  static FamilyIndex read(java.io.DataInput in) throws java.io.IOException {
    FamilyIndex x = new FamilyIndex(in.readInt());
    x.bandToFamily = LongIntMap.read(in);
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      Family f = new Family(in.readInt());
      f.members = in.readLong();
      f.lastUsed = in.readLong();
      int r = in.readInt();
      for (int k = 0; k < r; k++) {
        long[] keys = new long[in.readInt()];
        for (int j = 0; j < keys.length; j++) {
          keys[j] = in.readLong();
        }
        int[] sig = new int[in.readInt()];
        for (int j = 0; j < sig.length; j++) {
          sig[j] = in.readInt();
        }
        int size = in.readInt();
        f.wordings.add(new Wording(keys, sig, size, in.readLong()));
      }
      x.families.put(f.id, f);
    }
    x.forest = MergeForest.read(in);
    x.names = MergeForest.read(in);
    int rotations = in.readInt();
    for (int i = 0; i < rotations; i++) {
      x.rotationNames.add(in.readInt());
    }
    int named = in.readInt();
    for (int i = 0; i < named; i++) {
      int id = in.readInt();
      x.userSketches.put(id, OwnerSketch.read(in));
    }
    x.everyone = OwnerSketch.read(in);
    x.nextId = in.readInt();
    x.merges = in.readLong();
    x.clock = in.readLong();
    int pending = in.readInt();
    if (pending < 0 || pending > PENDING_BRIDGES) {
      throw new java.io.IOException("bad pending bridge count " + pending);
    }
    for (int i = 0; i < pending; i++) {
      x.pendingBridges.put(in.readLong(), new Bridges(in.readLong(), in.readLong(), in.readBoolean()));
    }
    return x;
  }
}
