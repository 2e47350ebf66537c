package io.distillguard.linking;

import io.distillguard.scoring.AccountAssessment;
import io.distillguard.scoring.FamilyAssessment;
import io.distillguard.state.AccountSketch;
import io.distillguard.state.InfraKey;
import io.distillguard.state.InfraSketch;
import io.distillguard.state.KeyedState;
import io.distillguard.state.TopK;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Links accounts into groups on evidence-thresholded edges, then takes connected components (union-find, linear
 * time). Only accounts that look like harvesters on their own (profile score) are linked at all. Such an account joins
 * a template family's group when a real part of its traffic is in that family and the family is suspicious; one that
 * is also suspicious overall joins the groups of the payment fingerprints and IP ranges it uses, unless the key belongs to a single declared
 * organisation (its own card and office range) or is common infrastructure shared by more than
 * {@value #COMMON_INFRA_OWNERS} unrelated owners (a large NAT, a cloud egress range). Accounts that are
 * not suspicious never join through infrastructure alone, so a company whose accounts share one card and one egress
 * IP is not linked into anything unless its traffic is.
 */
public final class CampaignLinker {

  private final boolean linkFamilies;
  private final boolean linkLockstep;
  private final boolean linkInfrastructure;
  /** Each linkable account's lockstep items from an earlier call, reused until the account is reported changed. */
  private final Map<String, FamilySet> lockstepSets = new HashMap<>();

  /** A linker with every link type on. */
  public CampaignLinker() {
    this(true, true, true);
  }

  /** A linker with link types switched on or off (for ablations). */
  public CampaignLinker(boolean families, boolean lockstep, boolean infrastructure) {
    this.linkFamilies = families;
    this.linkLockstep = lockstep;
    this.linkInfrastructure = infrastructure;
  }

  static final double FAMILY_SUSPICION = 0.4;
  static final double FAMILY_SHARE = 0.25;
  static final long FAMILY_MIN_REQUESTS = 3;
  static final double FAMILY_ACCOUNT_PROFILE = 0.3;
  static final double INFRA_ACCOUNT_SCORE = 0.35;
  static final int COMMON_INFRA_OWNERS = 50;
  static final int MIN_GROUP = 3;
  /** The pseudo-family under which lockstep links are counted in a {@link LinkedGroup}. */
  public static final String LOCKSTEP = "lockstep";
  static final double LOCKSTEP_PROFILE = 0.2;
  static final double PRIOR_PROFILE = 0.2;
  static final double LOCKSTEP_TEMPLATED = 0.5;
  static final double LOCKSTEP_MIN_PROFILE = 0.1;
  static final double LOCKSTEP_FAMILY_SUSPICION = 0.15;
  static final double LOCKSTEP_TEMPLATE_ONLY = 0.8;
  static final long LOCKSTEP_MIN_REQUESTS = 10;
  static final double LOCKSTEP_SIMILARITY = 0.3;
  static final int LOCKSTEP_BINS = 32;
  static final int LOCKSTEP_REPRESENTATIVES = 4;
  /** A lockstep member's family shares must resemble its group's average at least this much. */
  static final double LOCKSTEP_CENTROID = 0.25;
  /** The lowest profile score at which any link type considers an account. */
  static final double MIN_LINK_PROFILE = Math.min(FAMILY_ACCOUNT_PROFILE, Math.min(LOCKSTEP_MIN_PROFILE,
      PRIOR_PROFILE));

  /**
   * Links the accounts in {@code state}. {@code priorCampaigns} are the campaigns accounts were enforced in before
   * ({@code account -> campaign id}): members of one earlier campaign stay linked while they still look like
   * harvesters, so a campaign that has gone quiet, or whose template has since drifted, keeps its members.
   * {@code changed} names the accounts whose profile, traffic or family scores changed since the previous call;
   * what was derived for the others is reused (pass all accounts to recompute everything). Not thread-safe.
   */
  public List<LinkedGroup> link(KeyedState state, Map<String, AccountAssessment> profiles,
      Map<String, AccountAssessment> assessments, Map<String, FamilyAssessment> families,
      UnaryOperator<String> canonicalFamily, java.util.function.Predicate<String> allowlisted,
      Map<String, String> priorCampaigns, java.util.Set<String> changed) {
    UnionFind uf = new UnionFind();
    Map<String, List<String>> joinedBy = new HashMap<>(); // account -> link nodes it joined
    // an account below every link's profile floor is never linked: leave it out from the start
    List<String> ids = new ArrayList<>();
    for (AccountSketch a : state.accounts()) {
      AccountAssessment p = profiles.get(a.accountId());
      if (p != null && p.score() >= MIN_LINK_PROFILE) {
        ids.add(a.accountId());
      }
    }
    ids.sort(null);
    for (String id : ids) {
      AccountSketch a = state.account(id);
      String node = "a:" + id;
      uf.add(node);
      AccountAssessment profile = profiles.get(id);
      if (allowlisted.test(id) || profile == null || profile.score() < FAMILY_ACCOUNT_PROFILE) {
        continue; // an account that does not look like a harvester on its own is never linked
      }
      for (Map.Entry<String, Long> e : linkFamilies ? a.families().sorted() : List.<Map.Entry<String, Long>>of()) {
        String fam = canonicalFamily.apply(e.getKey());
        FamilyAssessment fa = families.get(fam);
        if (fa == null || fa.suspicion() < FAMILY_SUSPICION) {
          continue;
        }
        if (e.getValue() >= FAMILY_MIN_REQUESTS && e.getValue() >= FAMILY_SHARE * a.requests()) {
          uf.union(node, "f:" + fam);
          joinedBy.computeIfAbsent(id, k -> new ArrayList<>()).add("f:" + fam);
        }
      }
      AccountAssessment as = assessments.get(id);
      if (!linkInfrastructure || as == null || as.score() < INFRA_ACCOUNT_SCORE || established(profile)) {
        continue;
      }
      // payment instruments and address ranges identify an operator; TLS and SDK fingerprints identify client
      // software, shared by everyone who uses it, so they are evidence in a campaign but never a link
      infra(state, uf, joinedBy, id, InfraKey.PAYMENT, a.payments());
      infra(state, uf, joinedBy, id, InfraKey.IP_RANGE, a.ipRanges());
    }

    if (linkLockstep) {
      lockstep(state, profiles, families, canonicalFamily, allowlisted, ids, uf, joinedBy, changed);
    }
    for (String id : ids) {
      String prior = priorCampaigns.get(id);
      AccountAssessment p = profiles.get(id);
      // membership outlives a campaign's quiet phase only for accounts that still look like harvesters on their own:
      // a transient link must not make an ordinary account a permanent member
      if (prior != null && !allowlisted.test(id) && p != null && !established(p) && p.score() >= PRIOR_PROFILE) {
        uf.union("a:" + id, "c:" + prior);
        joinedBy.computeIfAbsent(id, k -> new ArrayList<>()).add("c:" + prior);
      }
    }

    Map<String, List<String>> members = new TreeMap<>();
    for (String id : ids) {
      members.computeIfAbsent(uf.find("a:" + id), k -> new ArrayList<>()).add(id);
    }
    List<LinkedGroup> groups = new ArrayList<>();
    for (List<String> accounts : members.values()) {
      if (accounts.size() < MIN_GROUP) {
        continue;
      }
      Map<String, Integer> fams = new TreeMap<>();
      Map<String, Integer> infra = new TreeMap<>();
      for (String id : accounts) {
        for (String n : joinedBy.getOrDefault(id, List.of())) {
          if (n.startsWith("f:")) {
            fams.merge(n.substring(2), 1, Integer::sum);
          } else if (n.startsWith("i:")) {
            infra.merge(n.substring(2), 1, Integer::sum);
          }
        }
      }
      // a key that joined a single member links nothing
      fams.values().removeIf(c -> c < 2);
      infra.values().removeIf(c -> c < 2);
      java.util.Set<String> viaFamily = new java.util.TreeSet<>();
      int lockstep = 0;
      for (String id : accounts) {
        for (String n : joinedBy.getOrDefault(id, List.of())) {
          // a shared payment instrument is as strong a tie as a shared template: one operator pays for both
          if ((n.startsWith("f:") && fams.containsKey(n.substring(2))) || n.equals(LOCKSTEP) || n.startsWith("c:")
              || (n.startsWith("i:pay:") && infra.containsKey(n.substring(2)))) {
            viaFamily.add(id);
          }
        }
        if (joinedBy.getOrDefault(id, List.of()).contains(LOCKSTEP)) {
          lockstep++;
        }
      }
      if (lockstep > 0) {
        fams.put(LOCKSTEP, lockstep);
      }
      groups.add(new LinkedGroup(accounts, fams, infra, viaFamily));
    }
    return groups;
  }

  /**
   * Lockstep on template families (CopyCatch, Beutel et al., WWW 2013, with families as the items): accounts that
   * look like harvesters on their own, or send almost nothing but templates, and that send overlapping sets of
   * template families are linked, even when a
   * campaign's composed or paraphrased wordings split its template into many small families that none of its
   * accounts is devoted to. Candidates come from MinHash/LSH over each account's family set; a pair is linked when
   * the weighted Jaccard similarity of their family shares reaches {@value #LOCKSTEP_SIMILARITY}.
   */
  private void lockstep(KeyedState state, Map<String, AccountAssessment> profiles,
      Map<String, FamilyAssessment> families, UnaryOperator<String> canonicalFamily,
      java.util.function.Predicate<String> allowlisted, List<String> ids, UnionFind uf,
      Map<String, List<String>> joinedBy, java.util.Set<String> changed) {
    Map<String, FamilySet> sets = new HashMap<>();
    Map<Long, List<String>> buckets = new HashMap<>();
    for (String id : ids) {
      FamilySet set = changed.contains(id) ? null : lockstepSets.get(id);
      if (set == null) {
        set = familySet(state.account(id), profiles.get(id), families, canonicalFamily, allowlisted);
        lockstepSets.put(id, set);
      }
      if (set == FamilySet.NONE) {
        continue;
      }
      sets.put(id, set);
      for (int band = 0; band < set.bands.length; band++) {
        buckets.computeIfAbsent(set.bands[band], k -> new ArrayList<>()).add(id);
      }
    }
    lockstepSets.keySet().retainAll(new java.util.HashSet<>(ids)); // bounded by the linkable accounts
    UnionFind pairs = new UnionFind();
    for (List<String> bucket : buckets.values()) {
      if (bucket.size() < 2) {
        continue;
      }
      // verify against a few representatives, not all pairs: linear in the bucket size
      int reps = Math.min(LOCKSTEP_REPRESENTATIVES, bucket.size());
      for (int r = 0; r < reps; r++) {
        String rep = bucket.get(r);
        FamilySet repSet = sets.get(rep);
        for (String other : bucket) {
          if (!other.equals(rep) && weightedJaccard(repSet, sets.get(other)) >= LOCKSTEP_SIMILARITY) {
            pairs.union(rep, other);
          }
        }
      }
    }
    // CopyCatch asks each member to act on the group's items, not on one other member's: keep a member only if its
    // family shares resemble the group's average, so that a pair link cannot chain a different crowd in
    Map<String, List<String>> groups = new TreeMap<>();
    for (String id : sets.keySet()) {
      groups.computeIfAbsent(pairs.find(id), k -> new ArrayList<>()).add(id);
    }
    for (List<String> members : groups.values()) {
      if (members.size() < MIN_GROUP) {
        continue;
      }
      members.sort(null);
      TreeMap<String, Double> sum = new TreeMap<>();
      for (String m : members) {
        FamilySet fs = sets.get(m);
        for (int i = 0; i < fs.families.length; i++) {
          sum.merge(fs.families[i], fs.shares[i] / members.size(), Double::sum);
        }
      }
      FamilySet centroid = FamilySet.of(sum);
      String anchor = null;
      for (String m : members) {
        if (weightedJaccard(sets.get(m), centroid) < LOCKSTEP_CENTROID) {
          continue;
        }
        if (anchor == null) {
          anchor = m;
        }
        uf.union("a:" + anchor, "a:" + m);
        markLockstep(joinedBy, m);
      }
    }
  }

  /**
   * An account's lockstep items: the share of its traffic in each family whose users look harvest-like, with LSH
   * band keys over the set; {@link FamilySet#NONE} when the account takes no part in lockstep.
   */
  private static FamilySet familySet(AccountSketch a, AccountAssessment p, Map<String, FamilyAssessment> families,
      UnaryOperator<String> canonicalFamily, java.util.function.Predicate<String> allowlisted) {
    if (a == null || a.requests() < LOCKSTEP_MIN_REQUESTS || p == null || allowlisted.test(a.accountId())
        || established(p)) {
      return FamilySet.NONE;
    }
    // a harvester on its own, or an account that sends almost nothing but templates
    boolean harvester = p.score() >= LOCKSTEP_PROFILE && a.templated() >= LOCKSTEP_TEMPLATED * a.requests();
    boolean templateOnly = p.score() >= LOCKSTEP_MIN_PROFILE && a.templated() >= LOCKSTEP_TEMPLATE_ONLY * a.requests();
    if (!harvester && !templateOnly) {
      return FamilySet.NONE;
    }
    TreeMap<String, Double> set = new TreeMap<>();
    for (Map.Entry<String, Long> e : a.families().sorted()) {
      String fam = canonicalFamily.apply(e.getKey());
      FamilyAssessment fa = families.get(fam);
      // only families whose users look harvest-like count: sharing a popular ordinary template is no lockstep,
      // and a reseller's pass-through customers must not pull ordinary accounts into its group
      if (fa != null && fa.suspicion() >= LOCKSTEP_FAMILY_SUSPICION
          && e.getValue() >= Math.max(2, 0.03 * a.requests())) {
        set.merge(fam, (double) e.getValue() / a.requests(), Double::sum);
      }
    }
    if (set.size() < 2) {
      return FamilySet.NONE;
    }
    FamilySet fs = FamilySet.of(set);
    int[] sig = new int[LOCKSTEP_BINS];
    java.util.Arrays.fill(sig, Integer.MAX_VALUE);
    for (String f : fs.families) {
      long h = f.hashCode() * 0x9E3779B97F4A7C15L;
      for (int b = 0; b < LOCKSTEP_BINS; b++) {
        h = (h ^ (h >>> 29)) * 0xBF58476D1CE4E5B9L + b;
        int v = (int) (h >>> 33);
        sig[b] = Math.min(sig[b], v);
      }
    }
    long[] bands = new long[LOCKSTEP_BINS / 2];
    for (int band = 0; band < bands.length; band++) {
      bands[band] = ((long) sig[2 * band] << 32 | (sig[2 * band + 1] & 0xFFFFFFFFL)) * 31 + band;
    }
    return new FamilySet(fs.families, fs.shares, bands);
  }

  /** Families in sorted order with a weight each (traffic shares), and LSH band keys over the family set. */
  static final class FamilySet {
    static final FamilySet NONE = new FamilySet(new String[0], new double[0], new long[0]);
    final String[] families;
    final double[] shares;
    final long[] bands;

    FamilySet(String[] families, double[] shares, long[] bands) {
      this.families = families;
      this.shares = shares;
      this.bands = bands;
    }

    static FamilySet of(java.util.SortedMap<String, Double> weights) {
      String[] f = new String[weights.size()];
      double[] w = new double[f.length];
      int i = 0;
      for (Map.Entry<String, Double> e : weights.entrySet()) {
        f[i] = e.getKey();
        w[i++] = e.getValue();
      }
      return new FamilySet(f, w, new long[0]);
    }
  }

  /**
   * An established, verified enterprise or research account: running templates at volume and sharing the company
   * card is what such customers do, so lockstep and infrastructure never link it (a shared suspicious template
   * family still can).
   */
  private static boolean established(AccountAssessment profile) {
    for (io.distillguard.scoring.Reason r : profile.reasons()) {
      if (r.signal().equals("established_verified_account")) {
        return true;
      }
    }
    return false;
  }

  private static void markLockstep(Map<String, List<String>> joinedBy, String id) {
    List<String> l = joinedBy.computeIfAbsent(id, k -> new ArrayList<>());
    if (!l.contains(LOCKSTEP)) {
      l.add(LOCKSTEP);
    }
  }

  /** Weighted Jaccard similarity of two weighted family sets: sum of minima over sum of maxima. */
  static double weightedJaccard(FamilySet a, FamilySet b) {
    double min = 0;
    double max = 0;
    int j = 0;
    for (int i = 0; i < a.families.length; i++) {
      while (j < b.families.length && b.families[j].compareTo(a.families[i]) < 0) {
        j++;
      }
      double o = j < b.families.length && b.families[j].equals(a.families[i]) ? b.shares[j] : 0.0;
      min += Math.min(a.shares[i], o);
      max += Math.max(a.shares[i], o);
    }
    int i = 0;
    for (j = 0; j < b.families.length; j++) {
      while (i < a.families.length && a.families[i].compareTo(b.families[j]) < 0) {
        i++;
      }
      if (i >= a.families.length || !a.families[i].equals(b.families[j])) {
        max += b.shares[j];
      }
    }
    return max == 0 ? 0 : min / max;
  }

  private static void infra(KeyedState state, UnionFind uf, Map<String, List<String>> joinedBy, String id,
      InfraKey kind, TopK values) {
    for (Map.Entry<String, Long> e : values.sorted()) {
      String key = kind.key(e.getKey());
      InfraSketch s = key == null ? null : state.infra(key);
      if (s == null || s.owners() < 2 || s.owners() > COMMON_INFRA_OWNERS) {
        continue; // one organisation's own card or range links nothing; one shared by crowds is common ground
      }
      uf.union("a:" + id, "i:" + key);
      joinedBy.computeIfAbsent(id, k -> new ArrayList<>()).add("i:" + key);
    }
  }

  /** Union-find over string nodes with path halving; the smaller node (by string order) becomes the root. */
  static final class UnionFind {
    private final Map<String, String> parent = new HashMap<>();

    void add(String n) {
      parent.putIfAbsent(n, n);
    }

    String find(String n) {
      add(n);
      String p;
      while (!(p = parent.get(n)).equals(n)) {
        String gp = parent.get(p);
        parent.put(n, gp);
        n = gp;
      }
      return n;
    }

    void union(String a, String b) {
      String ra = find(a);
      String rb = find(b);
      if (!ra.equals(rb)) {
        if (ra.compareTo(rb) < 0) {
          parent.put(rb, ra);
        } else {
          parent.put(ra, rb);
        }
      }
    }
  }
}
