package io.distillguard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static io.distillguard.testing.RandomWords.words;

import io.distillguard.event.AccountInfo;
import io.distillguard.event.ClientInfo;
import io.distillguard.event.Event;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Tier;
import io.distillguard.features.FeatureExtractor;
import io.distillguard.policy.Allowlist;
import io.distillguard.linking.Campaign;
import io.distillguard.scoring.AccountScorer;
import io.distillguard.scoring.DetectionConfig;
import io.distillguard.scoring.SignalGroup;
import io.distillguard.scoring.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A paraphrasing campaign shares no template text; what its accounts share is the harness that sends their requests:
 * one client configuration (TLS fingerprint, model, request parameters). With template and lockstep links switched
 * off, that configuration alone must link them when it is used mostly by harvest-like accounts, and must not when
 * ordinary customers use it too.
 */
class ClientConfigurationLinkTest {

  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  static final int HARVESTERS = 20;
  static final int CUSTOMERS = 100;
  static final String[] ASKS = {
      "Let's think step by step and show every step of your reasoning.",
      "Walk me through your complete thought process before giving the final answer.",
      "Explain your reasoning in full detail, one numbered step at a time, and do not skip any step.",
      "Reason carefully through each intermediate step, then state the answer.",
      "Show all of your work and justify every step of the derivation."};

  @Test
  void aParaphrasingCampaign_isLinkedByItsSharedClientConfiguration() {
    ScanResult result = run(false);
    // linked by its configuration alone: a harness that only harvest-like accounts use, weighed by how much the
    // members look like harvesters on their own (0.6 here: each alone would only be reviewed); together, enforced
    List<Campaign> linked = result.campaigns().stream()
        .filter(c -> c.evidence().containsKey("client_configurations")).toList();
    assertThat(linked).hasSize(1);
    assertThat(linked.get(0).accounts()).hasSizeGreaterThanOrEqualTo(HARVESTERS - 2)
        .allMatch(a -> a.startsWith("para-"));
    assertThat(linked.get(0).reasons()).anyMatch(r -> r.signal().equals("shared_client_configuration"));
    assertThat(linked.get(0).verdict()).isEqualTo(Verdict.ATTACK);
    assertThat(result.verdicts().stream().filter(v -> v.accountId().startsWith("cust-"))
        .filter(v -> v.verdict() != Verdict.BENIGN)).isEmpty();
  }

  @Test
  void aConfigurationOrdinaryCustomersShare_linksNothing() {
    ScanResult result = run(true);
    assertThat(result.campaigns()).isEmpty();
    assertThat(result.verdicts().stream().filter(v -> v.verdict() == Verdict.ATTACK)).isEmpty();
  }

  @Test
  void aCampaignSplitOverReasoningBudgetsAndLibraryVersions_isLinkedByItsHarness() {
    DetectionPipeline p = pipeline();
    splitCampaign(false).forEach(p::accept);
    ScanResult result = p.result();
    // eight configurations of two or three accounts; one harness
    List<Campaign> linked = result.campaigns().stream()
        .filter(c -> c.evidence().containsKey("client_configurations")).toList();
    assertThat(linked).hasSize(1);
    assertThat(linked.get(0).accounts()).hasSizeGreaterThanOrEqualTo(HARVESTERS - 2)
        .allMatch(a -> a.startsWith("para-"));
    assertThat(linked.get(0).evidence().get("client_configurations")).anyMatch(e -> e.startsWith("harness "));
    assertThat(linked.get(0).verdict()).isEqualTo(Verdict.ATTACK);
    assertThat(result.verdicts().stream().filter(v -> v.accountId().startsWith("cust-"))
        .filter(v -> v.verdict() != Verdict.BENIGN)).isEmpty();
  }

  @Test
  void aHarnessOrdinaryCustomersShare_linksNoOneThroughIt() {
    // the customers send with the harness's output limit, model and access path, each with its own library and
    // reasoning budget: the harness is mostly theirs, so only the operator's configurations can link
    DetectionPipeline p = pipeline();
    splitCampaign(true).forEach(p::accept);
    ScanResult result = p.result();
    assertThat(result.campaigns()).allSatisfy(c -> assertThat(c.evidence().getOrDefault("client_configurations",
        List.of())).noneMatch(e -> e.startsWith("harness ")));
    assertThat(result.verdicts().stream().filter(v -> v.accountId().startsWith("cust-"))
        .filter(v -> v.verdict() != Verdict.BENIGN)).isEmpty();
  }

