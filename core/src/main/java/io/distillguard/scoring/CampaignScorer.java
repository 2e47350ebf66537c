package io.distillguard.scoring;

import io.distillguard.features.Capability;
import io.distillguard.linking.Campaign;
import io.distillguard.linking.CampaignLinker;
import io.distillguard.linking.LinkedGroup;
import io.distillguard.state.AccountSketch;
import io.distillguard.state.ActivitySignature;
import io.distillguard.state.FamilySketch;
import io.distillguard.state.KeyedState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a linked group as a campaign: the suspicion of the template families that link it, its members' own
 * scores, its size, and coordination evidence (shared payment fingerprints and IP ranges, accounts created in
 * batches, synchronized activity, a coordinated move to a newly released model). Each contribution is kept as a
 * reason; the evidence lists fingerprints, ranges and truncated example prompts.
 */
public final class CampaignScorer {

  static final long DAY = 86_400_000L;
  static final int SYNC_SAMPLE = 40;
  static final int MIN_LOCKSTEP = 3;
  /** Weight of a payment instrument shared by all members who look like harvesters on their own. */
  static final double PAYMENT_WEIGHT = 0.8;
  /** Weight of a harvesters' client configuration shared by all such members (a harness, weaker than a payer). */
  static final double CONFIGURATION_WEIGHT = 0.6;

  /** How much a member linked through template families, lockstep, a prior campaign or a payer shares in it. */
  static final double FAMILY_TIE = 1.0;
  /** The same for a member linked through client configurations or address ranges only. */
  static final double INFRASTRUCTURE_TIE = 0.6;
  /** The same for a member linked through address ranges only whose own traffic does not ask for reasoning. */
  static final double ADDRESS_TIE = 0.5;
  /** Own reasons that make an address link count in full: the reasoning asked for or reconstructed, a proxy pool. */
  static final java.util.Set<String> ADDRESS_TELLS = java.util.Set.of("cot_elicitation", "reasoning_reconstruction",
      "rotating_addresses");
  /** The weight an {@link #ADDRESS_TELLS} reason needs. */
  static final double ADDRESS_OWN_TELL = 0.1;
  private final DetectionConfig config;

  public CampaignScorer(DetectionConfig config) {
    this.config = config;
  }

