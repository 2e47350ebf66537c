package io.distillguard.eval;

import static io.distillguard.eval.EvalFixtures.ONE_HOUR;
import static io.distillguard.eval.EvalFixtures.T0;
import static io.distillguard.eval.EvalFixtures.campaign;
import static io.distillguard.eval.EvalFixtures.handReport;
import static io.distillguard.eval.EvalFixtures.label;
import static io.distillguard.eval.EvalFixtures.labels;
import static io.distillguard.eval.EvalFixtures.persona;
import static io.distillguard.eval.EvalFixtures.scenario;
import static io.distillguard.eval.EvalFixtures.verdict;
import static io.distillguard.eval.EvalFixtures.verdicts;
import static io.distillguard.eval.LabelClass.ALLOWED;
import static io.distillguard.eval.LabelClass.ATTACK;
import static io.distillguard.eval.LabelClass.BENIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.distillguard.scoring.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The hand-made case ({@code src/test/resources/eval/hand}), worked out by hand:
 *
 * <pre>
 * account  class    group            verdict     campaign_id  first_flagged_at (campaign start)
 * c1       attack   cot-harvest      attack      cmp-1        +2h   (cot-harvest: T0, high_volume, cot_harvest)
 * c2       attack   cot-harvest      attack      cmp-1        +4h   (an earlier benign line for c2 is replaced)
 * c3       attack   cot-harvest      attack      cmp-2        +10h  (written with a +01:00 offset)
 * c4       attack   cot-harvest      suspicious  cmp-1        -
 * s1       attack   slow-drip        attack      cmp-3        +24h  (slow-drip: T0+1d, low_and_slow, agentic_harvest)
 * s2       attack   slow-drip        benign      -            -
 * r1       benign   rag-app (hard)   suspicious  -            -
 * u1       benign   university       attack      cmp-1        (false positive, inside cmp-1)
 * u2       benign   university       allowed     -            (allowed verdict on a non-allowed account)
 * p1       allowed  partner-distill  attack      -            (allowlist violation)
 * x9       (no label)                attack      cmp-1        (ignored)
 * </pre>
 */
class EvaluatorTest {

  private static final double EPS = 1e-12;

  // ---- the hand-made case ----

  @Test
  void handMade_attackLevel_isFourTruePositivesOfSixPredicted() throws Exception {
    EvalReport r = handReport();
    // predicted attack: c1 c2 c3 s1 (true), u1 p1 (false); missed: c4 s2; correct negatives: r1 u2
    assertThat(r.attackLevel()).isEqualTo(new EvalReport.Confusion(4, 2, 2, 2));
    assertThat(r.attackLevel().precision()).isCloseTo(4.0 / 6, within());
    assertThat(r.attackLevel().recall()).isCloseTo(4.0 / 6, within());
    assertThat(r.attackLevel().f1()).isCloseTo(2.0 / 3, within());
  }

  @Test
  void handMade_flaggedLevel_addsSuspiciousC4AndR1() throws Exception {
    EvalReport r = handReport();
    // flagged: c1 c2 c3 c4 s1 (true), r1 u1 p1 (false); missed: s2; correct negative: u2
    assertThat(r.flaggedLevel()).isEqualTo(new EvalReport.Confusion(5, 3, 1, 1));
    assertThat(r.flaggedLevel().precision()).isCloseTo(5.0 / 8, within());
    assertThat(r.flaggedLevel().recall()).isCloseTo(5.0 / 6, within());
    // 2PR/(P+R) = 2*TP/(2*TP+FP+FN) = 10/14
    assertThat(r.flaggedLevel().f1()).isCloseTo(5.0 / 7, within());
  }

  @Test
  void handMade_verdictsByClass_countSuspiciousPerClass() throws Exception {
    EvalReport r = handReport();
    assertThat(r.count(ATTACK, Verdict.SUSPICIOUS)).isEqualTo(1);
    assertThat(r.count(BENIGN, Verdict.SUSPICIOUS)).isEqualTo(1);
    assertThat(r.count(ALLOWED, Verdict.SUSPICIOUS)).isZero();
    assertThat(r.count(ATTACK, Verdict.ATTACK)).isEqualTo(4);
    assertThat(r.count(ATTACK, Verdict.BENIGN)).isEqualTo(1);
    assertThat(r.count(BENIGN, Verdict.ALLOWED)).isEqualTo(1);
    assertThat(r.count(ALLOWED, Verdict.ATTACK)).isEqualTo(1);
  }

