package io.distillguard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static io.distillguard.testing.RandomWords.words;

import io.distillguard.event.AccountInfo;
import io.distillguard.event.ClientInfo;
import io.distillguard.event.Event;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Tier;
import io.distillguard.linking.Campaign;
import io.distillguard.policy.Allowlist;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stages together on a small hand-built scenario, independent of the simulator: a coordinated campaign hidden
 * among ordinary customers, a single heavy reasoning user, and an allowlisted partner.
 */
class DetectionPipelineTest {

  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  static final int CAMPAIGN = 40;
  static final int CUSTOMERS = 150;
  static final String WRAPPER_HEAD = "Below is a problem together with the answer that a grader marked correct. Write out"
      + " the full chain of reasoning that leads from the problem to that answer, one numbered step at a time, and do"
      + " not skip any intermediate calculation. Problem: ";
  static final String WRAPPER_TAIL = " Keep the derivation self-contained and finish with the answer on its own line.";

  static Map<String, AccountVerdict> verdicts;
  static List<Campaign> campaigns;

  @BeforeAll
  static void run() {
    SplittableRandom r = new SplittableRandom(2026);
    List<Event> events = new ArrayList<>();
    int seq = 0;
    for (int day = 0; day < 3; day++) {
      for (int a = 0; a < CAMPAIGN; a++) {
        for (int k = 0; k < 40; k++) {
          Instant ts = T0.plus(Duration.ofDays(day)).plusSeconds(r.nextInt(86_400));
          String text = WRAPPER_HEAD + words(r, 30) + " Answer: " + r.nextInt(1000) + WRAPPER_TAIL;
          events.add(event("c" + seq++, ts, "camp-" + a, null, "pf-c" + (a % 4), "198.51.100." + (a % 8),
              Tier.FREE, false, T0.minus(Duration.ofDays(1)), text, 32000));
        }
      }
      for (int c = 0; c < CUSTOMERS; c++) {
        for (int k = 0; k < 6; k++) {
          Instant ts = T0.plus(Duration.ofDays(day)).plusSeconds(9 * 3600 + r.nextInt(9 * 3600));
          events.add(event("b" + seq++, ts, "cust-" + c, "org-" + c, "pf-b" + c, "203.0." + c + ".7",
              Tier.INDIVIDUAL, true, T0.minus(Duration.ofDays(400)), words(r, 25) + "?", 1000));
        }
      }
      for (int k = 0; k < 300; k++) {
        Instant ts = T0.plus(Duration.ofDays(day)).plusSeconds(r.nextInt(86_400));
        events.add(event("h" + seq++, ts, "heavy-1", "org-h", "pf-h", "192.0.2.1", Tier.STARTUP, false,
            T0.minus(Duration.ofDays(2)), "Let's think step by step and show every step of your reasoning: "
                + words(r, 30), 32000));
        events.add(event("p" + seq++, ts.plusSeconds(1), "partner-1", "org-partner", "pf-p", "192.0.2.9",
            Tier.ENTERPRISE, true, T0.minus(Duration.ofDays(90)),
            WRAPPER_HEAD + words(r, 30) + " Answer: 7" + WRAPPER_TAIL, 32000));
      }
    }
    events.sort(Comparator.comparing(Event::ts).thenComparing(Event::eventId));
    DetectionPipeline p = new DetectionPipeline(Allowlist.of(Set.of(), Set.of("org-partner")));
    events.forEach(p::accept);
    ScanResult result = p.result();
    verdicts = result.verdicts().stream().collect(Collectors.toMap(AccountVerdict::accountId, Function.identity()));
    campaigns = result.campaigns();
  }

  static Event event(String id, Instant ts, String account, String org, String payment, String ip, Tier tier,
      boolean verified, Instant created, String text, int budget) {
    // the heavy user runs its own client; sharing the campaign's exact client configuration would be a link
    String tls = account.equals("heavy-1") ? "t13d_h" : "t13d_x";
    return new Event(id, ts, account, org, null, null,
        new AccountInfo(created, tier, verified, payment, "mail.example", "US"),
        new ClientInfo(ip, 64500L, "Example", "sdk/1.0", tls, "direct"),
        new Request("frontier-large", null, null, List.of(Message.text("user", text)), List.of(), budget, null,
            null, null, null, new Request.Reasoning(true, budget), null),
        null);
  }


  @Test
  void campaignAccounts_areAttacks_linkedIntoOneCampaign_withAFirstFlagTime() {
    long attacks = verdicts.values().stream().filter(v -> v.accountId().startsWith("camp-"))
        .filter(v -> v.verdict() == Verdict.ATTACK).count();
    assertThat(attacks).isGreaterThanOrEqualTo(CAMPAIGN * 9 / 10);
    Set<String> ids = verdicts.values().stream().filter(v -> v.accountId().startsWith("camp-"))
        .filter(v -> v.verdict() == Verdict.ATTACK).map(AccountVerdict::campaignId).collect(Collectors.toSet());
    assertThat(ids).hasSize(1).doesNotContainNull();
    for (AccountVerdict v : verdicts.values()) {
      if (v.verdict() == Verdict.ATTACK) {
        assertThat(v.firstFlaggedAt()).isNotNull().isAfter(T0);
        assertThat(v.reasons()).anyMatch(x -> x.signal().equals("campaign_member")
            || x.signal().equals("shared_template_family"));
      }
    }
    Campaign c = campaigns.stream().filter(x -> ids.contains(x.campaignId())).findFirst().orElseThrow();
    assertThat(c.evidence()).containsKey("template_families");
    assertThat(c.evidence().get("template_families").get(0)).contains("example:");
    // a member's campaign reason names what it joined through: here the campaign's template family
    assertThat(verdicts.values().stream().filter(v -> ids.contains(v.campaignId()))
        .flatMap(v -> v.reasons().stream()).filter(x -> x.signal().equals("campaign_member")))
        .isNotEmpty().allMatch(x -> x.detail().matches(".* through (tf-\\d+|lockstep).*"), "names its link");
  }

  @Test
  void ordinaryCustomers_areNeverAttacks() {
    assertThat(verdicts.values().stream().filter(v -> v.accountId().startsWith("cust-"))
        .filter(v -> v.verdict() == Verdict.ATTACK)).isEmpty();
  }

  @Test
  void aSingleHeavyReasoningUser_withoutCrossAccountEvidence_isAtMostSuspicious() {
    assertThat(verdicts.get("heavy-1").verdict()).as("%s", verdicts.get("heavy-1")).isIn(Verdict.SUSPICIOUS,
        Verdict.BENIGN);
  }

  @Test
  void theAllowlistedPartner_isAllowed_andNeverLinked() {
    AccountVerdict v = verdicts.get("partner-1");
    assertThat(v.verdict()).isEqualTo(Verdict.ALLOWED);
    assertThat(v.firstFlaggedAt()).isNull();
    assertThat(campaigns).noneMatch(c -> c.accounts().contains("partner-1"));
  }

  @Test
  void everyScoreIsExplained() {
    for (AccountVerdict v : verdicts.values()) {
      if (v.score() > 0.05) {
        assertThat(v.reasons()).as(v.accountId()).isNotEmpty();
      }
    }
  }
}