  /**
   * Scores a linked group. {@code profiles} are the members' own harvest profiles (without family evidence),
   * {@code base} their assessments with it.
   */
  public CampaignAssessment score(LinkedGroup g, KeyedState state, Map<String, AccountAssessment> profiles,
      Map<String, AccountAssessment> base, Map<String, FamilyAssessment> families, long streamStart) {
    List<String> members = g.accounts();
    int k = members.size();
    // each member's sketch, looked up once (null: evicted)
    AccountSketch[] sketches = new AccountSketch[k];
    for (int i = 0; i < k; i++) {
      sketches[i] = state.account(members.get(i));
    }
    List<Reason> reasons = new ArrayList<>();
    Map<String, List<String>> evidence = new TreeMap<>();

    // family evidence
    double familySuspicion = 0;
    List<String> famEvidence = new ArrayList<>();
    List<Map.Entry<String, Integer>> fams = new ArrayList<>(g.families().entrySet());
    fams.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    int lockstep = g.families().getOrDefault(CampaignLinker.LOCKSTEP, 0);
    for (Map.Entry<String, Integer> e : fams) {
      FamilyAssessment fa = families.get(e.getKey());
      if (fa == null) {
        continue;
      }
      familySuspicion = Math.max(familySuspicion, fa.suspicion());
      if (famEvidence.size() < 5) {
        FamilySketch fs = state.family(e.getKey());
        String example = fs == null || fs.samples().isEmpty() ? "" : " | example: " + fs.samples().get(0);
        famEvidence.add(e.getValue() + " members: " + fa.describe() + example);
      }
    }
    if (!famEvidence.isEmpty()) {
      evidence.put("template_families", famEvidence);
    }
    double size = Rhythm.clamp(Math.log10(k) / 1.5);
    // people who share homework, a popular prompt, a company card or an SDK's settings also look linked; harvesters
    // also look like harvesters one by one, on their own: evidence that members are one operator counts as much as
    // they look like harvesters themselves (their own profiles, not scores borrowed from shared families)
    double meanProfile = members.stream().mapToDouble(m -> {
      AccountAssessment p = profiles.get(m);
      return p != null ? p.score() : 0;
    }).average().orElse(0);
    double profileFactor = Rhythm.clamp(meanProfile / 0.35);
    if (lockstep >= MIN_LOCKSTEP) {
      double share = (double) lockstep / k;
      // lockstep alone is weak for a handful of accounts (a few people pasting the same popular prompts); it is
      // strong for dozens to thousands
      double lockstepSize = Rhythm.clamp(Math.log10(lockstep / 5.0) / 1.3);
      reasons.add(Reason.formatted("lockstep_families", 0.8 * share * lockstepSize * profileFactor,
          "%d of %d members send overlapping sets of template families (weighted Jaccard of family shares >= 0.3);"
              + " members score %.2f on average on their own", lockstep, k, meanProfile));
    }
    if (familySuspicion > 0) {
      reasons.add(Reason.formatted("shared_template_family", 0.8 * familySuspicion * size,
          "%d accounts linked by %d shared template famil%s (strongest suspicion %.2f)", k, fams.size()
              - (lockstep > 0 ? 1 : 0), fams.size() - (lockstep > 0 ? 1 : 0) == 1 ? "y" : "ies", familySuspicion));
    }

    // members' own scores: the mean of the stronger half
    double[] scores = members.stream().mapToDouble(m -> {
      AccountAssessment b = base.get(m);
      return b != null ? b.score() : 0;
    }).sorted().toArray();
    double strongHalf = 0;
    int half = Math.max(1, scores.length / 2);
    for (int i = scores.length - half; i < scores.length; i++) {
      strongHalf += scores[i];
    }
    strongHalf /= half;
    reasons.add(Reason.formatted("member_scores", 0.6 * strongHalf * size,
        "the stronger half of the %d members scores %.2f on average on its own", k, strongHalf));

    // shared infrastructure
    int sharedPayments = 0;
    int sharedNetwork = 0;
    int sharedConfigurations = 0;
    for (Map.Entry<String, Integer> e : g.infrastructure().entrySet()) {
      String key = e.getKey();
      String kind = key.substring(0, key.indexOf(':'));
      String name = switch (kind) {
        case "pay" -> "payment_fingerprints";
        case "ip" -> "ip_ranges";
        case "cfg", "harness" -> "client_configurations";
        default -> "infrastructure";
      };
      List<String> list = evidence.computeIfAbsent(name, x -> new ArrayList<>());
      if (list.size() < 10) {
        // a harness is its configurations without TLS fingerprint, temperature and reasoning settings
        list.add((kind.equals("harness") ? "harness " : "") + key.substring(key.indexOf(':') + 1) + " ("
            + e.getValue() + " members)");
      }
      if (kind.equals("pay")) {
        sharedPayments += e.getValue();
      } else if (kind.equals("cfg") || kind.equals("harness")) {
        sharedConfigurations += e.getValue();
      } else {
        sharedNetwork += e.getValue();
      }
    }
    if (sharedPayments >= 2) {
      double share = Math.min(1, (double) sharedPayments / k);
      // one payer behind many accounts is one operator, as much as one template is
      reasons.add(Reason.formatted("shared_payment", PAYMENT_WEIGHT * share * profileFactor,
          "%d of %d members share a payment fingerprint with another member; members score %.2f on average on"
              + " their own", sharedPayments, k, meanProfile));
    }

    if (sharedNetwork >= 3) {
      double share = Math.min(1, (double) sharedNetwork / k);
      reasons.add(Reason.formatted("shared_infrastructure", 0.2 * share,
          "%d member links through IP ranges or TLS fingerprints shared by few owners (not common infrastructure)",
          sharedNetwork));
    }

    if (sharedConfigurations >= 3) {
      double share = Math.min(1, (double) sharedConfigurations / k);
      reasons.add(Reason.formatted("shared_client_configuration", CONFIGURATION_WEIGHT * share * profileFactor,
          "%d members send most of their traffic with a client configuration (TLS fingerprint, model, request"
              + " parameters) or a harness (the same, TLS fingerprint, temperature and reasoning settings aside) used"
              + " mostly by accounts that look like harvesters on their own; members score %.2f on"
              + " average on their own", sharedConfigurations, meanProfile));
    }

    // aggregate traffic, models, ASNs, creation batches
    long events = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long[] caps = new long[Capability.values().length];
    Map<String, Long> models = new TreeMap<>();
    Map<String, Long> asns = new TreeMap<>();
    Map<String, Long> tlsPrints = new TreeMap<>();
    Map<Long, Integer> createdByDay = new TreeMap<>();
    int withCreated = 0;
    for (AccountSketch a : sketches) {
      if (a == null) {
        continue;
      }
      events += a.requests();
      first = Math.min(first, a.firstSeen());
      last = Math.max(last, a.lastSeen());
      for (Capability c : Capability.values()) {
        caps[c.ordinal()] += a.capability(c);
      }
      a.models().sorted().forEach(e -> models.merge(e.getKey(), e.getValue(), Long::sum));
      a.asns().sorted().forEach(e -> asns.merge(e.getKey(), 1L, Long::sum));
      String tls = a.tlsFingerprints().top();
      if (tls != null) {
        tlsPrints.merge(tls, 1L, Long::sum);
      }
      if (a.createdAt() != Long.MIN_VALUE) {
        withCreated++;
        createdByDay.merge(Math.floorDiv(a.createdAt(), DAY), 1, Integer::sum);
      }
    }
    if (!asns.isEmpty()) {
      List<String> list = new ArrayList<>();
      asns.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
          .forEach(e -> list.add("AS" + e.getKey() + " (" + e.getValue() + " members)"));
      evidence.put("asns", list);
    }
    if (!tlsPrints.isEmpty()) {
      List<String> list = new ArrayList<>();
      tlsPrints.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
          .forEach(e -> list.add(e.getKey() + " (" + e.getValue() + " members)"));
      evidence.put("tls_fingerprints", list);
    }
    if (withCreated >= 5) {
      int largestDay = createdByDay.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      // two adjacent days form one batch
      int largestPair = 0;
      for (Map.Entry<Long, Integer> e : createdByDay.entrySet()) {
        largestPair = Math.max(largestPair, e.getValue() + createdByDay.getOrDefault(e.getKey() + 1, 0));
      }
      double batch = (double) Math.max(largestDay, largestPair) / withCreated;
      if (batch >= 0.3 && createdByDay.size() <= withCreated / 2) {
        reasons.add(Reason.formatted("batch_created", 0.15 * batch,
            "%.0f%% of %d members with a creation date were created within two days of each other (%d distinct"
                + " creation days)", 100 * batch, withCreated, createdByDay.size()));
      }
    }

    // synchronized activity (SynchroTrap-like) over a deterministic sample of members
    List<ActivitySignature> sigs = new ArrayList<>();
    for (AccountSketch a : sketches) {
      if (a != null && a.activity().filledBins() >= 8) {
        sigs.add(a.activity());
        if (sigs.size() == SYNC_SAMPLE) {
          break;
        }
      }
    }
    if (sigs.size() >= 3) {
      double sum = 0;
      int pairs = 0;
      for (int i = 0; i < sigs.size(); i++) {
        for (int j = i + 1; j < sigs.size(); j++) {
          sum += sigs.get(i).similarity(sigs.get(j));
          pairs++;
        }
      }
      double sync = sum / pairs;
      if (sync >= 0.15) {
        // loosely synchronized action sets across many accounts: SynchroTrap's signal of one operator
        reasons.add(Reason.formatted("synchronized_activity", 0.5 * Rhythm.clamp((sync - 0.15) / 0.35) * size,
            "members are active in the same 10-minute windows: mean Jaccard %.2f over %d pairs", sync, pairs));
      }
    }

    // coordinated move to a newly released model
    boolean pivot = false;
    for (Map.Entry<String, Long> m : state.modelsFirstSeen().entrySet()) {
      long released = m.getValue();
      if (released < streamStart + DAY) {
        continue; // already in use when the stream began
      }
      int active = 0;
      int movers = 0;
      for (AccountSketch a : sketches) {
        if (a == null || a.requests() < 10 || a.lastSeen() < released) {
          continue;
        }
        active++;
        long use = a.firstUse(m.getKey());
        if (use != Long.MIN_VALUE && use - released <= DAY) {
          movers++;
        }
      }
      long onModel = models.getOrDefault(m.getKey(), 0L);
      if (active >= 3 && movers * 2 >= active) {
        pivot = true;
        reasons.add(Reason.formatted("model_pivot", 0.15,
            "%d of %d active members began using %s within 24 h of its first appearance (%s); it carries %.0f%% of"
                + " the campaign's requests", movers, active, m.getKey(), Instant.ofEpochMilli(released),
            events == 0 ? 0.0 : 100.0 * onModel / events));
        evidence.put("model_pivot", List.of(m.getKey() + ": " + movers + " of " + active
            + " members moved within 24 h of " + Instant.ofEpochMilli(released)));
      }
    }

    reasons.removeIf(r -> !config.allows(r.signal()));
    reasons.sort(Comparator.comparingDouble(Reason::weight).reversed().thenComparing(Reason::signal));
    double score = AccountScorer.combine(reasons);
    Map<String, Double> capShares = new TreeMap<>();
    if (events > 0) {
      for (Capability c : Capability.values()) {
        if (caps[c.ordinal()] > 0) {
          capShares.put(c.wireName(), (double) caps[c.ordinal()] / events);
        }
      }
    }
    long modelTotal = models.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Double> modelShares = new TreeMap<>();
    for (Map.Entry<String, Long> e : models.entrySet()) {
      modelShares.put(e.getKey(), modelTotal == 0 ? 0 : (double) e.getValue() / modelTotal);
    }
    Map<String, Double> ties = new HashMap<>();
    for (String m : members) {
      ties.put(m, tie(g, m, profiles.get(m)));
    }
    String id = campaignId(g);
    Campaign c = new Campaign(id, config.verdictFor(score, events), score, members, events,
        first == Long.MAX_VALUE ? null : Instant.ofEpochMilli(first),
        last == Long.MIN_VALUE ? null : Instant.ofEpochMilli(last), capShares, modelShares, reasons, evidence);
    return new CampaignAssessment(c, ties, pivot, g.memberLinks());
  }

