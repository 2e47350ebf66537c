package io.distillguard.eval;

import io.distillguard.scoring.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link Evaluator} measured about one run, as numbers: counts are kept beside every ratio so that a reader
 * can tell a vacuous ratio from a measured one. A ratio whose denominator is zero takes its best value (1.0 for
 * precision, recall and grouping; 0.0 for error rates and shares of wrong accounts), so no ratio is ever NaN.
 * Lists are in a stable order (see {@link Evaluator}).
 *
 * @param verdictsByClass how many accounts of each label class got each verdict (a missing verdict counts as benign)
 * @param notes facts a reader should know before trusting the numbers, e.g. "no scenario: family = group"
 */
public record EvalReport(
    Inputs inputs,
    Coverage coverage,
    Confusion attackLevel,
    Confusion flaggedLevel,
    Map<LabelClass, Map<Verdict, Integer>> verdictsByClass,
    List<Family> families,
    List<Campaign> campaigns,
    List<Persona> personas,
    Allowlist allowlist,
    Detected detected,
    List<Target> targets,
    List<String> notes) {

  public EvalReport {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(attackLevel, "attackLevel");
    Objects.requireNonNull(flaggedLevel, "flaggedLevel");
    Objects.requireNonNull(allowlist, "allowlist");
    Objects.requireNonNull(detected, "detected");
    EnumMap<LabelClass, Map<Verdict, Integer>> copy = new EnumMap<>(LabelClass.class);
    for (LabelClass c : LabelClass.values()) {
      Map<Verdict, Integer> row = verdictsByClass.get(c);
      EnumMap<Verdict, Integer> rowCopy = new EnumMap<>(Verdict.class);
      for (Verdict v : Verdict.values()) {
        Integer n = row == null ? null : row.get(v);
        rowCopy.put(v, n == null ? 0 : n);
      }
      copy.put(c, Collections.unmodifiableMap(rowCopy));
    }
    verdictsByClass = Collections.unmodifiableMap(copy);
    families = List.copyOf(families);
    campaigns = List.copyOf(campaigns);
    personas = List.copyOf(personas);
    targets = List.copyOf(targets);
    notes = List.copyOf(notes);
  }

  /** How many accounts labelled {@code c} got verdict {@code v}. */
  public int count(LabelClass c, Verdict v) {
    return verdictsByClass.get(c).get(v);
  }

  /** Whether every target line passes. */
  public boolean allTargetsPass() {
    return targets.stream().allMatch(Target::pass);
  }

  /** {@code num / den}, or {@code whenEmpty} when {@code den} is zero. */
  static double ratio(long num, long den, double whenEmpty) {
    return den == 0 ? whenEmpty : (double) num / den;
  }

  private static void nonNegative(String name, long n) {
    if (n < 0) {
      throw new IllegalArgumentException(name + " < 0: " + n);
    }
  }

  /** Where the inputs came from; {@code seed} and {@code scale} are the scenario's, {@code null} without one. */
  public record Inputs(String labels, String verdicts, boolean scenario, Long seed, Double scale) {
    public Inputs {
      Objects.requireNonNull(labels, "labels");
      Objects.requireNonNull(verdicts, "verdicts");
    }
  }

  /**
   * How the two files matched up. A labelled account without a verdict is evaluated as {@code benign}; a verdict for an
   * unlabelled account is ignored. Samples hold up to 10 ids, sorted.
   */
  public record Coverage(
      int labelledAccounts,
      int verdictAccounts,
      int missingVerdicts,
      List<String> missingSample,
      int unknownAccounts,
      List<String> unknownSample,
      int duplicateLabelLines,
      int duplicateVerdictLines) {
    public Coverage {
      nonNegative("labelledAccounts", labelledAccounts);
      nonNegative("verdictAccounts", verdictAccounts);
      nonNegative("missingVerdicts", missingVerdicts);
      nonNegative("unknownAccounts", unknownAccounts);
      nonNegative("duplicateLabelLines", duplicateLabelLines);
      nonNegative("duplicateVerdictLines", duplicateVerdictLines);
      missingSample = List.copyOf(missingSample);
      unknownSample = List.copyOf(unknownSample);
    }
  }

  /**
   * An account-level confusion matrix over every labelled account: positive means labelled attack. With no predicted
   * positives precision is 1.0, with no actual positives recall is 1.0, and F1 is 0.0 when both are zero.
   */
  public record Confusion(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
    public Confusion {
      nonNegative("truePositives", truePositives);
      nonNegative("falsePositives", falsePositives);
      nonNegative("falseNegatives", falseNegatives);
      nonNegative("trueNegatives", trueNegatives);
    }

    public double precision() {
      return ratio(truePositives, (long) truePositives + falsePositives, 1.0);
    }

    public double recall() {
      return ratio(truePositives, (long) truePositives + falseNegatives, 1.0);
    }

    /** The harmonic mean of precision and recall. */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
    }

    public int total() {
      return truePositives + falsePositives + falseNegatives + trueNegatives;
    }
  }

  /**
   * Time from a campaign's start to the moments its accounts first reached {@code attack} ({@code first_flagged_at}),
   * over the accounts that ever did. Quantiles are nearest-rank (the median of an even count is the lower middle
   * value), so each is an observed time. All three are {@code null} when {@code flagged} is 0.
   */
  public record FirstFlag(int flagged, Duration earliest, Duration median, Duration p90) {
    public FirstFlag {
      nonNegative("flagged", flagged);
      boolean timed = earliest != null && median != null && p90 != null;
      boolean untimed = earliest == null && median == null && p90 == null;
      if (flagged > 0 ? !timed : !untimed) {
        throw new IllegalArgumentException("times must be given exactly when flagged > 0");
      }
    }
  }

  /**
   * One campaign (label group of class attack). {@code family}, {@code pace} and {@code start} come from the
   * scenario: without it the family is the group's name and the others are {@code null}; {@code firstFlag} is
   * {@code null} when {@code start} is. {@code fromFirstRequest} times each flagged account from its own first request
   * (or the campaign's start, if later): how long an account harvests before it is caught, whenever it joined; it is
   * {@code null} when the labels do not give every flagged account's first request time.
   */
  public record Campaign(
      String name,
      String family,
      Pace pace,
      Instant start,
      int accounts,
      int attack,
      int suspicious,
      FirstFlag firstFlag,
      FirstFlag fromFirstRequest) {

    /** A campaign without per-account times. */
    public Campaign(String name, String family, Pace pace, Instant start, int accounts, int attack, int suspicious,
        FirstFlag firstFlag) {
      this(name, family, pace, start, accounts, attack, suspicious, firstFlag, null);
    }

    public Campaign {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(family, "family");
      nonNegative("accounts", accounts);
      nonNegative("attack", attack);
      nonNegative("suspicious", suspicious);
      if (attack + suspicious > accounts) {
        throw new IllegalArgumentException("attack + suspicious > accounts");
      }
    }

    /** Share of the campaign's accounts with verdict attack. */
    public double recall() {
      return ratio(attack, accounts, 1.0);
    }
  }

  /**
   * How a family's attack-verdict accounts were linked: {@code topCampaignId} is the most common non-null {@code
   * campaign_id} among them (ties to the smallest id), {@code null} when none has one.
   */
  public record Grouping(int attackAccounts, String topCampaignId, int topCampaignAccounts) {
    public Grouping {
      nonNegative("attackAccounts", attackAccounts);
      nonNegative("topCampaignAccounts", topCampaignAccounts);
      if (topCampaignAccounts > attackAccounts) {
        throw new IllegalArgumentException("topCampaignAccounts > attackAccounts");
      }
    }

    /** Share of the attack accounts in the top campaign; accounts without a campaign count as not grouped. */
    public double share() {
      return ratio(topCampaignAccounts, attackAccounts, 1.0);
    }
  }

  /**
   * A campaign family: its campaigns pooled. {@code pace} is {@code null} when unknown for any of its campaigns or
   * when they differ; {@code firstFlag} is {@code null} when any campaign's start is unknown. {@code medianFloor} is
   * the lowest median time to first flag any detector could reach for the same flagged accounts: the nearest-rank
   * median of each one's first request (or its campaign's start, if later) minus the start. A campaign whose
   * accounts join over days cannot be caught, as a whole, sooner than they arrive. {@code null} when the labels do
   * not give every flagged account's first request time (or a start is unknown).
   */
  public record Family(
      String name,
      List<String> campaigns,
      Pace pace,
      int accounts,
      int attack,
      int suspicious,
      FirstFlag firstFlag,
      Grouping grouping,
      Duration medianFloor) {

    /** A family without per-account arrival times. */
    public Family(String name, List<String> campaigns, Pace pace, int accounts, int attack, int suspicious,
        FirstFlag firstFlag, Grouping grouping) {
      this(name, campaigns, pace, accounts, attack, suspicious, firstFlag, grouping, null);
    }

    public Family {
      Objects.requireNonNull(name, "name");
      campaigns = List.copyOf(campaigns);
      nonNegative("accounts", accounts);
      nonNegative("attack", attack);
      nonNegative("suspicious", suspicious);
      Objects.requireNonNull(grouping, "grouping");
    }

    /** Share of the family's accounts with verdict attack. */
    public double recall() {
      return ratio(attack, accounts, 1.0);
    }
  }

  /**
   * One benign persona (label group of class benign). {@code hardNegative} is the scenario's mark (false without
   * one): a population built to look like an attack in part. {@code everAttack} counts accounts with a
   * {@code first_flagged_at}, whatever their final verdict: accounts a live deployment enforced at some point.
   */
  public record Persona(String name, boolean hardNegative, int accounts, int attack, int suspicious, int everAttack) {
    public Persona {
      Objects.requireNonNull(name, "name");
      nonNegative("accounts", accounts);
      nonNegative("attack", attack);
      nonNegative("suspicious", suspicious);
      nonNegative("everAttack", everAttack);
    }

    public Persona(String name, boolean hardNegative, int accounts, int attack, int suspicious) {
      this(name, hardNegative, accounts, attack, suspicious, attack);
    }

    /** Share of the persona's accounts with verdict attack. */
    public double attackRate() {
      return ratio(attack, accounts, 0.0);
    }

    /** Share of the persona's accounts with verdict suspicious. */
    public double suspiciousRate() {
      return ratio(suspicious, accounts, 0.0);
    }
  }

  /**
   * Whether the allowlist held: every account labelled allowed should have verdict allowed; a violation is one that
   * did not (up to 10 ids sampled, sorted). {@code allowedVerdictOnOthers} counts verdict allowed on accounts not
   * labelled allowed.
   */
  public record Allowlist(
      int allowedAccounts, int violations, List<String> violationSample, int allowedVerdictOnOthers) {
    public Allowlist {
      nonNegative("allowedAccounts", allowedAccounts);
      nonNegative("violations", violations);
      nonNegative("allowedVerdictOnOthers", allowedVerdictOnOthers);
      if (violations > allowedAccounts) {
        throw new IllegalArgumentException("violations > allowedAccounts");
      }
      violationSample = List.copyOf(violationSample);
    }
  }

  /**
   * One detected campaign (a distinct non-null {@code campaign_id}) and who is in it: its labelled members whatever
   * their verdict, and the label group most of them share (ties to the smallest name).
   */
  public record DetectedCampaign(
      String campaignId,
      int members,
      int attackVerdicts,
      int benignOrAllowedMembers,
      String dominantGroup,
      LabelClass dominantClass,
      int dominantGroupMembers) {
    public DetectedCampaign {
      Objects.requireNonNull(campaignId, "campaignId");
      Objects.requireNonNull(dominantGroup, "dominantGroup");
      Objects.requireNonNull(dominantClass, "dominantClass");
      if (members <= 0 || dominantGroupMembers <= 0 || dominantGroupMembers > members) {
        throw new IllegalArgumentException("need 0 < dominantGroupMembers <= members");
      }
      nonNegative("attackVerdicts", attackVerdicts);
      nonNegative("benignOrAllowedMembers", benignOrAllowedMembers);
    }

    /** Share of the members in the dominant group. */
    public double dominantShare() {
      return ratio(dominantGroupMembers, members, 1.0);
    }
  }

  /** All detected campaigns: how many, their labelled members, and how many of those are benign or allowed. */
  public record Detected(
      int campaigns, int members, int benignOrAllowedMembers, List<DetectedCampaign> byCampaign) {
    public Detected {
      nonNegative("campaigns", campaigns);
      nonNegative("members", members);
      nonNegative("benignOrAllowedMembers", benignOrAllowedMembers);
      byCampaign = List.copyOf(byCampaign);
      if (byCampaign.size() != campaigns) {
        throw new IllegalArgumentException("campaigns != byCampaign.size()");
      }
    }

    /** Share of detected-campaign members labelled benign or allowed. */
    public double benignOrAllowedShare() {
      return ratio(benignOrAllowedMembers, members, 0.0);
    }
  }

  /** How a target compares a value with its threshold. */
  public enum Comparison {
    AT_LEAST(">="),
    AT_MOST("<=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public boolean holds(double value, double threshold) {
      return this == AT_LEAST ? value >= threshold : value <= threshold;
    }
  }

  /** The unit of a target's value and threshold. */
  public enum Unit {
    /** A share in [0, 1], shown as a percentage. */
    RATIO,
    HOURS,
    ACCOUNTS
  }

  /**
   * One checked target. {@code value} is {@code null} when there was nothing to measure that should have been there
   * (a family none of whose accounts was ever flagged has no time to first flag); such a line fails.
   */
  public record Target(String name, Comparison comparison, double threshold, Double value, Unit unit) {
    public Target {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(comparison, "comparison");
      Objects.requireNonNull(unit, "unit");
    }

    /** Whether {@code value} is present and meets the threshold. */
    public boolean pass() {
      return value != null && comparison.holds(value, threshold);
    }
  }
}