  /** Three days of the split campaign, and customers on a harness of their own ({@code crowd}: on its harness). */
  private static List<Event> splitCampaign(boolean crowd) {
    SplittableRandom r = new SplittableRandom(79);
    List<Event> events = new ArrayList<>();
    int seq = 0;
    for (int day = 0; day < 3; day++) {
      seq = harvesters(events, r, day, seq, true);
      for (int c = 0; c < CUSTOMERS; c++) {
        for (int k = 0; k < 8; k++) {
          Instant ts = T0.plus(Duration.ofDays(day)).plusSeconds(9 * 3600 + r.nextInt(9 * 3600));
          events.add(event("c" + seq++, ts, "cust-" + c, "pf-c" + c, "203.0." + c + ".7", Tier.INDIVIDUAL, true,
              T0.minus(Duration.ofDays(400)), words(r, 25) + "?", "t13d_app" + c % 3, crowd ? 32000 : 1000,
              crowd ? Integer.valueOf(2000 + 1000 * (c % 5)) : null));
        }
      }
    }
    events.sort(Comparator.comparing(Event::ts).thenComparing(Event::eventId));
    return events;
  }

  @Test
  void harnessAccountsWhoseProfileIsStillForming_joinTheConfigurationItsCoreLinked() {
    // the forming accounts ask for reasoning in only some of their requests: on their own they are below the
    // configuration's core profile (0.45) but above the harvester floor (0.3)
    DetectionPipeline p = pipeline();
    events(FORMING, 0.45, false).forEach(p::accept);
    ScanResult result = p.result();
    AccountScorer scorer = new AccountScorer();
    for (int a = 0; a < FORMING; a++) {
      assertThat(scorer.profile(p.state().account("form-" + a)).score()).isBetween(0.3, 0.45);
    }
    List<Campaign> linked = result.campaigns().stream()
        .filter(c -> c.evidence().containsKey("client_configurations")).toList();
    assertThat(linked).hasSize(1);
    assertThat(linked.get(0).accounts().stream().filter(a -> a.startsWith("form-")))
        .hasSizeGreaterThanOrEqualTo(FORMING - 1);
  }

  @Test
  void harnessAccountsWithoutACore_linkNothingThroughTheirConfiguration() {
    DetectionPipeline p = pipeline();
    events(FORMING, 0.45, true).forEach(p::accept);
    assertThat(p.result().campaigns()).noneMatch(c -> c.evidence().containsKey("client_configurations"));
  }

  static final int FORMING = 8;

  /**
   * The harvesters' traffic over three days and, after it, {@code forming} accounts that send with the same harness
   * but ask for reasoning in only a {@code cotShare} of their requests (without the harvesters: {@code alone}).
   */
  private static List<Event> events(int forming, double cotShare, boolean alone) {
    SplittableRandom r = new SplittableRandom(78);
    List<Event> events = new ArrayList<>();
    int seq = 0;
    for (int day = 0; day < 3; day++) {
      if (!alone) {
        seq = harvesters(events, r, day, seq);
      }
      for (int a = 0; a < forming; a++) {
        for (int k = 0; k < 30; k++) {
          // awake from five in the morning: neither around the clock nor a clear human cycle
          Instant ts = T0.plus(Duration.ofDays(day)).plusSeconds(5 * 3600 + r.nextInt(19 * 3600));
          String text = r.nextDouble() < cotShare
              ? words(r, 12) + " " + ASKS[r.nextInt(ASKS.length)] + " " + words(r, 25) + "?"
              : words(r, 25) + "?";
          events.add(event("f" + seq++, ts, "form-" + a, "pf-f" + a, "192.0." + a + ".9", Tier.FREE, false,
              T0.minus(Duration.ofDays(1)), text, "t13d_harness", 32000, 24000));
        }
      }
    }
    events.sort(Comparator.comparing(Event::ts).thenComparing(Event::eventId));
    return events;
  }