  /**
   * How much member {@code m} shares in its campaign's score ({@link CampaignAssessment#memberTies}). An address range
   * is what neighbours behind one carrier's ranges and a proxy pool's exits share: a member linked through ranges
   * alone shares in full ({@value #INFRASTRUCTURE_TIE}) only when its own traffic asks for what harvesters harvest or
   * rotates through a proxy pool ({@link #ADDRESS_TELLS}, a reason of {@value #ADDRESS_OWN_TELL} or more). A customer
   * who works late and asks for large budgets from the mobile ranges a campaign's proxy exits are in is lifted to
   * review, not to enforcement.
   */
  private static double tie(LinkedGroup g, String m, AccountAssessment profile) {
    if (g.familyMembers().contains(m)) {
      return FAMILY_TIE;
    }
    List<String> links = g.linksOf(m);
    if (links.isEmpty() || !links.stream().allMatch(l -> l.startsWith("ip:"))) {
      return INFRASTRUCTURE_TIE;
    }
    return AccountScorer.holds(profile, ADDRESS_TELLS, ADDRESS_OWN_TELL) ? INFRASTRUCTURE_TIE : ADDRESS_TIE;
  }

  /** A stable id: from the oldest linking family when there is one, else from the smallest member id. */
  static String campaignId(LinkedGroup g) {
    long best = Long.MAX_VALUE;
    for (String f : g.families().keySet()) {
      if (f.startsWith("tf-")) {
        try {
          best = Math.min(best, Long.parseLong(f.substring(3)));
        } catch (NumberFormatException e) {
          // not a numbered family: ignore
        }
      }
    }
    if (best != Long.MAX_VALUE) {
      return String.format("cmp-f%05d", best);
    }
    return String.format("cmp-a%08x", g.accounts().get(0).hashCode());
  }
}
