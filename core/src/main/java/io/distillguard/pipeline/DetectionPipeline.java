package io.distillguard.pipeline;

import io.distillguard.event.Event;
import io.distillguard.families.FamilyAssignment;
import io.distillguard.families.FamilyNames;
import io.distillguard.families.LateAssignment;
import io.distillguard.families.TemplateFamilies;
import io.distillguard.features.FeatureExtractor;
import io.distillguard.features.RequestFeatures;
import io.distillguard.linking.Campaign;
import io.distillguard.linking.CampaignLinker;
import io.distillguard.linking.LinkedGroup;
import io.distillguard.policy.Allowlist;
import io.distillguard.scoring.AccountAssessment;
import io.distillguard.scoring.AccountScorer;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.CampaignAssessment;
import io.distillguard.scoring.CampaignScorer;
import io.distillguard.scoring.DetectionConfig;
import io.distillguard.scoring.FamilyAssessment;
import io.distillguard.scoring.FamilyLedger;
import io.distillguard.scoring.FamilyScorer;
import io.distillguard.scoring.FamilyUsage;
import io.distillguard.scoring.Reason;
import io.distillguard.scoring.SignalGroup;
import io.distillguard.scoring.Verdict;
import io.distillguard.state.AccountSketch;
import io.distillguard.state.FamilySketch;
import io.distillguard.state.KeyedState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The detection stages wired in order. Feed events in event-time order with {@link #accept} (the reader's ordering
 * stage guarantees it; a late event is accepted and never moves time back); read verdicts with {@link #result}.
 *
 * <pre>
 *   event ─► features ─► template family ─► keyed state (account, family, infrastructure sketches)
 *                                              │  every evaluateEvery of event time:
 *                                              ▼
 *            account profiles ─► family scores (from their users' profiles) ─► account scores ─► linking
 *              ─► campaign scores ─► lifted account scores ─► verdicts (attack needs cross-account evidence;
 *                                                                       allowlist last)
 * </pre>
 *
 * Evaluation runs on a fixed event-time grid: when the first event at or after a grid point arrives, the state as of
 * that point is evaluated before the event is applied. {@code first_flagged_at} is the grid point at which an account
 * first reached {@code attack}. {@link #result} evaluates at the grid point after the newest event, so a run over a
 * log cut at a grid point ends with the verdicts the full run had at that point. Not thread-safe.
 */
public final class DetectionPipeline {

  private final Allowlist allowlist;
  private final DetectionConfig config;
  private final FeatureExtractor extractor;
  private TemplateFamilies families = new TemplateFamilies();
  /** Current family ids, from the merges applied so far (the family stage may run ahead, on another thread). */
  private FamilyNames names = new FamilyNames();
  /** Whether family assignments come from outside ({@link #accept(RequestFeatures, FamilyAssignment)}). */
  private boolean familiesOutside;
  /** Below this own score, campaign membership alone never makes an account {@code attack} (review instead). */
  static final double MEMBER_OWN_FLOOR = 0.3;
  /** Requests a member of an enforced campaign needs of its own before it can be {@code attack}. */
  static final int MEMBER_MIN_REQUESTS = 5;
  private KeyedState state = new KeyedState();
  private final FamilyScorer familyScorer = new FamilyScorer();
  private final AccountScorer accountScorer;
  private final CampaignLinker linker;
  private final CampaignScorer campaignScorer;
  private final long every;
  /** An account reaches attack only with at least this much cross-account evidence. */
  static final double CROSS_ACCOUNT_EVIDENCE = 0.2;
  /** How much of a campaign's score lifts a member joined through templates (less for infrastructure-only). */
  static final double CAMPAIGN_LIFT = 0.9;

  private long streamStart = Long.MIN_VALUE;
  private long nextEvaluation = Long.MIN_VALUE;
  private long watermark = Long.MIN_VALUE;
  private long lastEviction = Long.MIN_VALUE / 2;
  static final long EVICT_EVERY = 86_400_000L;
  private final Map<String, Long> firstFlagged = new HashMap<>();
  private final Map<String, Long> pivotNamedAt = new HashMap<>();
  /** The campaign each account was first enforced in: members of one campaign stay linked. */
  private final Map<String, String> enforcedIn = new HashMap<>();
  /** Time of the newest evaluation ({@link Long#MIN_VALUE}: none yet) and its campaigns. */
  private long lastAt = Long.MIN_VALUE;
  private List<Campaign> lastCampaigns = List.of();
  /** The newest evaluation's verdicts in account order, built when asked for (null: not built yet). */
  private List<AccountVerdict> verdictList;
  /** Accounts with events since the last evaluation: only their own profiles can have changed. */
  private final java.util.Set<String> dirty = new java.util.HashSet<>();
  /** Accounts allowlisted while running (analysts' labels). */
  private final java.util.Set<String> allowedLater = new java.util.HashSet<>();
  private final Map<String, AccountAssessment> profiles = new HashMap<>();
  /** Each account's assessment with family evidence, kept up to date incrementally. */
  private final Map<String, AccountAssessment> base = new HashMap<>();
  /** Current family scores (canonical ids), for families with more than one devoted owner. */
  private final Map<String, FamilyAssessment> familyScores = new HashMap<>();
  private final FamilyLedger ledger = new FamilyLedger();
  /** One-request families the family stage forgot since the last evaluation (their sketches are gone already). */
  private final Set<String> forgottenFamilies = new HashSet<>();
  /** Scored families with events since the last evaluation (and, after a restore, every family). */
  private final Set<String> dirtyFamilies = new HashSet<>();
  /** The assessment and verdict of each account at the last evaluation, reused when nothing about it changed. */
  private final Map<String, AccountAssessment> lastAssessments = new HashMap<>();
  private final Map<String, AccountVerdict> lastVerdicts = new HashMap<>();
  /** The campaign membership each account's last verdict was made with (absent: none). */
  private final Map<String, Membership> lastMemberships = new HashMap<>();

  /**
   * What an account's verdict takes from its campaign: the campaign's id, verdict, score (to 0.01) and the member's
   * tie to it. A verdict is made again only when this or the account's own assessment changed.
   */
  private record Membership(String campaignId, Verdict verdict, double score, double tie, List<String> links) {
    static Membership of(CampaignAssessment ca, String member) {
      return new Membership(ca.campaign().campaignId(), ca.campaign().verdict(),
          Math.round(100 * ca.campaign().score()) / 100.0, ca.memberTies().getOrDefault(member, 0.6),
          ca.linksOf(member));
    }

    /** The links this member joined through, for a reason's detail: at most three named, then how many more. */
    String through() {
      if (links.isEmpty()) {
        return "through links of other members";
      }
      int shown = Math.min(MEMBER_LINKS_SHOWN, links.size());
      String named = String.join(", ", links.subList(0, shown));
      return "through " + named + (links.size() > shown ? " and " + (links.size() - shown) + " more" : "");
    }
  }

  /** How many of a member's links its campaign_member reason names. */
  static final int MEMBER_LINKS_SHOWN = 3;
  private List<String> sortedIds = List.of();
  private long sortedIdsVersion = -1;
  private Consumer<Evaluation> listener;

  /** What one evaluation concluded, at event time {@code at}. */
  public record Evaluation(Instant at, List<AccountVerdict> verdicts, List<Campaign> campaigns) {
    public Evaluation {
      verdicts = List.copyOf(verdicts);
      campaigns = List.copyOf(campaigns);
    }
  }

  public DetectionPipeline(Allowlist allowlist, DetectionConfig config, FeatureExtractor extractor) {
    this.allowlist = allowlist;
    this.config = config;
    this.extractor = extractor;
    this.campaignScorer = new CampaignScorer(config);
    this.accountScorer = new AccountScorer(config::allows);
    this.linker = new CampaignLinker(config.enabled(SignalGroup.FAMILIES), config.enabled(SignalGroup.LOCKSTEP),
        config.enabled(SignalGroup.INFRASTRUCTURE), config.enabled(SignalGroup.CONTENT));
    this.every = config.evaluateEvery().toMillis();
  }

  public DetectionPipeline(Allowlist allowlist) {
    this(allowlist, DetectionConfig.defaults(), FeatureExtractor.withBundledModel());
  }

  /** Receives every grid evaluation as it happens (for alerts, and for tests of time-ordered behaviour). */
  public void onEvaluation(Consumer<Evaluation> listener) {
    this.listener = listener;
  }

  /** Feeds one event. */
  public void accept(Event e) {
    accept(extractor.extract(e));
  }

  /** Feeds one event whose features were already extracted (extraction is stateless and may run in parallel). */
  public void accept(RequestFeatures f) {
    if (familiesOutside) {
      throw new IllegalStateException("this pipeline takes family assignments from outside");
    }
    // evaluations due first: a checkpoint taken in one then holds the family stage as it was before this request
    advance(f.event().ts().toEpochMilli());
    apply(f, families.assignWithChanges(f));
  }

  /**
   * Feeds one event with its template-family assignment made outside, by a {@link TemplateFamilies} stage that sees
   * every event, in this same order (the stage depends on nothing else, so it may run ahead on another thread). A
   * pipeline fed this way takes every event this way, and cannot {@link #checkpoint} (the stage's state is not
   * here).
   */
  public void accept(RequestFeatures f, FamilyAssignment assignment) {
    familiesOutside = true;
    apply(f, assignment);
  }

  /** Runs the evaluations due before an event at {@code ts}. */
  private void advance(long ts) {
    if (streamStart == Long.MIN_VALUE) {
      streamStart = ts;
      nextEvaluation = Math.floorDiv(ts, every) * every + every;
    }
    while (ts >= nextEvaluation) {
      evaluate(nextEvaluation);
      nextEvaluation += every;
    }
  }

  private void apply(RequestFeatures f, FamilyAssignment assignment) {
    long ts = f.event().ts().toEpochMilli();
    advance(ts);
    watermark = Math.max(watermark, ts);
    for (String[] merge : assignment.merges()) {
      names.merged(merge[0], merge[1]);
      state.mergeFamily(merge[0], merge[1]);
      ledger.merge(merge[0], merge[1]);
    }
    for (String gone : assignment.forgotten()) {
      // a one-request family the index forgot: its sketch goes now (bounded memory), its bookkeeping at evaluation
      state.dropFamily(gone);
      forgottenFamilies.add(gone);
    }
    for (LateAssignment late : assignment.late()) {
      String fam = names.canonical(late.family());
      AccountSketch a = state.lateFamily(late.account(), fam, late.taskKey());
      if (a != null) {
        dirty.add(a.accountId());
        usedFamily(fam, a.accountId());
      }
    }
    String canonical = names.canonical(assignment.family());
    // the id as state keys it (one string per account): every map below is keyed by that same instance
    String account = state.update(f, canonical, () -> FeatureExtractor.promptText(f.event().request())).accountId();
    dirty.add(account);
    if (canonical != null) {
      usedFamily(canonical, account);
    }
  }

  /** Notes that {@code account} sent a request of (canonical) family {@code family}, now or, found late, earlier. */
  private void usedFamily(String family, String account) {
    if (familyScores.containsKey(family)) {
      // a scored family's traffic changed: scored again at the next evaluation (a family without a score gets one
      // only when its usage reaches two devoted owners, which the ledger reports)
      dirtyFamilies.add(family);
    }
    ledger.used(family, account);
  }

  /**
   * Treats an account as allowlisted from now on (an analyst's label): it gets verdict {@code allowed} and its
   * traffic no longer counts towards template families' suspicion, from the next evaluation. Call it at the same
   * point of the stream on a replay to reproduce a run.
   */
  public void allow(String accountId) {
    if (allowedLater.add(accountId)) {
      dirty.add(accountId);
    }
  }

  private boolean allowed(String id) {
    if (allowedLater.contains(id)) {
      return true;
    }
    if (allowlist.size() == 0) {
      return false;
    }
    AccountSketch a = state.account(id);
    return allowlist.allows(id, a == null ? null : a.orgId());
  }

  private boolean allowed(String id, String org) {
    return allowlist.allows(id, org) || allowedLater.contains(id);
  }

  /** Event time of the newest event accepted so far ({@link Instant#EPOCH} before the first). */
  public Instant watermark() {
    return watermark == Long.MIN_VALUE ? Instant.EPOCH : Instant.ofEpochMilli(watermark);
  }

  /**
   * The keyed state (account, family and infrastructure sketches) for read-only views. It belongs to the thread
   * that feeds this pipeline: read it only from that thread, between events.
   */
  public KeyedState state() {
    return state;
  }

  /** The current id of a template family that may since have been merged into another (same thread as {@link #state}). */
  public String canonicalFamily(String familyId) {
    return names.canonical(familyId);
  }

  /** Number of distinct accounts in state. */
  public int accountCount() {
    return state.accountCount();
  }

  /** The verdicts and campaigns as of the grid point after the newest event. */
  public ScanResult result() {
    if (streamStart == Long.MIN_VALUE) {
      return new ScanResult(List.of(), List.of(), Instant.EPOCH);
    }
    if (lastAt < nextEvaluation) {
      evaluate(nextEvaluation);
    }
    return new ScanResult(currentVerdicts(), lastCampaigns, watermark());
  }

  private void evaluate(long now) {
    enforcedNow.clear();
    // accounts' own profiles, then how each family is used by them
    // an account's own profile depends on its sketch alone: recompute those that changed, and their share in each
    // family's usage
    Set<String> reassess = new HashSet<>();
    for (String id : dirty) {
      AccountSketch a = state.account(id);
      if (a == null) {
        continue;
      }
      AccountAssessment p = accountScorer.profile(a);
      profiles.put(id, p);
      // distillation under agreement says nothing about who else uses a template
      ledger.update(a, p.score(), AccountScorer.standing(a, p), !allowed(id, a.orgId()), names::canonical);
      reassess.add(id);
    }
    dirty.clear();
    for (String fam : forgottenFamilies) {
      dirtyFamilies.add(fam); // scored again below: without a sketch it has no score
      ledger.forgetFamily(fam);
    }
    forgottenFamilies.clear();
    // families whose usage or traffic changed are scored again; accounts using a family whose score changed are
    // assessed again
    reassess.addAll(ledger.drainMovedUsers()); // their family has another id now
    Set<String> touched = ledger.drainTouched();
    touched.addAll(dirtyFamilies);
    dirtyFamilies.clear();
    for (String id : touched) {
      String fam = names.canonical(id);
      if (!fam.equals(id)) {
        rescore(id, null, reassess); // absorbed by a merge: its users are the surviving family's now
      }
      FamilyUsage u = ledger.usage(fam);
      // merged eagerly on accept: ids here are canonical; most families have one devoted owner and no score
      FamilySketch fs = u != null && u.shared() ? state.family(fam) : null;
      rescore(fam, fs != null ? familyScorer.assess(fs, u) : null, reassess);
    }
    for (String id : reassess) {
      AccountSketch a = state.account(id);
      if (a != null) {
        base.put(id, accountScorer.assess(profiles.get(id), a, familyScores, names::canonical));
      }
    }
    List<LinkedGroup> groups = linker.link(state, profiles, base, familyScores, names::canonical,
        this::allowed, enforcedIn, reassess);
    List<Campaign> campaigns = new ArrayList<>();
    Map<String, CampaignAssessment> campaignOf = new HashMap<>();
    for (LinkedGroup g : groups) {
      CampaignAssessment ca = campaignScorer.score(g, state, profiles, base, familyScores, streamStart);
      Campaign c = ca.campaign();
      if (c.verdict() == Verdict.BENIGN) {
        continue; // a linked group without enough evidence is not reported as a campaign
      }
      if (ca.modelPivot()) {
        pivotNamedAt.putIfAbsent(c.campaignId(), now);
      }
      campaigns.add(c);
      for (String m : c.accounts()) {
        campaignOf.put(m, ca);
      }
    }
    campaigns.sort(Comparator.comparingDouble(Campaign::score).reversed().thenComparing(Campaign::campaignId));

    // a verdict can change only where the account's assessment or its campaign membership did
    Set<String> candidates = new HashSet<>(reassess);
    candidates.addAll(campaignOf.keySet());
    candidates.addAll(lastMemberships.keySet());
    for (String id : candidates) {
      AccountAssessment a = base.get(id);
      if (a == null) {
        continue; // evicted
      }
      CampaignAssessment ca = campaignOf.get(id);
      AccountVerdict previous = lastVerdicts.get(id);
      Membership membership = ca == null ? null : Membership.of(ca, id);
      if (previous != null && lastAssessments.get(id) == a && Objects.equals(lastMemberships.get(id), membership)) {
        continue; // same assessment, same membership: the same verdict (first flag already recorded)
      }
      AccountSketch sketch = state.account(id);
      List<Reason> reasons = new ArrayList<>(a.reasons());
      double score = a.score();
      String campaignId = null;
      if (membership != null) {
        // accounts carry the id of an enforced campaign; a campaign under review is named in the reasons only
        campaignId = membership.verdict() == Verdict.ATTACK ? membership.campaignId() : null;
        double lift = CAMPAIGN_LIFT * membership.score() * membership.tie();
        if (lift > 0.01) {
          // membership of a campaign under review lifts the score but is not enforcement-grade evidence
          String signal = membership.verdict() == Verdict.ATTACK ? "campaign_member" : "review_campaign_member";
          reasons.add(Reason.formatted(signal, lift,
              "linked into campaign %s (%s) of campaign score %.2f %s (their counts and the campaign's evidence"
                  + " are in its campaign record)", membership.campaignId(), membership.verdict().wireName(),
              membership.score(), membership.through()));
          score = 1 - (1 - score) * (1 - lift);
        }
      }
      Verdict v = decide(config, a, score, membership == null ? null : membership.verdict(), reasons);
      if (allowed(id, sketch == null ? null : sketch.orgId())) {
        reasons.add(0, allowlist.allows(id, sketch == null ? null : sketch.orgId())
            ? new Reason("allowlist", 0.0, "account or its organisation is on the allowlist")
            : new Reason("analyst_label", 0.0, "an analyst allowlisted this account or dismissed it as a false positive"));
        v = Verdict.ALLOWED;
      } else if (v == Verdict.ATTACK) {
        firstFlagged.putIfAbsent(id, now);
        if (campaignId != null) {
          // the campaign it is enforced in now: campaigns merge and split as evidence comes and goes, and a member
          // kept by its prior campaign must be kept with the campaign it was last part of, not a long-gone one
          if (enforcedIn.put(id, campaignId) == null) {
            enforcedNow.add(id);
          }
        }
      }
      reasons.sort(Comparator.comparingDouble(Reason::weight).reversed().thenComparing(Reason::signal));
      Long ff = v == Verdict.ALLOWED ? null : firstFlagged.get(id);
      AccountVerdict verdict = new AccountVerdict(id, v, Math.min(1, Math.max(0, score)), campaignId,
          ff == null ? null : Instant.ofEpochMilli(ff), reasons);
      lastVerdicts.put(id, verdict);
      lastAssessments.put(id, a);
      if (membership == null) {
        lastMemberships.remove(id);
      } else {
        lastMemberships.put(id, membership);
      }
    }
    lastAt = now;
    lastCampaigns = withPivotTimes(campaigns);
    verdictList = null;
    if (listener != null) {
      evaluating = now;
      try {
        listener.accept(new Evaluation(Instant.ofEpochMilli(now), currentVerdicts(), lastCampaigns));
      } finally {
        evaluating = Long.MIN_VALUE;
      }
    }
    if (now - lastEviction >= EVICT_EVERY) {
      currentVerdicts(); // this evaluation's verdicts include the accounts evicted now
      if (state.evictIdle(now) > 0) {
        for (java.util.Iterator<String> it = profiles.keySet().iterator(); it.hasNext(); ) {
          String id = it.next();
          if (state.account(id) == null) {
            it.remove();
            base.remove(id);
            ledger.remove(id, names::canonical);
          }
        }
        for (java.util.Iterator<String> it = familyScores.keySet().iterator(); it.hasNext(); ) {
          String fam = it.next();
          if (state.family(fam) == null) {
            it.remove();
            for (String user : ledger.users(fam)) {
              if (state.account(user) != null) {
                dirty.add(user); // assessed again at the next evaluation, without this family's score
              }
            }
            ledger.forgetFamily(fam);
          }
        }
        lastVerdicts.keySet().removeIf(id -> state.account(id) == null);
        lastAssessments.keySet().removeIf(id -> state.account(id) == null);
        lastMemberships.keySet().removeIf(id -> state.account(id) == null);
      }
      lastEviction = now;
    }
  }

  /** The newest evaluation's verdicts, in account id order. */
  private List<AccountVerdict> currentVerdicts() {
    if (verdictList == null) {
      if (sortedIdsVersion != state.accountSetVersion()) {
        List<String> ids = new ArrayList<>(base.keySet());
        ids.sort(null);
        sortedIds = ids;
        sortedIdsVersion = state.accountSetVersion();
      }
      List<AccountVerdict> out = new ArrayList<>(sortedIds.size());
      for (String id : sortedIds) {
        out.add(lastVerdicts.get(id));
      }
      verdictList = List.copyOf(out);
    }
    return verdictList;
  }

  /**
   * Replaces a family's score ({@code null}: none) and, when its suspicion or tell share changed, adds its users to
   * {@code reassess}: an account's assessment reads a family's suspicion, tell share and id only, never its counts.
   */
  private void rescore(String family, FamilyAssessment now, Set<String> reassess) {
    FamilyAssessment before = now == null ? familyScores.remove(family) : familyScores.put(family, now);
    double was = before == null ? 0 : before.suspicion();
    double is = now == null ? 0 : now.suspicion();
    double tellsWere = before == null ? 0 : before.tellShare();
    double tellsAre = now == null ? 0 : now.tellShare();
    if (was != is || tellsWere != tellsAre) {
      // evicted users among them are skipped where the set is used
      reassess.addAll(ledger.users(names.canonical(family)));
    }
  }

  /** Checkpoint format; a checkpoint of another version is refused (the log is replayed instead). */
  public static final int CHECKPOINT_VERSION = 10; // 10: account sketches count the tasks of all requests
  private long evaluating = Long.MIN_VALUE;
  /** Accounts first enforced at the evaluation running now: a checkpoint leaves them out (see checkpoint). */
  private final Set<String> enforcedNow = new HashSet<>();

  /**
   * Writes the state this pipeline had at the evaluation being reported: call it only from the
   * {@link #onEvaluation} listener. {@link #restore} then {@link #resume} give a pipeline that evaluates, and goes on
   * from there, exactly as this one (the derived scores are recomputed, not written: every cache is exact).
   */
  public void checkpoint(java.io.DataOutput out) throws java.io.IOException {
    if (evaluating == Long.MIN_VALUE) {
      throw new IllegalStateException("checkpoint only from the evaluation listener");
    }
    if (familiesOutside) {
      throw new IllegalStateException("no checkpoint of a pipeline fed family assignments from outside");
    }
    out.writeInt(CHECKPOINT_VERSION);
    out.writeLong(evaluating);
    out.writeLong(streamStart);
    out.writeLong(watermark);
    out.writeLong(lastEviction);
    // what this evaluation itself recorded is left out: resume() runs it again on the state it started from
    // (first flags and pivot times recorded now carry the time of this evaluation)
    writeLongs(out, firstFlagged, evaluating);
    writeLongs(out, pivotNamedAt, evaluating);
    Map<String, String> enforced = new java.util.TreeMap<>(enforcedIn);
    enforced.keySet().removeAll(enforcedNow);
    out.writeInt(enforced.size());
    for (Map.Entry<String, String> e : enforced.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
    out.writeInt(allowedLater.size());
    for (String id : new java.util.TreeSet<>(allowedLater)) {
      out.writeUTF(id);
    }
    families.write(out);
    state.write(out);
  }

  /**
   * Loads a checkpoint into this new pipeline (one that has seen no events); call {@link #resume} next. Throws
   * {@link java.io.IOException} for a checkpoint of another format.
   */
  public void restore(java.io.DataInput in) throws java.io.IOException {
    if (streamStart != Long.MIN_VALUE) {
      throw new IllegalStateException("restore into a new pipeline only");
    }
    int v = in.readInt();
    if (v != CHECKPOINT_VERSION) {
      throw new java.io.IOException("checkpoint format " + v + ", expected " + CHECKPOINT_VERSION);
    }
    nextEvaluation = in.readLong();
    streamStart = in.readLong();
    watermark = in.readLong();
    lastEviction = in.readLong();
    readLongs(in, firstFlagged);
    readLongs(in, pivotNamedAt);
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      enforcedIn.put(in.readUTF(), in.readUTF());
    }
    n = in.readInt();
    for (int i = 0; i < n; i++) {
      allowedLater.add(in.readUTF());
    }
    families = TemplateFamilies.read(in);
    names = FamilyNames.of(families);
    state = KeyedState.read(in);
    for (AccountSketch a : state.accounts()) {
      dirty.add(a.accountId());
      // who uses which family: accounts are assessed again when a family they use changes score
      for (Map.Entry<String, Long> e : a.families().sorted()) {
        ledger.used(names.canonical(e.getKey()), a.accountId());
      }
    }
    for (FamilySketch f : state.families()) {
      dirtyFamilies.add(f.familyId());
    }
  }

  /** Runs again the evaluation the restored checkpoint was taken at (reported to the listener), then goes on. */
  public void resume() {
    evaluate(nextEvaluation);
    nextEvaluation += every;
  }

  private static void writeLongs(java.io.DataOutput out, Map<String, Long> m, long except)
      throws java.io.IOException {
    Map<String, Long> kept = new java.util.TreeMap<>(m);
    kept.values().removeIf(v -> v == except);
    out.writeInt(kept.size());
    for (Map.Entry<String, Long> e : kept.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeLong(e.getValue());
    }
  }

  private static void readLongs(java.io.DataInput in, Map<String, Long> m) throws java.io.IOException {
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      m.put(in.readUTF(), in.readLong());
    }
  }

  /**
   * The verdict (before the allowlist) of an account whose own assessment is {@code own} and whose score, lifted by
   * its campaign's, is {@code score}; {@code campaign} is that campaign's verdict ({@code null}: not a member) and
   * {@code reasons} all the account's reasons. {@code attack} needs cross-account evidence, and campaign membership
   * alone never enforces an account that looks ordinary on its own or a member of a campaign under review.
   */
  static Verdict decide(DetectionConfig config, AccountAssessment own, double score, Verdict campaign,
      List<Reason> reasons) {
    // a member of an enforced campaign brings the campaign's volume with it: fewer requests of its own suffice
    Verdict v = config.verdictFor(score, own.requests(),
        campaign == Verdict.ATTACK ? MEMBER_MIN_REQUESTS : config.minAttackRequests());
    if (v == Verdict.ATTACK && campaign != null && own.score() < MEMBER_OWN_FLOOR) {
      // a member that looks ordinary on its own is reviewed, not enforced, on campaign membership alone: a student
      // whose class shares a template with a campaign must not be blocked with it
      v = Verdict.SUSPICIOUS;
    }
    if (v == Verdict.ATTACK && campaign != null && campaign != Verdict.ATTACK
        && config.verdictFor(own.score(), own.requests()) != Verdict.ATTACK) {
      // a campaign under review lifts its members into review, never into enforcement: a class whose students
      // share homework templates is such a group
      v = Verdict.SUSPICIOUS;
    }
    if (v == Verdict.ATTACK && crossAccountEvidence(reasons) < CROSS_ACCOUNT_EVIDENCE) {
      // per-account signals alone never enforce: heavy legitimate users look alike in parts; review instead
      v = Verdict.SUSPICIOUS;
    }
    if (v == Verdict.ATTACK && campaign == null && AccountScorer.harvestTells(own) <= 0) {
      // a family shared with a campaign, and nothing of its own but what it asks for (a tool's capability mix and
      // output limits): what every user of that tool shows; review, never enforce (see CampaignLinker.linkScore)
      v = Verdict.SUSPICIOUS;
    }
    return v;
  }

  /** The strongest cross-account reason: shared suspicious template families or campaign membership. */
  private static double crossAccountEvidence(List<Reason> reasons) {
    double best = 0;
    for (Reason r : reasons) {
      if (r.signal().equals("shared_template_family") || r.signal().equals("campaign_member")) {
        best = Math.max(best, r.weight());
      }
    }
    return best;
  }

  /** Adds to each campaign's model-pivot evidence the event time at which the pivot was first named. */
  private List<Campaign> withPivotTimes(List<Campaign> campaigns) {
    List<Campaign> out = new ArrayList<>(campaigns.size());
    for (Campaign c : campaigns) {
      Long at = pivotNamedAt.get(c.campaignId());
      if (at == null || !c.evidence().containsKey("model_pivot")) {
        out.add(c);
        continue;
      }
      Map<String, List<String>> ev = new HashMap<>(c.evidence());
      List<String> pivot = new ArrayList<>(ev.get("model_pivot"));
      pivot.add("first named at " + Instant.ofEpochMilli(at));
      ev.put("model_pivot", pivot);
      out.add(new Campaign(c.campaignId(), c.verdict(), c.score(), c.accounts(), c.events(), c.firstSeen(),
          c.lastSeen(), c.capabilities(), c.models(), c.reasons(), ev));
    }
    return out;
  }
}
