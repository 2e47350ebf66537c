package io.distillguard.linking;

import io.distillguard.scoring.AccountAssessment;
import io.distillguard.scoring.AccountScorer;
import io.distillguard.scoring.FamilyAssessment;
import io.distillguard.state.AccountSketch;
import io.distillguard.state.InfraKey;
import io.distillguard.state.InfraSketch;
import io.distillguard.state.KeyedState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Links accounts into groups on evidence-thresholded edges, then takes connected components (union-find, linear
 * time). Only accounts that look like harvesters on their own (profile score) are linked at all, and only those with
 * a harvest tell beyond what they ask for (see {@link #linkScore}) through anything but a shared payment instrument.
 * Such an account joins a template family's group when a real part of its traffic is in that family and the family
 * is suspicious (or, when that part is spread over several suspicious families, as a template's paraphrases spread
 * it, the group of the one it uses most); one that is also suspicious overall joins the groups of the payment
 * fingerprints and IP ranges it uses, unless the key belongs to a single declared organisation (its own card and
 * office range) or is common infrastructure shared by more than {@value #COMMON_INFRA_OWNERS} unrelated owners (a
 * large NAT, a cloud egress range). Accounts that are not suspicious never join through infrastructure alone, so a company whose accounts share
 * one card and one egress IP is not linked into anything unless its traffic is.
 */
public final class CampaignLinker {

  private final boolean linkFamilies;
  private final boolean linkLockstep;
  private final boolean linkInfrastructure;
  private final boolean readContent;
  /** The node of each prior campaign id ("c:" and the id), made once (campaign ids are few). */
  private final Map<String, String> priorNodes = new HashMap<>();
  /**
   * The accounts whose profile reaches some link's floor, in id order, each with what was derived for it in an
   * earlier call (null: to derive), reused until the account is reported changed.
   */
  private final TreeMap<String, Derived> linkable = new TreeMap<>();
  /** Whether {@link #linkable} was filled from all accounts (on the first call). */
  private boolean seeded;

  /** A linker with every link type on. */
  public CampaignLinker() {
    this(true, true, true);
  }

  /** A linker with link types switched on or off (for ablations), reading what accounts ask for. */
  public CampaignLinker(boolean families, boolean lockstep, boolean infrastructure) {
    this(families, lockstep, infrastructure, true);
  }

  /**
   * A linker with link types switched on or off, and with or without reading what accounts ask for ({@code content}:
   * off, no account joins families below the harvester floor for asking in words for the reasoning).
   */
  public CampaignLinker(boolean families, boolean lockstep, boolean infrastructure, boolean content) {
    this.linkFamilies = families;
    this.linkLockstep = lockstep;
    this.linkInfrastructure = infrastructure;
    this.readContent = content;
  }

  static final double FAMILY_SUSPICION = 0.4;
  static final double FAMILY_SHARE = 0.25;
  /**
   * The share of its traffic, spread over suspicious families, at which an account that rotates through a proxy pool
   * joins them: a reseller passes its customers' requests through, so its harvest part is thin.
   */
  static final double ROTATING_FAMILY_SHARE = 0.05;
  /** The reason an account rotating through a proxy pool shows. */
  static final java.util.Set<String> ROTATING = java.util.Set.of("rotating_addresses");
  /**
   * The weight of a {@link #ROTATING} reason that makes an account's family share {@link #ROTATING_FAMILY_SHARE}: the
   * scorer's mark of traffic relayed through a proxy pool.
   */
  static final double ROTATING_TELL = AccountScorer.RELAYED;
  static final long FAMILY_MIN_REQUESTS = 3;
  static final double FAMILY_ACCOUNT_PROFILE = 0.3;
  static final double INFRA_ACCOUNT_SCORE = 0.35;
  static final int COMMON_INFRA_OWNERS = 50;
  static final int MIN_GROUP = 3;
  /** The pseudo-family under which lockstep links are counted in a {@link LinkedGroup}. */
  public static final String LOCKSTEP = "lockstep";
  /**
   * Own profile at which an account takes part in lockstep: above what capability concentration alone gives (0.2),
   * since all-reasoning traffic is what students and tutoring apps send.
   */
  static final double LOCKSTEP_PROFILE = 0.25;
  /** Client-configuration links: core profile, requests, share of traffic in the configuration, harvester owners. */
  static final double CONFIG_PROFILE = 0.45;
  /** Own profile at which an account joins a configuration its core made a harness link: the harvester floor. */
  static final double CONFIG_MEMBER_PROFILE = FAMILY_ACCOUNT_PROFILE;
  static final long CONFIG_MIN_REQUESTS = 10;
  static final double CONFIG_DOMINANT = 0.5;
  static final double CONFIG_HARVESTER_SHARE = 0.5;
  /** Own profile at which an account stays in a campaign it was enforced in: the same harvester floor as lockstep's. */
  static final double PRIOR_PROFILE = LOCKSTEP_PROFILE;
  /**
   * Shared-family evidence ({@link AccountScorer#familyEvidence}) at which an account stays in a campaign it was
   * enforced in: a fifth of its traffic in families of full suspicion, or more in less suspicious ones.
   */
  static final double PRIOR_FAMILY_EVIDENCE = 0.2;
  static final double LOCKSTEP_TEMPLATED = 0.5;
  static final double LOCKSTEP_FAMILY_SUSPICION = 0.15;
  static final long LOCKSTEP_MIN_REQUESTS = 10;
  static final double LOCKSTEP_SIMILARITY = 0.3;
  static final int LOCKSTEP_BINS = 32;
  static final int LOCKSTEP_REPRESENTATIVES = 4;
  /** A lockstep member's family shares must resemble its group's average at least this much. */
  static final double LOCKSTEP_CENTROID = 0.25;
  /**
   * Own profile at which an account that asks in words for the reasoning (a request asking for it in full, or giving
   * the answer and asking for the way to it) joins template families, when a third of its traffic or more is in
   * suspicious families ({@link #ASKING_FAMILY_EVIDENCE}), instead of the harvester floor {@link
   * #FAMILY_ACCOUNT_PROFILE}. An operator's rotating wrappers, which no wording list reads in full, keep its accounts
   * under that floor for a day or more (their wording mostly unread, capability concentration still ramping up over
   * the first requests, a human daily cycle imitated), while the families the wrappers form are already suspicious.
   * Students whose class shares a suspicious template rarely ask for the reasoning in full.
   */
  static final double ASKING_FAMILY_PROFILE = 0.15;
  /** Shared-family evidence ({@link AccountScorer#familyEvidence}) an account needs to join at the lower floor. */
  static final double ASKING_FAMILY_EVIDENCE = 0.3;
  /**
   * The share of an account's requests that must ask in words for the reasoning (or reconstruct it) for the lower
   * floor, one request at least: ordinary traffic holds a few such requests (up to about 5% of the public chat and
   * benchmark sets read so), so one among hundreds of an app's requests is no tell, while one among a
   * low-and-slow account's first few is.
   */
  static final double ASKING_SHARE = 0.05;
  /** The lowest profile score at which any link type considers an account. */
  static final double MIN_LINK_PROFILE = Math.min(ASKING_FAMILY_PROFILE, Math.min(FAMILY_ACCOUNT_PROFILE,
      Math.min(LOCKSTEP_PROFILE, PRIOR_PROFILE)));

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
    // an account below every link's profile floor is never linked: leave it out from the start (the set of the
    // others is kept up to date from the changed accounts; evicted ones leave it as they are met)
    if (!seeded) {
      for (AccountSketch a : state.accounts()) {
        admit(a, profiles, families, canonicalFamily);
      }
      seeded = true;
    }
    for (String id : changed) {
      if (state.account(id) == null) {
        forget(id);
      } else {
        admit(state.account(id), profiles, families, canonicalFamily);
      }
    }
    linkable.keySet().removeIf(id -> state.account(id) == null); // evicted
    List<String> ids = new ArrayList<>(linkable.size());
    // nodes: accounts are 0..n-1 in id order; families ("f:"), infrastructure keys ("i:") and prior campaigns ("c:")
    // are numbered after them as they are met
    Nodes nodes = new Nodes(linkable.size());
    @SuppressWarnings("unchecked")
    List<String>[] joinedBy = new List[linkable.size()]; // account -> link nodes it joined
    Derived[] derivedFor = new Derived[linkable.size()];
    int index = 0;
    for (Map.Entry<String, Derived> e : linkable.entrySet()) {
      int i = index++;
      String id = e.getKey();
      ids.add(id);
      Derived d = e.getValue(); // null when the account changed (admit) or was never derived
      if (d == null) {
        d = derive(state.account(id), profiles.get(id), assessments.get(id), allowlisted.test(id), families,
            canonicalFamily);
        e.setValue(d);
      }
      derivedFor[i] = d;
      if (d.allowlisted || d.profile == null
          || (d.profile.score() < FAMILY_ACCOUNT_PROFILE && d.familyNodes.length == 0)) {
        continue; // an account that does not look like a harvester on its own is never linked (see derive)
      }
      for (String node : d.familyNodes) {
        join(nodes, joinedBy, i, node);
      }
      // payment instruments and address ranges identify an operator; TLS and SDK fingerprints identify client
      // software, shared by everyone who uses it, so they are evidence in a campaign but never a link (d.infra is
      // empty unless the account qualifies: see derive)
      infra(state, nodes, joinedBy, i, d.infra);
    }
    if (linkInfrastructure) {
      clientConfigurations(state, derivedFor, nodes, joinedBy);
    }

    if (linkLockstep) {
      lockstep(derivedFor, nodes, joinedBy);
    }
    for (int i = 0; i < ids.size(); i++) {
      Derived d = derivedFor[i];
      // membership outlives a campaign's quiet phase only for accounts that still look like harvesters on their own
      // and still send a real part of their traffic in suspicious families: a transient link must not make an
      // ordinary account a permanent member (one whose family has since turned out common, its users ordinary)
      if (d.allowlisted || d.established || d.linkScore < PRIOR_PROFILE
          || AccountScorer.familyEvidence(d.assessment) < PRIOR_FAMILY_EVIDENCE) {
        continue;
      }
      String prior = priorCampaigns.get(ids.get(i));
      if (prior != null) {
        join(nodes, joinedBy, i, priorNodes.computeIfAbsent(prior, c -> "c:" + c));
      }
    }

    // components in order of their smallest account id (a root is its component's smallest index), members in id
    // order
    int count = ids.size();
    int[] rootOf = new int[count];
    int[] size = new int[count];
    for (int i = 0; i < count; i++) {
      rootOf[i] = nodes.uf.find(i);
      size[rootOf[i]]++;
    }
    int[][] byRoot = new int[count][];
    int[] filled = new int[count];
    for (int i = 0; i < count; i++) {
      int r = rootOf[i];
      if (size[r] >= MIN_GROUP) {
        if (byRoot[r] == null) {
          byRoot[r] = new int[size[r]];
        }
        byRoot[r][filled[r]++] = i;
      }
    }
    List<LinkedGroup> groups = new ArrayList<>();
    for (int root = 0; root < count; root++) {
      int[] memberIndex = byRoot[root];
      if (memberIndex == null) {
        continue;
      }
      List<String> accounts = new ArrayList<>(memberIndex.length);
      for (int m : memberIndex) {
        accounts.add(ids.get(m));
      }
      // how many members joined each node; a family or key that joined a single member links nothing
      Map<String, int[]> joins = new HashMap<>();
      for (int m : memberIndex) {
        for (String n : joined(joinedBy, m)) {
          joins.computeIfAbsent(n, x -> new int[1])[0]++;
        }
      }
      Map<String, Integer> fams = new TreeMap<>();
      Map<String, Integer> infra = new TreeMap<>();
      for (Map.Entry<String, int[]> e : joins.entrySet()) {
        String n = e.getKey();
        int c = e.getValue()[0];
        if (c >= 2 && n.startsWith("f:")) {
          fams.put(n.substring(2), c);
        } else if (c >= 2 && n.startsWith("i:")) {
          infra.put(n.substring(2), c);
        }
      }
      java.util.Set<String> viaFamily = new java.util.TreeSet<>();
      Map<String, List<String>> links = new HashMap<>();
      int lockstep = 0;
      for (int m : memberIndex) {
        String id = ids.get(m);
        List<String> joined = joined(joinedBy, m);
        List<String> own = null;
        for (String n : joined) {
          boolean shared = n.equals(LOCKSTEP) || n.startsWith("c:") || joins.get(n)[0] >= 2;
          if (!shared) {
            continue; // a node only this member joined links it to nobody
          }
          // a shared payment instrument is as strong a tie as a shared template: one operator pays for both
          if (n.startsWith("f:") || n.equals(LOCKSTEP) || n.startsWith("c:") || n.startsWith("i:pay:")) {
            viaFamily.add(id);
          }
          if (own == null) {
            own = new ArrayList<>(2);
          }
          String name = LinkedGroup.linkName(n);
          if (!own.contains(name)) {
            own.add(name);
          }
        }
        if (own != null) {
          links.put(id, List.copyOf(own));
        }
        if (joined.contains(LOCKSTEP)) {
          lockstep++;
        }
      }
      if (lockstep > 0) {
        fams.put(LOCKSTEP, lockstep);
      }
      groups.add(new LinkedGroup(accounts, fams, infra, viaFamily, links));
    }
    return groups;
  }

  /**
   * What the linker derives for one account from its own sketch, profile and assessment, its allowlisting, and the
   * scores of the families it uses: all of it changes only when the account is reported changed.
   */
  private static final class Derived {
    final AccountSketch sketch;
    final AccountAssessment profile;
    final AccountAssessment assessment;
    final boolean allowlisted;
    final boolean established;
    /** {@link #linkScore} of its profile. */
    final double linkScore;
    /** The family nodes it joins (none when it is never linked). */
    final String[] familyNodes;
    /** Its lockstep items, {@link FamilySet#NONE} when it takes no part in lockstep. */
    final FamilySet lockstep;
    /** The infrastructure it may link through (empty when infrastructure never links it). */
    final InfraLink[] infra;

    Derived(AccountSketch sketch, AccountAssessment profile, AccountAssessment assessment, boolean allowlisted,
        boolean established, double linkScore, String[] familyNodes, FamilySet lockstep, InfraLink[] infra) {
      this.sketch = sketch;
      this.profile = profile;
      this.assessment = assessment;
      this.allowlisted = allowlisted;
      this.established = established;
      this.linkScore = linkScore;
      this.familyNodes = familyNodes;
      this.lockstep = lockstep;
      this.infra = infra;
    }
  }

  private Derived derive(AccountSketch a, AccountAssessment profile, AccountAssessment assessment,
      boolean allowlisted, Map<String, FamilyAssessment> families, UnaryOperator<String> canonicalFamily) {
    boolean established = profile != null && established(profile);
    boolean linked = !allowlisted && profile != null && profile.score() >= FAMILY_ACCOUNT_PROFILE;
    // a template family, lockstep on families, a shared client configuration and a home address range (its /24 is
    // its neighbours' and proxy exits') are what unrelated users of one tool may have in common: they link only an
    // account with some harvest tell of its own, or (families only) one whose requests hop between a campaign's
    // wrappers; a payment instrument shared across organisations is not
    double linkScore = linkScore(profile);
    boolean told = !allowlisted && (linkScore >= FAMILY_ACCOUNT_PROFILE
        || (readContent && asksInFamilies(a, linkScore, assessment))
        || (!established && AccountScorer.hopsBetweenWrappers(a, families, canonicalFamily)));
    Resolved[] memo = new Resolved[1]; // resolved once, and only if a link type gets past its cheap checks
    java.util.function.Supplier<Resolved> fams =
        () -> memo[0] != null ? memo[0] : (memo[0] = Resolved.of(a, families, canonicalFamily));
    return new Derived(a, profile, assessment, allowlisted, established, linkScore,
        told ? familyNodes(a, fams, !established,
            AccountScorer.holds(profile, ROTATING, ROTATING_TELL) ? ROTATING_FAMILY_SHARE : FAMILY_SHARE) : NO_NODES,
        linkLockstep ? familySet(a, linkScore, allowlisted, established, fams) : FamilySet.NONE,
        linked && linkInfrastructure && assessment != null && assessment.score() >= INFRA_ACCOUNT_SCORE
            && !established ? infraLinks(a, told) : NO_INFRA);
  }

  /** An account's families, heaviest first (ties by id), with their current ids and scores (null: none). */
  private record Resolved(String[] ids, FamilyAssessment[] scores, long[] counts) {
    static Resolved of(AccountSketch a, Map<String, FamilyAssessment> families, UnaryOperator<String> canonical) {
      List<Map.Entry<String, Long>> entries = a.families().sorted();
      String[] ids = new String[entries.size()];
      FamilyAssessment[] scores = new FamilyAssessment[ids.length];
      long[] counts = new long[ids.length];
      for (int i = 0; i < ids.length; i++) {
        Map.Entry<String, Long> e = entries.get(i);
        ids[i] = canonical.apply(e.getKey());
        scores[i] = families.get(ids[i]);
        counts[i] = e.getValue();
      }
      return new Resolved(ids, scores, counts);
    }
  }

  /**
   * The profile score that family, lockstep, configuration, address-range and prior-campaign links compare with their
   * floors: the profile's score when it holds some harvest tell beyond what the account asks for ({@link
   * AccountScorer#harvestTells} above 0), else 0. A developer whose only signals are an agent tool's capability mix and
   * output limits is not linked into a campaign that uses the same tool.
   */
  static double linkScore(AccountAssessment p) {
    return p != null && AccountScorer.harvestTells(p) > 0 ? p.score() : 0;
  }

  /**
   * Whether an account under the harvester floor joins template families at {@link #ASKING_FAMILY_PROFILE}: a harvest
   * tell, requests asking in words for the reasoning in full (or reconstructing it), at least one and {@link
   * #ASKING_SHARE} of its traffic, and shared-family evidence of at least {@link #ASKING_FAMILY_EVIDENCE} in its
   * assessment.
   */
  static boolean asksInFamilies(AccountSketch a, double linkScore, AccountAssessment assessment) {
    return linkScore >= ASKING_FAMILY_PROFILE
        && a.cotAsked() + a.reconstruction() >= Math.max(1, ASKING_SHARE * a.requests())
        && AccountScorer.familyEvidence(assessment) >= ASKING_FAMILY_EVIDENCE;
  }

  /**
   * Puts an account into the linkable set if its profile reaches some link's floor, or its requests hop between a
   * campaign's wrappers ({@link AccountScorer#hopsBetweenWrappers}), else takes it out.
   */
  private void admit(AccountSketch a, Map<String, AccountAssessment> profiles, Map<String, FamilyAssessment> families,
      UnaryOperator<String> canonicalFamily) {
    String id = a.accountId();
    AccountAssessment p = profiles.get(id);
    if (p != null && (p.score() >= MIN_LINK_PROFILE
        || AccountScorer.hopsBetweenWrappers(a, families, canonicalFamily))) {
      linkable.put(id, null); // derived again at this call
    } else {
      forget(id);
    }
  }

  private void forget(String id) {
    linkable.remove(id);
  }

  /**
   * The family nodes an account joins: each suspicious family with a real part of its traffic, else (when
   * {@code spread}) the one it uses most of several suspicious families that hold {@code spreadShare} of it together
   * ({@value #FAMILY_SHARE}; {@value #ROTATING_FAMILY_SHARE} for an account rotating through a proxy pool). Depends only
   * on the account's own sketch and profile, family ids and the families' suspicion, so it is reused until the account
   * is reported changed.
   */
  private String[] familyNodes(AccountSketch a, java.util.function.Supplier<Resolved> resolved, boolean spread,
      double spreadShare) {
    if (!linkFamilies || a.templated() < FAMILY_MIN_REQUESTS || a.templated() < spreadShare * a.requests()) {
      return NO_NODES; // not enough of its traffic in any families at all
    }
    List<String> out = null;
    // a template's paraphrases and slot fills may split an account's traffic over several suspicious families, none
    // holding a real part of it alone: together they do, and the account joins the one it uses most
    long spreadRequests = 0;
    String most = null;
    long mostRequests = 0;
    Resolved r = resolved.get();
    for (int i = 0; i < r.ids.length; i++) {
      String fam = r.ids[i];
      FamilyAssessment fa = r.scores[i];
      long count = r.counts[i];
      if (fa == null || fa.suspicion() < FAMILY_SUSPICION) {
        continue;
      }
      spreadRequests += count;
      if (count > mostRequests) { // sorted by count, then id: the first of the largest wins
        most = fam;
        mostRequests = count;
      }
      if (count < FAMILY_MIN_REQUESTS || count < FAMILY_SHARE * a.requests()) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(2);
      }
      out.add("f:" + fam);
    }
    // like lockstep, a spread is no link for an established verified account: running many benchmark templates at
    // volume is what an evaluation team does
    if (out == null && spread && most != null && spreadRequests >= FAMILY_MIN_REQUESTS
        && spreadRequests >= spreadShare * a.requests()) {
      return new String[] {"f:" + most};
    }
    return out == null ? NO_NODES : out.toArray(NO_NODES);
  }

  private static final String[] NO_NODES = new String[0];

  private static List<String> joined(List<String>[] joinedBy, int account) {
    List<String> l = joinedBy[account];
    return l == null ? List.of() : l;
  }

  /** Links account {@code account} to the node named {@code node}, and records that it joined through it. */
  private static void join(Nodes nodes, List<String>[] joinedBy, int account, String node) {
    nodes.uf.union(account, nodes.id(node));
    if (joinedBy[account] == null) {
      joinedBy[account] = new ArrayList<>(4);
    }
    joinedBy[account].add(node);
  }

  /**
   * Links accounts that send most of their traffic with one client configuration (TLS fingerprint, model, request
   * parameters: {@link io.distillguard.features.InfraKeys#clientConfiguration}) when that configuration is used mostly
   * by accounts that look like harvesters on their own: one harness drives them all, however its prompts are worded.
   * As in density clustering, the configuration's core (accounts of profile {@value #CONFIG_PROFILE} or more) decides
   * whether it is a harness at all, counted against all its owners; once it is, accounts of the harvester floor
   * ({@value #CONFIG_MEMBER_PROFILE}) that send most of their traffic with it join as well (a harness account whose
   * profile is still forming). A configuration most of whose owners look ordinary, or one that sets no parameters at
   * all (a console's or an SDK's defaults), links nothing.
   *
   * <p>The same test runs first one level up, on the configurations' harness ({@link
   * io.distillguard.features.InfraKeys#harness}: TLS fingerprint, temperature and reasoning settings aside), counted
   * against all the harness's owners: an operator who gives each account its own reasoning budget or library version
   * splits one harness into configurations of a few accounts each, too few to link or to weigh as a campaign. Only
   * accounts whose configuration another such account sends most of its traffic with are the harness's candidates:
   * it joins configurations, not a lone customer's own client that happens to set the same output limit. An account
   * linked through its harness is not linked again through its configuration; a harness that customers share links
   * nothing, and its configurations are tested on their own.
   */
  private static void clientConfigurations(KeyedState state, Derived[] accounts, Nodes nodes,
      List<String>[] joinedBy) {
    Map<String, IntList> candidates = new TreeMap<>();
    Map<String, java.util.Set<String>> owners = new HashMap<>(); // owners of the core accounts only
    String[] dominant = new String[accounts.length]; // state key of a candidate's dominant configuration
    for (int i = 0; i < accounts.length; i++) {
      AccountSketch a = accounts[i].sketch;
      double p = accounts[i].linkScore;
      if (a == null || p < CONFIG_MEMBER_PROFILE || a.requests() < CONFIG_MIN_REQUESTS
          || accounts[i].allowlisted || accounts[i].established) {
        continue;
      }
      Map.Entry<String, Long> top = a.clientConfigurations().sorted().stream().findFirst().orElse(null);
      if (top == null || top.getValue() < CONFIG_DOMINANT * a.requests()
          || top.getKey().startsWith(io.distillguard.features.InfraKeys.DEFAULTS)) {
        continue;
      }
      dominant[i] = InfraKey.CLIENT_CONFIG.key(top.getKey());
      candidate(dominant[i], i, p, a, candidates, owners);
    }
    // a harness joins configurations, each shared by harvest-like accounts, not a lone account's own client
    Map<String, IntList> harnessCandidates = new TreeMap<>();
    for (int i = 0; i < accounts.length; i++) {
      String harness = io.distillguard.features.InfraKeys.harness(dominant[i]); // the "cfg:" prefix holds no '.'
      if (harness != null && candidates.get(dominant[i]).size >= 2) {
        candidate(InfraKey.HARNESS.key(harness), i, accounts[i].linkScore, accounts[i].sketch, harnessCandidates,
            owners);
      }
    }
    boolean[] joined = new boolean[accounts.length];
    link(state, harnessCandidates, owners, nodes, joinedBy, joined);
    link(state, candidates, owners, nodes, joinedBy, joined);
  }

  /** Adds account {@code i} to the candidates of a configuration or harness {@code key}, and to its core. */
  private static void candidate(String key, int i, double profile, AccountSketch a, Map<String, IntList> candidates,
      Map<String, java.util.Set<String>> owners) {
    candidates.computeIfAbsent(key, k -> new IntList()).add(i);
    java.util.Set<String> core = owners.computeIfAbsent(key, k -> new java.util.HashSet<>());
    if (profile >= CONFIG_PROFILE) {
      core.add(a.owner());
    }
  }

  /**
   * Joins the candidates of each key whose core has {@value #MIN_GROUP} owners or more and is at least {@value
   * #CONFIG_HARVESTER_SHARE} of the key's owners, except candidates already {@code joined}; marks those it joins.
   */
  private static void link(KeyedState state, Map<String, IntList> candidates,
      Map<String, java.util.Set<String>> owners, Nodes nodes, List<String>[] joinedBy, boolean[] joined) {
    for (Map.Entry<String, IntList> e : candidates.entrySet()) {
      InfraSketch s = state.infra(e.getKey());
      int harvesters = owners.get(e.getKey()).size();
      if (s == null || harvesters < MIN_GROUP || harvesters < CONFIG_HARVESTER_SHARE * s.owners()) {
        continue;
      }
      IntList members = e.getValue();
      for (int k = 0; k < members.size; k++) {
        int m = members.values[k];
        if (!joined[m]) { // an account is a candidate of one key per level
          join(nodes, joinedBy, m, "i:" + e.getKey());
          joined[m] = true;
        }
      }
    }
  }

  /** Link nodes: accounts first (by index), then named nodes numbered as they are met. */
  private static final class Nodes {
    final int accounts;
    final Map<String, Integer> named = new HashMap<>();
    final IntUnionFind uf;

    Nodes(int accounts) {
      this.accounts = accounts;
      this.uf = new IntUnionFind(accounts + 16);
    }

    int id(String name) {
      Integer id = named.get(name);
      if (id == null) {
        id = accounts + named.size();
        named.put(name, id);
        uf.ensure(id + 1);
      }
      return id;
    }
  }

  /**
   * Lockstep on template families (CopyCatch, Beutel et al., WWW 2013, with families as the items): accounts that
   * look like harvesters on their own and send overlapping sets of template families are linked, even when a
   * campaign's composed or paraphrased wordings split its template into many small families that none of its
   * accounts is devoted to. Candidates come from MinHash/LSH over each account's family set; a pair is linked when
   * the weighted Jaccard similarity of their family shares reaches {@value #LOCKSTEP_SIMILARITY}.
   */
  private static void lockstep(Derived[] accounts, Nodes nodes, List<String>[] joinedBy) {
    FamilySet[] sets = new FamilySet[accounts.length];
    LongBuckets buckets = new LongBuckets(accounts.length * 4);
    for (int i = 0; i < accounts.length; i++) {
      FamilySet set = accounts[i].lockstep;
      if (set == FamilySet.NONE) {
        continue;
      }
      sets[i] = set;
      for (int band = 0; band < set.bands.length; band++) {
        buckets.add(set.bands[band], i);
      }
    }
    IntUnionFind pairs = new IntUnionFind(accounts.length);
    for (int b = 0, nb = buckets.groups(); b < nb; b++) {
      int size = buckets.size(b);
      if (size < 2) {
        continue;
      }
      // verify against a few representatives, not all pairs: linear in the bucket size
      int reps = Math.min(LOCKSTEP_REPRESENTATIVES, size);
      for (int r = 0; r < reps; r++) {
        int rep = buckets.value(b, r);
        FamilySet repSet = sets[rep];
        for (int k = 0; k < size; k++) {
          int other = buckets.value(b, k);
          if (other != rep && pairs.find(other) != pairs.find(rep)
              && weightedJaccard(repSet, sets[other]) >= LOCKSTEP_SIMILARITY) {
            pairs.union(rep, other);
          }
        }
      }
    }
    // CopyCatch asks each member to act on the group's items, not on one other member's: keep a member only if its
    // family shares resemble the group's average, so that a pair link cannot chain a different crowd in
    Map<Integer, IntList> groups = new HashMap<>();
    for (int i = 0; i < sets.length; i++) {
      if (sets[i] != null) {
        groups.computeIfAbsent(pairs.find(i), k -> new IntList()).add(i); // members in id order
      }
    }
    for (IntList members : groups.values()) {
      if (members.size < MIN_GROUP) {
        continue;
      }
      TreeMap<Integer, Double> sum = new TreeMap<>();
      for (int k = 0; k < members.size; k++) {
        FamilySet fs = sets[members.values[k]];
        for (int i = 0; i < fs.families.length; i++) {
          sum.merge(fs.families[i], fs.shares[i] / members.size, Double::sum);
        }
      }
      FamilySet centroid = FamilySet.of(sum);
      int anchor = -1;
      for (int k = 0; k < members.size; k++) {
        int m = members.values[k];
        if (weightedJaccard(sets[m], centroid) < LOCKSTEP_CENTROID) {
          continue;
        }
        if (anchor < 0) {
          anchor = m;
        }
        nodes.uf.union(anchor, m);
        markLockstep(joinedBy, m);
      }
    }
  }

  /**
   * An account's lockstep items: the share of its traffic in each family whose users look harvest-like, with LSH
   * band keys over the set; {@link FamilySet#NONE} when the account takes no part in lockstep.
   */
  private static FamilySet familySet(AccountSketch a, double linkScore, boolean allowlisted, boolean established,
      java.util.function.Supplier<Resolved> resolved) {
    if (a == null || a.requests() < LOCKSTEP_MIN_REQUESTS || allowlisted || established) {
      return FamilySet.NONE;
    }
    // a harvester on its own, with a real part of its traffic in templates: sending little but templates is no
    // evidence by itself (a class whose homework questions come from the same public sets as a campaign's does);
    // linkScore is 0 without a profile
    if (linkScore < LOCKSTEP_PROFILE || a.templated() < LOCKSTEP_TEMPLATED * a.requests()) {
      return FamilySet.NONE;
    }
    Resolved r = resolved.get();
    int[] numbers = new int[r.ids.length];
    String[] names = new String[r.ids.length];
    double[] shares = new double[r.ids.length];
    int n = 0;
    for (int i = 0; i < r.ids.length; i++) {
      // only families whose users look harvest-like count: sharing a popular ordinary template is no lockstep,
      // and a reseller's pass-through customers must not pull ordinary accounts into its group
      if (r.counts[i] < Math.max(2, 0.03 * a.requests())) {
        continue;
      }
      String fam = r.ids[i];
      FamilyAssessment fa = r.scores[i];
      if (fa == null || fa.suspicion() < LOCKSTEP_FAMILY_SUSPICION) {
        continue;
      }
      double share = (double) r.counts[i] / a.requests();
      int number = familyNumber(fam);
      int k = 0;
      while (k < n && numbers[k] != number) {
        k++;
      }
      if (k < n) {
        shares[k] += share; // two ids of one family since a merge
      } else {
        numbers[n] = number;
        names[n] = fam;
        shares[n++] = share;
      }
    }
    if (n < 2) {
      return FamilySet.NONE;
    }
    int[] sig = new int[LOCKSTEP_BINS];
    java.util.Arrays.fill(sig, Integer.MAX_VALUE);
    for (int k = 0; k < n; k++) {
      long h = names[k].hashCode() * 0x9E3779B97F4A7C15L;
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
    // families by number
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(order, (x, y) -> Integer.compare(numbers[x], numbers[y]));
    int[] fams = new int[n];
    double[] w = new double[n];
    for (int k = 0; k < n; k++) {
      fams[k] = numbers[order[k]];
      w[k] = shares[order[k]];
    }
    return new FamilySet(fams, w, bands);
  }

  /** The number of a family id {@code tf-<n>} (family ids are always of that form). */
  static int familyNumber(String family) {
    return Integer.parseInt(family, 3, family.length(), 10);
  }

  /** Families (by number, ascending) with a weight each (traffic shares), and LSH band keys over the family set. */
  static final class FamilySet {
    static final FamilySet NONE = new FamilySet(new int[0], new double[0], new long[0]);
    final int[] families;
    final double[] shares;
    final long[] bands;

    FamilySet(int[] families, double[] shares, long[] bands) {
      this.families = families;
      this.shares = shares;
      this.bands = bands;
    }

    static FamilySet of(java.util.SortedMap<Integer, Double> weights) {
      int[] f = new int[weights.size()];
      double[] w = new double[f.length];
      int i = 0;
      for (Map.Entry<Integer, Double> e : weights.entrySet()) {
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

  private static void markLockstep(List<String>[] joinedBy, int account) {
    if (joinedBy[account] == null) {
      joinedBy[account] = new ArrayList<>(4);
    }
    if (!joinedBy[account].contains(LOCKSTEP)) {
      joinedBy[account].add(LOCKSTEP);
    }
  }

  /** Weighted Jaccard similarity of two weighted family sets: sum of minima over sum of maxima (one merge walk). */
  static double weightedJaccard(FamilySet a, FamilySet b) {
    double min = 0;
    double max = 0;
    int i = 0;
    int j = 0;
    int[] fa = a.families;
    int[] fb = b.families;
    while (i < fa.length && j < fb.length) {
      if (fa[i] == fb[j]) {
        min += Math.min(a.shares[i], b.shares[j]);
        max += Math.max(a.shares[i], b.shares[j]);
        i++;
        j++;
      } else if (fa[i] < fb[j]) {
        max += a.shares[i++];
      } else {
        max += b.shares[j++];
      }
    }
    while (i < fa.length) {
      max += a.shares[i++];
    }
    while (j < fb.length) {
      max += b.shares[j++];
    }
    return max == 0 ? 0 : min / max;
  }

  private static void infra(KeyedState state, Nodes nodes, List<String>[] joinedBy, int account,
      InfraLink[] links) {
    for (InfraLink l : links) {
      InfraSketch s = state.infra(l.kind(), l.value());
      if (s == null || s.owners() < 2 || s.owners() > COMMON_INFRA_OWNERS) {
        continue; // one organisation's own card or range links nothing; one shared by crowds is common ground
      }
      join(nodes, joinedBy, account, l.node());
    }
  }

  /**
   * A payment instrument or address range of an account, as its sketch names it ({@code value}), and the node it
   * would join: whether it links depends on who else shares it, which is looked up at each evaluation.
   */
  private record InfraLink(InfraKey kind, String value, String node) {}

  private static final InfraLink[] NO_INFRA = new InfraLink[0];

  /** An account's payment instruments, then its address ranges, each heaviest first. */
  private static InfraLink[] infraLinks(AccountSketch a, boolean ranges) {
    List<Map.Entry<String, Long>> pay = a.payments().sorted();
    List<Map.Entry<String, Long>> ip = ranges ? a.ipRanges().sorted() : List.of();
    if (pay.isEmpty() && ip.isEmpty()) {
      return NO_INFRA;
    }
    InfraLink[] out = new InfraLink[pay.size() + ip.size()];
    int n = 0;
    for (Map.Entry<String, Long> e : pay) {
      out[n++] = new InfraLink(InfraKey.PAYMENT, e.getKey(), "i:" + InfraKey.PAYMENT.key(e.getKey()));
    }
    for (Map.Entry<String, Long> e : ip) {
      out[n++] = new InfraLink(InfraKey.IP_RANGE, e.getKey(), "i:" + InfraKey.IP_RANGE.key(e.getKey()));
    }
    return out;
  }

  /** A growable list of ints. */
  private static final class IntList {
    int[] values = new int[4];
    int size;

    void add(int v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }
  }

  /** Union-find over {@code 0..n-1} with path halving; the smaller index becomes the root. */
  static final class IntUnionFind {
    private int[] parent;

    IntUnionFind(int n) {
      parent = new int[0];
      ensure(n);
    }

    void ensure(int n) {
      int old = parent.length;
      if (n > old) {
        parent = java.util.Arrays.copyOf(parent, Math.max(n, old * 2));
        for (int i = old; i < parent.length; i++) {
          parent[i] = i;
        }
      }
    }

    int find(int n) {
      while (parent[n] != n) {
        parent[n] = parent[parent[n]];
        n = parent[n];
      }
      return n;
    }

    void union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra < rb) {
        parent[rb] = ra;
      } else if (rb < ra) {
        parent[ra] = rb;
      }
    }
  }
}