  /**
   * Adds one day of the harvesters' traffic (60 reasoning-coercion requests each, around the clock, with the
   * harness's configuration) with event ids from {@code seq} on; returns the next free one.
   */
  private static int harvesters(List<Event> events, SplittableRandom r, int day, int seq) {
    return harvesters(events, r, day, seq, false);
  }

  /**
   * As {@link #harvesters(List, SplittableRandom, int, int)}; with {@code split}, the operator gives each account one
   * of two library versions (TLS fingerprints) and one of four reasoning budgets: eight configurations of two or
   * three accounts each, one harness.
   */
  private static int harvesters(List<Event> events, SplittableRandom r, int day, int seq, boolean split) {
    for (int a = 0; a < HARVESTERS; a++) {
      String tls = split && a % 2 == 1 ? "t13d_harness_old" : "t13d_harness";
      Integer budget = split ? BUDGETS[(a / 2) % BUDGETS.length] : Integer.valueOf(24000);
      for (int k = 0; k < 60; k++) {
        Instant ts = T0.plus(Duration.ofDays(day)).plusSeconds(r.nextInt(86_400));
        String text = words(r, 12) + " " + ASKS[r.nextInt(ASKS.length)] + " " + words(r, 25) + "?";
        events.add(event("h" + seq++, ts, "para-" + a, "pf-p" + a, "198.51." + a + ".9", Tier.FREE, false,
            T0.minus(Duration.ofDays(1)), text, tls, 32000, budget));
      }
    }
    return seq;
  }

  static final Integer[] BUDGETS = {null, 16000, 24000, 32000};

  /** A pipeline with template and lockstep links off: client configurations and infrastructure link alone. */
  private static DetectionPipeline pipeline() {
    DetectionConfig d = DetectionConfig.defaults();
    return new DetectionPipeline(Allowlist.of(Set.of(), Set.of()),
        new DetectionConfig(d.attackThreshold(), d.suspiciousThreshold(), d.evaluateEvery(), d.minAttackRequests(),
            Set.of(SignalGroup.FAMILIES, SignalGroup.LOCKSTEP)),
        FeatureExtractor.withBundledModel());
  }

  /** Runs the scenario; with {@code crowd}, the customers send with the harvesters' exact configuration. */
  private static ScanResult run(boolean crowd) {
    SplittableRandom r = new SplittableRandom(77);
    List<Event> events = new ArrayList<>();
    int seq = 0;
    for (int day = 0; day < 3; day++) {
      seq = harvesters(events, r, day, seq);
      for (int c = 0; c < CUSTOMERS; c++) {
        for (int k = 0; k < 8; k++) {
          Instant ts = T0.plus(Duration.ofDays(day)).plusSeconds(9 * 3600 + r.nextInt(9 * 3600));
          events.add(crowd
              ? event("c" + seq++, ts, "cust-" + c, "pf-c" + c, "203.0." + c + ".7", Tier.INDIVIDUAL, true,
                  T0.minus(Duration.ofDays(400)), words(r, 25) + "?", "t13d_harness", 32000, 24000)
              : event("c" + seq++, ts, "cust-" + c, "pf-c" + c, "203.0." + c + ".7", Tier.INDIVIDUAL, true,
                  T0.minus(Duration.ofDays(400)), words(r, 25) + "?", "t13d_app", 1000, null));
        }
      }
    }
    events.sort(Comparator.comparing(Event::ts).thenComparing(Event::eventId));
    DetectionPipeline p = pipeline();
    events.forEach(p::accept);
    return p.result();
  }

  static Event event(String id, Instant ts, String account, String payment, String ip, Tier tier, boolean verified,
      Instant created, String text, String tls, int maxTokens, Integer budget) {
    return new Event(id, ts, account, null, null, null,
        new AccountInfo(created, tier, verified, payment, "mail.example", "US"),
        new ClientInfo(ip, 64500L, "Example", "sdk/" + Math.floorMod(account.hashCode(), 7), tls, "direct"),
        new Request("frontier-large", null, null, List.of(Message.text("user", text)), List.of(), maxTokens,
            budget == null ? null : 1.0, null, null, null, budget == null ? null : new Request.Reasoning(true, budget),
            null),
        null);
  }

}
