package io.distillguard.scoring;

import io.distillguard.event.Tier;
import io.distillguard.features.Capability;
import io.distillguard.state.AccountSketch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Scores one account, in two steps: its own harvest profile ({@link #profile}), then the evidence of the template
 * families it uses ({@link #assess}). Each signal yields a weight and a reason citing its counts; the score is the
 * noisy-or of the positive weights, {@code 1 - prod(1 - w)}, scaled down by legitimacy markers (negative weights). A
 * reseller that passes real customers through is judged by the share of its traffic in suspicious families, not by
 * an average over all of it. Not thread-safe (it caches family descriptions).
 */
public final class AccountScorer {

  private final java.util.function.Predicate<String> allowed;

  /** A scorer with every signal on. */
  public AccountScorer() {
    this(signal -> true);
  }

  /** A scorer that drops reasons whose signal {@code allowed} rejects (see {@link DetectionConfig#allows}). */
  public AccountScorer(java.util.function.Predicate<String> allowed) {
    this.allowed = allowed;
  }

  static final double FAMILY_WEIGHT = 0.9;
  static final double COT_WEIGHT = 0.3;
  static final double RECONSTRUCTION_WEIGHT = 0.35;
  static final double CONCENTRATION_WEIGHT = 0.2;
  /**
   * The share of an account's requests asking in words for the reasoning (or reconstructing it) at which that signal
   * counts in full, once the account has sent {@value #RHYTHM_MIN_REQUESTS} requests: an operator rotates wrappers,
   * and no wording list reads them all, so half of sustained traffic read as plain elicitation is as telling as all
   * of it.
   */
  static final double SHARE_SATURATION = 0.5;
  /** What a request worded at {@link io.distillguard.features.CotSignal#SOME} only counts for in sustained traffic. */
  static final double WORDED_SHARE = 1.0;
  /** Different tasks the elicitation must come from before its share is rounded up (see SHARE_SATURATION). */
  static final int ASKED_TASKS = 8;
  static final double CLOCK_WEIGHT = 0.3;
  static final double BUDGET_WEIGHT = 0.15;
  static final double NEW_ACCOUNT_WEIGHT = 0.15;
  static final double ROTATION_WEIGHT = 0.3;
  static final double HOSTING_WEIGHT = 0.1;
  static final double HUMAN_CYCLE_DAMPING = -0.25;
  /**
   * The weight of address rotation ({@code rotating_addresses}) at which traffic counts as relayed through a proxy
   * pool, and a human daily cycle in it no longer dampens: the cycle is the relay's end users', not one person's.
   */
  public static final double RELAYED = 0.1;
  static final double VERIFIED_DAMPING = -0.4;
  static final int RHYTHM_MIN_REQUESTS = 24;

  /**
   * The account's own harvest profile, without template-family evidence: what it asks for, its rhythm, budgets and
   * age, dampened by legitimacy markers (a clear human daily cycle; a verified enterprise or research account).
   */
  public AccountAssessment profile(AccountSketch a) {
    long n = a.requests();
    List<Reason> reasons = new ArrayList<>();
    if (n == 0) {
      return new AccountAssessment(a.accountId(), 0, 0, reasons);
    }
    // 2. chain-of-thought elicitation and answer-given reconstruction
    boolean content = contentJudgeable(a);
    if (content) {
      // turns of a conversation repeat the prompt that asked: counted by task when they do (askingByTask)
      double byTask = askingByTask(a);
      String tasks = byTask < 1 ? String.format("; counted by task as %.0f%% of it: they come from %d of its %d tasks",
          100 * byTask, a.cotAskedTasks(), a.tasks()) : "";
      double cot = byTask * a.cotHigh() / n;
      double recon = byTask * a.reconstruction() / n;
      // sustained traffic whose text asks for the reasoning, over many tasks, counts in full from half of it (a
      // reasoning budget has its own signal and is not counted twice; an agent run's turns repeat one task); a share
      // of a few requests is too small a sample to round up. Sustained, a request that asks for the reasoning in
      // full in one way only ("write out the complete derivation") counts as well: rare in ordinary traffic, common
      // in a harvester's however its wrappers are worded
      boolean sustained = n >= RHYTHM_MIN_REQUESTS && a.cotAskedTasks() >= ASKED_TASKS;
      double asked = sustained
          ? Math.min(1, (a.cotAsked() + WORDED_SHARE * a.cotWorded()) / (n * SHARE_SATURATION)) : 0;
      // worded requests alone in a few requests show nothing: as a reason of its own that put 55 more ordinary
      // accounts in review over eleven scenario runs and found no harvester more
      if (cot > 0.05 || asked > 0.1) {
        // a request that asks for the reasoning in full in words counts; one high only with its reasoning budget's
        // help counts half, the budget having a signal of its own (budget-helped requests are taken to be the worded
        // ones first: the sketch does not count their overlap)
        double helped = a.cotHigh() - a.cotAsked();
        double plain = byTask
            * (a.cotAsked() + WORDED_SHARE * a.cotWorded() + 0.5 * Math.max(0, helped - a.cotWorded())) / n;
        reasons.add(Reason.formatted("cot_elicitation", COT_WEIGHT * Math.max(plain, asked),
            "%d of %d requests (%.0f%%%s) elicit step-by-step reasoning or reasoning traces, %d of them in words alone;"
                + " %d more ask for some of it in words",
            a.cotHigh(), n, 100.0 * a.cotHigh() / n, tasks, a.cotAsked(), a.cotWorded()));
      }
      if (recon > 0.05) {
        reasons.add(Reason.formatted("reasoning_reconstruction",
            RECONSTRUCTION_WEIGHT * recon,
            "%d of %d requests (%.0f%%%s) give an answer and ask for the reasoning behind it", a.reconstruction(), n,
            100.0 * a.reconstruction() / n, tasks));
      }
    }

    // 3. capability concentration on what distillation harvests
    if (content) {
      double harvest = 1 - (double) a.capability(Capability.GENERAL) / n;
      // a share of few requests is weak evidence: it counts in proportion until 10 requests
      double w = CONCENTRATION_WEIGHT * Rhythm.clamp((harvest - 0.6) / 0.4) * Math.min(1, n / 10.0);
      if (w > 0) {
        reasons.add(Reason.formatted("capability_concentration", w,
            "%.0f%% of %d requests are reasoning, coding, tool use, grading or rewriting (%s)", 100 * harvest, n,
            capabilityMix(a, n)));
      }
    }

    // 7. (first: the rhythm reads it) many address ranges in little traffic: requests rotated through a proxy pool
    long ranges = n < 20 ? 0 : a.distinctIpRanges();
    double rotation = Rhythm.clamp(((double) ranges / n - 0.1) / 0.3) * Rhythm.clamp((ranges - 10) / 20.0);

    // 4. activity around the clock, without a human daily cycle; or a clear human cycle, which dampens, unless the
    // traffic comes through a proxy pool: a relay's daily cycle is its end users', not one person's
    if (n >= RHYTHM_MIN_REQUESTS && a.activeDays() >= 2) {
      double quiet = Rhythm.quietestSixHours(a.hourOfDay());
      double clock = Rhythm.aroundTheClock(a.hourOfDay());
      if (clock > 0) {
        reasons.add(Reason.formatted("no_daily_cycle", CLOCK_WEIGHT * clock,
            "the quietest 6 hours of the day hold %.0f%% of %d requests over %d days (people sleep: under 4%%)",
            100 * quiet, n, a.activeDays()));
      } else if (quiet < 0.02 && ROTATION_WEIGHT * rotation < RELAYED) {
        reasons.add(Reason.formatted("human_daily_cycle", HUMAN_CYCLE_DAMPING,
            "the quietest 6 hours of the day hold %.1f%% of %d requests over %d days: a human daily cycle",
            100 * quiet, n, a.activeDays()));
      }
    }

    // 5. maximal reasoning budgets and output limits
    if (n >= 10) {
      double big = (double) Math.max(a.largeReasoningBudget(), a.largeMaxTokens()) / n;
      if (big > 0.5) {
        reasons.add(Reason.formatted("maximal_budgets", BUDGET_WEIGHT * big,
            "%.0f%% of %d requests ask for a reasoning budget or output limit of 16k tokens or more", 100 * big,
            n));
      }
    }

    // 6. a new account that starts at full throughput
    if (a.createdAt() != Long.MIN_VALUE && a.firstSeen() - a.createdAt() < 7 * 86_400_000L) {
      double perDay = (double) n / Math.max(1, a.activeDays());
      if (perDay >= 100) {
        reasons.add(Reason.formatted("new_account_full_throughput", NEW_ACCOUNT_WEIGHT,
            "created %.1f days before its first request and averaging %.0f requests per active day",
            (a.firstSeen() - a.createdAt()) / 86_400_000.0, perDay));
      }
    }

    // 7. many address ranges in little traffic: requests rotated through a proxy pool (a "hydra" reseller)
    if (rotation > 0) {
      reasons.add(Reason.formatted("rotating_addresses", ROTATION_WEIGHT * rotation,
          "%d requests came from %d distinct IP ranges (/24): addresses rotated through a proxy pool", n, ranges));
    }

    // 8. sent from servers: most requests straight from hosting or cloud compute networks
    if (n >= 5) {
      double hosted = (double) a.fromHosting() / n;
      if (hosted >= 0.5) {
        reasons.add(Reason.formatted("hosting_network", HOSTING_WEIGHT * hosted,
            "%.0f%% of %d requests came straight from hosting or cloud compute networks (servers, not homes or"
                + " offices)", 100 * hosted, n));
      }
    }

    // 9. a verified enterprise or research account of some age: the pathways abused are new, unverified ones
    if (Boolean.TRUE.equals(a.verified()) && a.tier() != null
        && (a.tier() == Tier.ENTERPRISE || a.tier() == Tier.RESEARCH)
        && a.createdAt() != Long.MIN_VALUE && a.firstSeen() - a.createdAt() > 30 * 86_400_000L) {
      reasons.add(Reason.formatted("established_verified_account", VERIFIED_DAMPING,
          "verified %s account created %.0f days before its first request here", a.tier().wireName(),
          (a.firstSeen() - a.createdAt()) / 86_400_000.0));
    }

    return finish(a.accountId(), n, reasons);
  }

  /**
   * Whether the shares of what an account asks for (elicitation, reconstruction, capability mix) say something: five
   * requests, from more than one task, or else as many requests as a rhythm needs. The turns of one agent run or
   * conversation repeat its task (system prompt and first message), so nine turns of one coding task are one sample:
   * a developer whose one task happened to ask for the reasoning is not a reasoning harvester.
   */
  static boolean contentJudgeable(AccountSketch a) {
    return a.requests() >= 5 && (a.severalTasks() || a.requests() >= RHYTHM_MIN_REQUESTS);
  }

  /**
   * Adds template-family evidence to an account's profile: its traffic share in each family times its suspicion,
   * and, for an account that shows no harvest tell of its own, times the share of the family's devoted accounts that
   * show one ({@link FamilyAssessment#tellShare}): a campaign that rides a popular template makes it suspicious, and
   * its ordinary users must not inherit that; and squared, unless its requests hop between the campaign's wrappers
   * ({@link #hopsBetweenWrappers}). Returns {@code profile} itself when the account has no such evidence.
   */
  public AccountAssessment assess(AccountAssessment profile, AccountSketch a, Map<String, FamilyAssessment> families,
      UnaryOperator<String> canonicalFamily) {
    long n = a.requests();
    if (n == 0) {
      return profile;
    }
    double familyShare = 0;
    FamilyAssessment strongest = null;
    long strongestCount = 0;
    double strongestContribution = 0;
    boolean ownTells = harvestTells(profile) > 0;
    for (Map.Entry<String, Long> e : a.families().sorted()) {
      FamilyAssessment fa = families.get(canonicalFamily.apply(e.getKey()));
      if (fa == null || fa.suspicion() <= 0) {
        continue;
      }
      // an account that shows no tell of its own is like the family's devoted users in proportion to how many of them
      // show none either
      double contribution = (double) e.getValue() / n * fa.suspicion() * (ownTells ? 1 : fa.tellShare());
      familyShare += contribution;
      if (contribution > strongestContribution) {
        strongest = fa;
        strongestCount = e.getValue();
        strongestContribution = contribution;
      }
    }
    // the turns of one conversation repeat its task: when an account's templated requests come from a smaller share
    // of its tasks than of its requests (a conversation quoting a campaign's question, turn after turn), its share
    // is counted by task
    double byTask = byTask(a);
    familyShare *= byTask;
    if (familyShare <= 0.01) {
      return profile; // no family evidence: the profile itself (callers may compare by identity)
    }
    List<Reason> reasons = new ArrayList<>(profile.reasons());
    {
      // an account that shows no tell of its own is suspect only by association: squared, so that sharing a
      // template with a campaign in part of its traffic (a student's homework phrasing, a pasted benchmark question)
      // weighs little, and sending little else still weighs much; unless its requests hop between several of a
      // campaign's wrappers, which no coincidence explains
      double share = Math.min(1, familyShare);
      Wrappers wrappers = ownTells ? Wrappers.NONE : wrappers(a, families, canonicalFamily);
      boolean hops = wrappers.hopped(a);
      double w = FAMILY_WEIGHT * (ownTells || hops ? share : share * share);
      String how = ownTells ? ""
          : String.format(" and, as it shows no harvest tell of its own, by the share of each family's devoted"
              + " accounts that show one (%.0f%% for the strongest), %s", 100 * strongest.tellShare(), hops
              ? String.format("in full as %d of its requests from %d or more tasks hop between %d campaign-like"
                  + " families (suspicion %.2f+, %.0f%%+ of their devoted accounts with a tell)", wrappers.requests(),
                  a.templatedTasks(), wrappers.families(), WRAPPER_SUSPICION, 100 * WRAPPER_TELL_SHARE)
              : "then squared");
      String tasks = byTask < 1 ? String.format(", counted by task (its templated requests come from %d of its %d"
          + " tasks)", a.templatedTasks(), a.tasks()) : "";
      reasons.add(Reason.formatted("shared_template_family", w,
          "%.0f%% of this account's %d requests weighted by family suspicion%s%s; strongest: %d requests in template"
              + " family %s (suspicion %.2f)",
          100 * familyShare, n, tasks, how, strongestCount, strongest.familyId(), strongest.suspicion()));
    }
    return finish(a.accountId(), n, reasons);
  }

  /** Templated requests per templated task from which an account's templated requests count as repeating turns. */
  static final int TURNS = 2;

  /**
   * The factor (at most 1) by which an account's family shares are scaled down when its templated requests repeat
   * their tasks ({@value #TURNS} or more requests per task: turns of conversations) and come from a smaller share of
   * its tasks than of its requests: the share of its tasks that are templated over the share of its requests. 1 for
   * an account whose templated requests are each their own task, and for one of many tasks (the task sets are 64
   * buckets: they fill up).
   */
  static double byTask(AccountSketch a) {
    return byTask(a.templated(), a.templatedTasks(), a);
  }

  /**
   * As {@link #byTask(AccountSketch)} for the requests that ask in words for the reasoning or reconstruct it (at least
   * the larger of the two counts: the sketch does not count their overlap): four turns of one conversation about a
   * prompt that asks for the reasoning behind answers are one sample of what the account asks for, not four.
   */
  static double askingByTask(AccountSketch a) {
    return byTask(Math.max(a.cotAsked() + a.cotWorded(), a.reconstruction()), a.cotAskedTasks(), a);
  }

  private static double byTask(long some, int someTasks, AccountSketch a) {
    if (some == 0 || some < TURNS * someTasks || a.tasks() == 0) {
      return 1; // those requests do not repeat their tasks (the buckets' collisions are no reason to scale)
    }
    double requestShare = (double) some / a.requests();
    double taskShare = (double) someTasks / a.tasks();
    return Math.min(1, taskShare / requestShare);
  }

  /**
   * A family counts as one of a campaign's wrappers, for {@link #hopsBetweenWrappers}, at this suspicion (the
   * linker's family floor) and with at least {@value #WRAPPER_TELL_SHARE} of its devoted accounts showing a harvest
   * tell of their own ({@link FamilyAssessment#tellShare}): templates that ordinary users also devote themselves to
   * (a popular tool's system prompt, a benchmark's format) stay under it even when a campaign rides them.
   */
  static final double WRAPPER_SUSPICION = 0.4;
  static final double WRAPPER_TELL_SHARE = 0.8;
  /** Distinct wrapper families, and distinct tasks, an account must hop between. */
  static final int HOP_FAMILIES = 3;
  /** The share of an account's requests those families must hold together. */
  static final double HOP_SHARE = 0.5;

  /** How many distinct wrapper families an account uses, and its requests in them. */
  private record Wrappers(int families, long requests) {
    static final Wrappers NONE = new Wrappers(0, 0);

    boolean hopped(AccountSketch a) {
      return families >= HOP_FAMILIES && requests >= HOP_SHARE * a.requests() && a.templatedTasks() >= HOP_FAMILIES;
    }
  }

  /** An account's wrapper families ({@link Wrappers#NONE} when too little of its traffic could hop between them). */
  private static Wrappers wrappers(AccountSketch a, Map<String, FamilyAssessment> families,
      UnaryOperator<String> canonicalFamily) {
    if (a.templated() < HOP_SHARE * a.requests() || a.templatedTasks() < HOP_FAMILIES) {
      return Wrappers.NONE; // cheap checks first: most accounts fail them
    }
    java.util.Set<String> ids = new java.util.HashSet<>(4);
    long in = 0;
    for (Map.Entry<String, Long> e : a.families().sorted()) {
      FamilyAssessment fa = families.get(canonicalFamily.apply(e.getKey()));
      if (fa != null && fa.suspicion() >= WRAPPER_SUSPICION && fa.tellShare() >= WRAPPER_TELL_SHARE) {
        ids.add(fa.familyId());
        in += e.getValue();
      }
    }
    return new Wrappers(ids.size(), in);
  }

  /**
   * Whether an account's requests hop between a campaign's wrappers: {@value #HOP_SHARE} of them or more in
   * {@value #HOP_FAMILIES} or more distinct wrapper families (see {@link #WRAPPER_SUSPICION}), from as many tasks or
   * more. An operator rotates wrappers request by request, and an account it runs at a few requests a day may never
   * send one the wording lists read; a customer who happens to share a template with a campaign (a student's homework
   * phrasing, a conversation quoting a benchmark question, a tool's system prompt) shares one or two, or sends them
   * as turns of one conversation. Such an account's family evidence counts in full, and template families link it
   * into campaigns, although it shows no harvest tell of its own.
   */
  public static boolean hopsBetweenWrappers(AccountSketch a, Map<String, FamilyAssessment> families,
      UnaryOperator<String> canonicalFamily) {
    return wrappers(a, families, canonicalFamily).hopped(a);
  }

  /** Whether an assessment (null: none) holds a reason of one of {@code signals} weighing {@code minWeight} or more. */
  public static boolean holds(AccountAssessment a, java.util.Set<String> signals, double minWeight) {
    if (a == null) {
      return false;
    }
    for (Reason r : a.reasons()) {
      if (r.weight() >= minWeight && signals.contains(r.signal())) {
        return true;
      }
    }
    return false;
  }

  /** The weight of an assessment's shared-family evidence ({@code shared_template_family}), 0 when it has none. */
  public static double familyEvidence(AccountAssessment a) {
    if (a == null) {
      return 0;
    }
    for (Reason r : a.reasons()) {
      if (r.signal().equals("shared_template_family")) {
        return r.weight();
      }
    }
    return 0;
  }

  /**
   * The signals that are no harvest tell of an account's own: what it asks for, which ordinary users of a coding or
   * agent tool share, and the families it shares with others (evidence about the family, not about the account).
   */
  private static final java.util.Set<String> NOT_OWN_TELLS = java.util.Set.of("capability_concentration",
      "maximal_budgets", "shared_template_family");

  /**
   * An account's profile or assessment without the signals about what it asks for (capability concentration, large
   * output limits and reasoning budgets) and without shared-family evidence: how it behaves (rhythm, age, addresses)
   * and whether it elicits reasoning. Every developer who runs a coding agent sends nothing but tool-using code
   * requests with large output limits; what sets a harvester apart is the rest.
   */
  public static double harvestTells(AccountAssessment profile) {
    return combine(profile.reasons(), signal -> !NOT_OWN_TELLS.contains(signal));
  }

  /**
   * What an account's own behaviour says, for the families it devotes itself to: a harvest tell ({@link
   * #harvestTells} above 0), or none after enough traffic to judge its rhythm ({@value #RHYTHM_MIN_REQUESTS}
   * requests on 2 days or more), or too early to say.
   */
  public static FamilyUsage.Standing standing(AccountSketch a, AccountAssessment profile) {
    if (harvestTells(profile) > 0) {
      return FamilyUsage.Standing.TELLS;
    }
    return a.requests() >= RHYTHM_MIN_REQUESTS && a.activeDays() >= 2
        ? FamilyUsage.Standing.CLEAR
        : FamilyUsage.Standing.UNJUDGED;
  }

  private AccountAssessment finish(String id, long n, List<Reason> reasons) {
    reasons.removeIf(r -> !allowed.test(r.signal()));
    reasons.sort(Comparator.comparingDouble(Reason::weight).reversed().thenComparing(Reason::signal));
    return new AccountAssessment(id, combine(reasons), n, reasons);
  }

  /** Noisy-or of the positive weights, then each negative weight (a legitimacy marker) scales the result down. */
  static double combine(List<Reason> reasons) {
    return combine(reasons, signal -> true);
  }

  /** {@link #combine(List)} of the reasons whose signal {@code counted} accepts. */
  private static double combine(List<Reason> reasons, java.util.function.Predicate<String> counted) {
    double keep = 1;
    double damp = 1;
    for (Reason r : reasons) {
      if (!counted.test(r.signal())) {
        continue;
      }
      if (r.weight() >= 0) {
        keep *= 1 - Math.min(0.999, r.weight());
      } else {
        damp *= 1 + Math.max(-0.999, r.weight());
      }
    }
    return (1 - keep) * damp;
  }

  private static String capabilityMix(AccountSketch a, long n) {
    StringBuilder sb = new StringBuilder();
    for (Capability c : Capability.values()) {
      long k = a.capability(c);
      if (k > 0) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(c.wireName()).append(' ').append(Math.round(100.0 * k / n)).append('%');
      }
    }
    return sb.toString();
  }
}