  @Test
  void handMade_families_haveRecallPaceAndTimesToFirstFlag() throws Exception {
    EvalReport r = handReport();
    assertThat(r.families())
        .extracting(EvalReport.Family::name, EvalReport.Family::pace, EvalReport.Family::accounts,
            EvalReport.Family::attack, EvalReport.Family::suspicious)
        .containsExactly(
            tuple("agentic_harvest", Pace.LOW_AND_SLOW, 2, 1, 0),
            tuple("cot_harvest", Pace.HIGH_VOLUME, 4, 3, 1));
    EvalReport.Family agentic = r.families().get(0);
    EvalReport.Family cot = r.families().get(1);
    assertThat(agentic.recall()).isEqualTo(0.5);
    assertThat(cot.recall()).isEqualTo(0.75);
    // cot: 2h, 4h, 10h -> earliest 2h, median rank ceil(1.5)=2 -> 4h, p90 rank ceil(2.7)=3 -> 10h
    assertThat(cot.firstFlag())
        .isEqualTo(
            new EvalReport.FirstFlag(
                3, ONE_HOUR.multipliedBy(2), ONE_HOUR.multipliedBy(4), ONE_HOUR.multipliedBy(10)));
    // slow-drip starts a day after T0; s1 flagged at T0 + 2d
    assertThat(agentic.firstFlag())
        .isEqualTo(new EvalReport.FirstFlag(1, Duration.ofHours(24), Duration.ofHours(24), Duration.ofHours(24)));
  }

  @Test
  void handMade_campaigns_carryFamilyAndStartFromTheScenario() throws Exception {
    EvalReport r = handReport();
    assertThat(r.campaigns())
        .extracting(EvalReport.Campaign::name, EvalReport.Campaign::family, EvalReport.Campaign::start,
            EvalReport.Campaign::accounts)
        .containsExactly(
            tuple("cot-harvest", "cot_harvest", T0, 4),
            tuple("slow-drip", "agentic_harvest", T0.plus(Duration.ofDays(1)), 2));
    assertThat(r.campaigns().get(0).firstFlag().median()).isEqualTo(ONE_HOUR.multipliedBy(4));
  }

  @Test
  void handMade_personas_listHardNegativeFirstWithRates() throws Exception {
    EvalReport r = handReport();
    assertThat(r.personas())
        .containsExactly(
            new EvalReport.Persona("rag-app", true, 1, 0, 1),
            new EvalReport.Persona("university", false, 2, 1, 0));
    assertThat(r.personas().get(0).attackRate()).isZero();
    assertThat(r.personas().get(0).suspiciousRate()).isEqualTo(1.0);
    assertThat(r.personas().get(1).attackRate()).isEqualTo(0.5);
    assertThat(r.personas().get(1).suspiciousRate()).isZero();
  }

  @Test
  void handMade_allowlist_hasOneViolationAndOneAllowedBenign() throws Exception {
    EvalReport r = handReport();
    assertThat(r.allowlist()).isEqualTo(new EvalReport.Allowlist(1, 1, List.of("p1"), 1));
  }

  @Test
  void handMade_grouping_isTwoThirdsForCotAndWholeForAgentic() throws Exception {
    EvalReport r = handReport();
    // cot attack accounts c1 c2 (cmp-1), c3 (cmp-2); c4 is only suspicious
    assertThat(r.families().get(1).grouping()).isEqualTo(new EvalReport.Grouping(3, "cmp-1", 2));
    assertThat(r.families().get(1).grouping().share()).isCloseTo(2.0 / 3, within());
    assertThat(r.families().get(0).grouping()).isEqualTo(new EvalReport.Grouping(1, "cmp-3", 1));
    assertThat(r.families().get(0).grouping().share()).isEqualTo(1.0);
  }

  @Test
  void handMade_detectedCampaigns_holdOneBenignInSixMembers() throws Exception {
    EvalReport r = handReport();
    // cmp-1: c1 c2 c4 u1 (x9 is unlabelled, so not counted); cmp-2: c3; cmp-3: s1
    assertThat(r.detected().campaigns()).isEqualTo(3);
    assertThat(r.detected().members()).isEqualTo(6);
    assertThat(r.detected().benignOrAllowedMembers()).isEqualTo(1);
    assertThat(r.detected().benignOrAllowedShare()).isCloseTo(1.0 / 6, within());
    assertThat(r.detected().byCampaign())
        .containsExactly(
            new EvalReport.DetectedCampaign("cmp-1", 4, 3, 1, "cot-harvest", ATTACK, 3),
            new EvalReport.DetectedCampaign("cmp-2", 1, 1, 0, "cot-harvest", ATTACK, 1),
            new EvalReport.DetectedCampaign("cmp-3", 1, 1, 0, "slow-drip", ATTACK, 1));
    assertThat(r.detected().byCampaign().get(0).dominantShare()).isEqualTo(0.75);
  }

  @Test
  void handMade_coverage_countsTheUnknownAccountAndRepeatedLine() throws Exception {
    EvalReport r = handReport();
    assertThat(r.coverage())
        .isEqualTo(new EvalReport.Coverage(10, 11, 0, List.of(), 1, List.of("x9"), 0, 1));
    assertThat(r.inputs().scenario()).isTrue();
    assertThat(r.inputs().seed()).isEqualTo(42L);
  }

  @Test
  void handMade_targets_passOrFailLineByLine() throws Exception {
    EvalReport r = handReport();
    assertThat(r.targets())
        .extracting(EvalReport.Target::name, EvalReport.Target::value, EvalReport.Target::pass)
        .containsExactly(
            tuple("precision", 4.0 / 6, false),
            tuple("recall", 4.0 / 6, false),
            tuple("family recall: agentic_harvest", 0.5, false),
            tuple("family recall: cot_harvest", 0.75, false),
            tuple("benign persona attack rate, worst: university", 0.5, false),
            tuple("single-account benign personas with verdict attack", 0.0, true),
            tuple("allowed accounts without verdict allowed", 1.0, false),
            tuple("grouping: agentic_harvest", 1.0, true),
            tuple("grouping: cot_harvest", 2.0 / 3, false),
            tuple("benign or allowed share of detected campaign members", 1.0 / 6, false),
            tuple("median time to first flag: family agentic_harvest (low_and_slow)", 24.0, true),
            tuple("median time to first flag: family cot_harvest (high_volume)", 4.0, true));
    assertThat(r.allTargetsPass()).isFalse();
  }

  // ---- whole-report properties ----

  @Test
  void evaluate_perfectVerdicts_passEveryTarget() {
    LabelSet labels =
        labels(
            label("a1", ATTACK, "wave"), label("a2", ATTACK, "wave"),
            label("b1", BENIGN, "shop"), label("p1", ALLOWED, "partner"));
    VerdictSet verdicts =
        verdicts(
            verdict("a1", Verdict.ATTACK, "cmp-1", T0.plus(ONE_HOUR)),
            verdict("a2", Verdict.ATTACK, "cmp-1", T0.plus(ONE_HOUR.multipliedBy(3))),
            verdict("b1", Verdict.BENIGN, null, null),
            verdict("p1", Verdict.ALLOWED, null, null));
    Scenario sc =
        scenario(
            List.of(campaign("wave", "cot_harvest", Pace.HIGH_VOLUME, T0)), List.of(persona("shop", false)));

    EvalReport r = new Evaluator().evaluate(labels, verdicts, sc);

    assertThat(r.targets()).allMatch(EvalReport.Target::pass);
    assertThat(r.allTargetsPass()).isTrue();
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void evaluate_noAttackAccounts_hasVacuousPrecisionAndRecallOfOne() {
    LabelSet labels = labels(label("b1", BENIGN, "shop"), label("b2", BENIGN, "shop"));
    VerdictSet verdicts =
        verdicts(verdict("b1", Verdict.BENIGN, null, null), verdict("b2", Verdict.SUSPICIOUS, null, null));

    EvalReport r = new Evaluator().evaluate(labels, verdicts, null);

    assertThat(r.attackLevel()).isEqualTo(new EvalReport.Confusion(0, 0, 0, 2));
    assertThat(r.attackLevel().precision()).isEqualTo(1.0);
    assertThat(r.attackLevel().recall()).isEqualTo(1.0);
    assertThat(r.attackLevel().f1()).isEqualTo(1.0);
    // flagged level: b2 is a false positive, so precision is 0 and F1 is 0, never NaN
    assertThat(r.flaggedLevel().precision()).isZero();
    assertThat(r.flaggedLevel().f1()).isZero();
    assertThat(r.families()).isEmpty();
    assertThat(r.campaigns()).isEmpty();
    assertThat(r.detected().campaigns()).isZero();
    assertThat(r.detected().benignOrAllowedShare()).isZero();
    assertThat(r.notes()).anyMatch(n -> n.contains("no attack accounts"));
  }

  @Test
  void evaluate_noVerdictsAtAll_countsEveryAccountAsBenign() {
    LabelSet labels =
        labels(label("a1", ATTACK, "wave"), label("b1", BENIGN, "shop"), label("p1", ALLOWED, "partner"));

    EvalReport r = new Evaluator().evaluate(labels, verdicts(), null);

    assertThat(r.attackLevel()).isEqualTo(new EvalReport.Confusion(0, 0, 1, 2));
    assertThat(r.attackLevel().precision()).isEqualTo(1.0);
    assertThat(r.attackLevel().recall()).isZero();
    assertThat(r.attackLevel().f1()).isZero();
    assertThat(r.coverage().missingVerdicts()).isEqualTo(3);
    assertThat(r.coverage().missingSample()).containsExactly("a1", "b1", "p1");
    assertThat(r.count(ATTACK, Verdict.BENIGN)).isEqualTo(1);
    assertThat(r.allowlist().violations()).isEqualTo(1);
    assertThat(r.families().get(0).grouping()).isEqualTo(new EvalReport.Grouping(0, null, 0));
    assertThat(r.notes()).contains("labelled accounts without a verdict, evaluated as benign: 3");
  }

  @Test
  void evaluate_missingVerdicts_areBenignAndSampledInOrder() {
    List<Label> all = new ArrayList<>();
    IntStream.range(0, 15).forEach(i -> all.add(label(String.format("a%02d", i), ATTACK, "wave")));
    VerdictSet verdicts = verdicts(verdict("a00", Verdict.ATTACK, "cmp-1", T0.plus(ONE_HOUR)));

    EvalReport r = new Evaluator().evaluate(labels(all.toArray(Label[]::new)), verdicts, null);

    assertThat(r.coverage().missingVerdicts()).isEqualTo(14);
    assertThat(r.coverage().missingSample())
        .containsExactly("a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08", "a09", "a10");
    assertThat(r.attackLevel()).isEqualTo(new EvalReport.Confusion(1, 0, 14, 0));
  }

  @Test
  void evaluate_unknownAccounts_areCountedAndChangeNothing() {
    LabelSet labels = labels(label("a1", ATTACK, "wave"), label("b1", BENIGN, "shop"));
    VerdictSet clean =
        verdicts(verdict("a1", Verdict.ATTACK, "cmp-1", T0), verdict("b1", Verdict.BENIGN, null, null));
    VerdictSet noisy =
        verdicts(
            verdict("a1", Verdict.ATTACK, "cmp-1", T0),
            verdict("b1", Verdict.BENIGN, null, null),
            verdict("zz", Verdict.ATTACK, "cmp-1", T0),
            verdict("yy", Verdict.ALLOWED, "cmp-9", null));

    EvalReport a = new Evaluator().evaluate(labels, clean, null);
    EvalReport b = new Evaluator().evaluate(labels, noisy, null);

    assertThat(b.coverage().unknownAccounts()).isEqualTo(2);
    assertThat(b.coverage().unknownSample()).containsExactly("yy", "zz");
    assertThat(b.attackLevel()).isEqualTo(a.attackLevel());
    assertThat(b.detected()).isEqualTo(a.detected());
    assertThat(b.allowlist()).isEqualTo(a.allowlist());
  }

  @Test
  void evaluate_withoutScenario_usesGroupAsFamilyAndLeavesTimesUnknown() {
    LabelSet labels = labels(label("a1", ATTACK, "wave"), label("b1", BENIGN, "shop"));
    VerdictSet verdicts =
        verdicts(verdict("a1", Verdict.ATTACK, "cmp-1", T0), verdict("b1", Verdict.BENIGN, null, null));

    EvalReport r = new Evaluator().evaluate(labels, verdicts, null);

    assertThat(r.families()).extracting(EvalReport.Family::name).containsExactly("wave");
    assertThat(r.families().get(0).pace()).isNull();
    assertThat(r.families().get(0).firstFlag()).isNull();
    assertThat(r.campaigns().get(0).firstFlag()).isNull();
    assertThat(r.personas().get(0).hardNegative()).isFalse();
    assertThat(r.targets()).noneMatch(t -> t.name().startsWith("median time"));
    assertThat(r.notes().get(0)).startsWith("no scenario");
  }

  @Test
  void evaluate_familyOfMixedPace_poolsTimesAndChecksEachCampaign() {
    LabelSet labels =
        labels(
            label("f1", ATTACK, "fast"), label("f2", ATTACK, "fast"),
            label("s1", ATTACK, "slow"), label("s2", ATTACK, "slow"));
    VerdictSet verdicts =
        verdicts(
            verdict("f1", Verdict.ATTACK, "cmp-1", T0.plus(ONE_HOUR)),
            verdict("f2", Verdict.ATTACK, "cmp-1", T0.plus(ONE_HOUR.multipliedBy(8))),
            verdict("s1", Verdict.ATTACK, "cmp-1", T0.plus(ONE_HOUR.multipliedBy(30))),
            verdict("s2", Verdict.ATTACK, null, T0.plus(ONE_HOUR.multipliedBy(40))));
    Scenario sc =
        scenario(
            List.of(
                campaign("fast", "agentic", Pace.HIGH_VOLUME, T0),
                campaign("slow", "agentic", Pace.LOW_AND_SLOW, T0.plus(ONE_HOUR.multipliedBy(10)))),
            List.of());

    EvalReport r = new Evaluator().evaluate(labels, verdicts, sc);

    EvalReport.Family f = r.families().get(0);
    assertThat(f.campaigns()).containsExactly("fast", "slow");
    assertThat(f.pace()).isNull();
    // delays 1h, 8h (fast), 20h, 30h (slow): median is the lower middle value, 8h
    assertThat(f.firstFlag())
        .isEqualTo(new EvalReport.FirstFlag(4, ONE_HOUR, ONE_HOUR.multipliedBy(8), ONE_HOUR.multipliedBy(30)));
    // s2 has no campaign_id: 3 of 4 grouped
    assertThat(f.grouping().share()).isEqualTo(0.75);
    // fast: median of 1h, 8h is 1h; slow: median of 20h, 30h is 20h
    assertThat(r.targets())
        .filteredOn(t -> t.name().startsWith("median time"))
        .extracting(EvalReport.Target::name, EvalReport.Target::value, EvalReport.Target::pass)
        .containsExactly(
            tuple("median time to first flag: campaign fast (high_volume)", 1.0, true),
            tuple("median time to first flag: campaign slow (low_and_slow)", 20.0, true));
  }

  /**
   * A rotating campaign whose accounts join over days (a1 sent its first request an hour before the campaign's
   * start; a2..a5 at 0h, 48h, 72h and 90h after it), and another campaign one of whose labels (b2) gives no first
   * request time.
   */
  static final LabelSet ROTATING_LABELS = labels(
      new Label("a1", ATTACK, "rotating", T0.minus(ONE_HOUR)),
      new Label("a2", ATTACK, "rotating", T0),
      new Label("a3", ATTACK, "rotating", T0.plus(ONE_HOUR.multipliedBy(48))),
      new Label("a4", ATTACK, "rotating", T0.plus(ONE_HOUR.multipliedBy(72))),
      new Label("a5", ATTACK, "rotating", T0.plus(ONE_HOUR.multipliedBy(90))),
      new Label("b1", ATTACK, "other", T0),
      label("b2", ATTACK, "other"));
  /** a1..a4 first flagged 1h, 2h, 50h and 75h after the start; a5 only suspicious; b1, b2 at 1h. */
  static final VerdictSet ROTATING_VERDICTS = verdicts(
      verdict("a1", Verdict.ATTACK, "cmp-1", T0.plus(ONE_HOUR)),
      verdict("a2", Verdict.ATTACK, "cmp-1", T0.plus(ONE_HOUR.multipliedBy(2))),
      verdict("a3", Verdict.ATTACK, "cmp-1", T0.plus(ONE_HOUR.multipliedBy(50))),
      verdict("a4", Verdict.ATTACK, "cmp-1", T0.plus(ONE_HOUR.multipliedBy(75))),
      verdict("a5", Verdict.SUSPICIOUS, null, null),
      verdict("b1", Verdict.ATTACK, "cmp-2", T0.plus(ONE_HOUR)),
      verdict("b2", Verdict.ATTACK, "cmp-2", T0.plus(ONE_HOUR)));
  /** Both campaigns high volume, started at T0, in families r and o. */
  static final Scenario ROTATING_SCENARIO = scenario(List.of(campaign("rotating", "r", Pace.HIGH_VOLUME, T0),
      campaign("other", "o", Pace.HIGH_VOLUME, T0)), List.of());

  @Test
  void evaluate_campaignWhoseAccountsJoinLate_timesEachFromItsOwnFirstRequest() {
    EvalReport r = new Evaluator().evaluate(ROTATING_LABELS, ROTATING_VERDICTS, ROTATING_SCENARIO);

    EvalReport.Campaign other = r.campaigns().get(0);
    EvalReport.Campaign rotating = r.campaigns().get(1);
    assertThat(rotating.name()).isEqualTo("rotating");
    // from the campaign's start: 1h, 2h, 50h, 75h (median: rank 2)
    assertThat(rotating.firstFlag().median()).isEqualTo(ONE_HOUR.multipliedBy(2));
    assertThat(rotating.firstFlag().p90()).isEqualTo(ONE_HOUR.multipliedBy(75));
    // from each account's own first request (a1 from the start, which is later): 1h, 2h, 2h, 3h
    assertThat(rotating.fromFirstRequest())
        .isEqualTo(new EvalReport.FirstFlag(4, ONE_HOUR, ONE_HOUR.multipliedBy(2), ONE_HOUR.multipliedBy(3)));
    // b2's label has no first request time: no per-account times for its campaign, rather than partial ones
    assertThat(other.name()).isEqualTo("other");
    assertThat(other.fromFirstRequest()).isNull();
    assertThat(other.firstFlag().flagged()).isEqualTo(2);
  }

  @Test
  void evaluate_familyWhoseAccountsArriveLate_reportsTheMedianNoDetectorCanBeat() {
    // a5 is never flagged, so it does not count
    EvalReport r = new Evaluator().evaluate(ROTATING_LABELS, ROTATING_VERDICTS, ROTATING_SCENARIO);

    EvalReport.Family rotating = r.families().stream().filter(f -> f.name().equals("r")).findFirst().orElseThrow();
    // arrivals of the flagged a1..a4 (a1 counts from the start): 0h, 0h, 48h, 72h; nearest-rank median is rank 2
    assertThat(rotating.medianFloor()).isEqualTo(Duration.ZERO);
    // b2's label gives no first request: no floor rather than one from part of the family
    EvalReport.Family other = r.families().stream().filter(f -> f.name().equals("o")).findFirst().orElseThrow();
    assertThat(other.medianFloor()).isNull();
    assertThat(r.notes()).noneMatch(n -> n.contains("no detector can meet it"));

    // flag only the late arrivals: their median arrival, 72h, is beyond the 6h target, and the report says so
    EvalReport late = new Evaluator().evaluate(ROTATING_LABELS, verdicts(
        verdict("a3", Verdict.ATTACK, "cmp-1", T0.plus(ONE_HOUR.multipliedBy(50))),
        verdict("a4", Verdict.ATTACK, "cmp-1", T0.plus(ONE_HOUR.multipliedBy(75))),
        verdict("a5", Verdict.ATTACK, "cmp-1", T0.plus(ONE_HOUR.multipliedBy(91)))), ROTATING_SCENARIO);
    EvalReport.Family lateFamily = late.families().stream().filter(f -> f.name().equals("r")).findFirst()
        .orElseThrow();
    assertThat(lateFamily.medianFloor()).isEqualTo(ONE_HOUR.multipliedBy(72));
    assertThat(lateFamily.firstFlag().median()).isEqualTo(ONE_HOUR.multipliedBy(75));
    assertThat(late.notes()).anyMatch(n -> n.startsWith("family r:") && n.contains("72.0 h"));
  }

  @Test
  void evaluate_familyNeverFlagged_failsItsTimeTarget() {
    LabelSet labels = labels(label("a1", ATTACK, "wave"));
    Scenario sc = scenario(List.of(campaign("wave", "cot", Pace.HIGH_VOLUME, T0)), List.of());

    EvalReport r = new Evaluator().evaluate(labels, verdicts(verdict("a1", Verdict.SUSPICIOUS, null, null)), sc);

    assertThat(r.families().get(0).firstFlag()).isEqualTo(new EvalReport.FirstFlag(0, null, null, null));
    EvalReport.Target time = r.targets().get(r.targets().size() - 1);
    assertThat(time.name()).isEqualTo("median time to first flag: family cot (high_volume)");
    assertThat(time.value()).isNull();
    assertThat(time.pass()).isFalse();
  }

  @Test
  void evaluate_singleAccountPersonaJudgedAttack_failsItsOwnLine() {
    LabelSet labels = labels(label("r1", BENIGN, "rag-app"));
    Scenario sc = scenario(List.of(), List.of(persona("rag-app", true)));

    EvalReport r = new Evaluator().evaluate(labels, verdicts(verdict("r1", Verdict.ATTACK, null, T0)), sc);

    assertThat(r.targets())
        .filteredOn(t -> t.name().startsWith("single-account"))
        .singleElement()
        .satisfies(t -> assertThat(t.value()).isEqualTo(1.0))
        .satisfies(t -> assertThat(t.pass()).isFalse());
  }

  @Test
  void evaluate_allowlistViolations_sampleTenSortedIds() {
    List<Label> all = new ArrayList<>();
    IntStream.range(0, 12).forEach(i -> all.add(label(String.format("p%02d", 11 - i), ALLOWED, "partner")));

    EvalReport r = new Evaluator().evaluate(labels(all.toArray(Label[]::new)), verdicts(), null);

    assertThat(r.allowlist().violations()).isEqualTo(12);
    assertThat(r.allowlist().violationSample())
        .containsExactly("p00", "p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09");
  }

  @Test
  void evaluate_laxerTargets_letTheHandMadePrecisionPass() throws Exception {
    Targets lax = new Targets(0.5, 0.5, 0.5, 0.6, 0.5, 0.2, Duration.ofHours(12), Duration.ofHours(48));

    EvalReport r =
        new Evaluator(lax)
            .evaluate(EvalFixtures.handLabels(), EvalFixtures.handVerdicts(), EvalFixtures.handScenario());

    assertThat(r.targets().get(0).threshold()).isEqualTo(0.5);
    assertThat(r.targets().get(0).pass()).isTrue();
  }

  // ---- quantiles ----

  @Test
  void nearestRank_ofTenValues_picksFifthForMedianAndNinthForP90() {
    List<Duration> sorted = new ArrayList<>();
    IntStream.rangeClosed(1, 10).forEach(h -> sorted.add(Duration.ofHours(h)));
    assertThat(Evaluator.nearestRank(sorted, 50)).isEqualTo(Duration.ofHours(5));
    assertThat(Evaluator.nearestRank(sorted, 90)).isEqualTo(Duration.ofHours(9));
    assertThat(Evaluator.nearestRank(List.of(ONE_HOUR), 90)).isEqualTo(ONE_HOUR);
  }

  private static Offset<Double> within() {
    return Offset.offset(EPS);
  }
}
