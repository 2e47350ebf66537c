package io.distillguard.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distillguard.service.decide.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyRulesTest {

  static PolicyRules.Facts facts(String account, String verdict, double score, Map<String, Double> signals,
      String campaign, long accounts) {
    return new PolicyRules.Facts(account, verdict, score, Action.ALLOW, signals, campaign,
        campaign == null ? null : "attack", campaign == null ? 0 : 0.9, accounts);
  }

  static final String RULES = """
      {"rules": [
        {"name": "large campaigns", "when": "verdict == 'attack' && campaign.accounts >= 20", "action": "block"},
        {"name": "small campaigns", "when": "verdict == 'attack'", "action": "degrade"},
        {"name": "cot under review", "when": "verdict == 'suspicious' && has(signals.cot_elicitation) && signals.cot_elicitation > 0.2", "action": "throttle"},
        {"name": "trial prefix", "when": "account.startsWith('trial-') && score > 0.5", "action": "review"}
      ],
      "allow": ["partner-1"], "deny": ["known-bad"]}
      """;

  @Test
  void theFirstMatchingListOrRuleDecides() throws Exception {
    PolicyRules p = PolicyRules.compile(RULES, 3);
    assertThat(p.version()).isEqualTo(3);
    assertThat(p.rules()).hasSize(4);
    List<String> errors = new ArrayList<>();
    assertThat(p.match(facts("a", "attack", 0.9, Map.of(), "c1", 25), errors::add).rule())
        .isEqualTo("large campaigns");
    assertThat(p.match(facts("a", "attack", 0.9, Map.of(), "c1", 5), errors::add).action()).isEqualTo(Action.DEGRADE);
    assertThat(p.match(facts("a", "suspicious", 0.5, Map.of("cot_elicitation", 0.3), null, 0), errors::add).action())
        .isEqualTo(Action.THROTTLE);
    assertThat(p.match(facts("a", "suspicious", 0.5, Map.of(), null, 0), errors::add)).isNull();
    assertThat(p.match(facts("trial-7", "benign", 0.6, Map.of(), null, 0), errors::add).action())
        .isEqualTo(Action.REVIEW);
    // lists come before rules
    assertThat(p.match(facts("known-bad", "benign", 0, Map.of(), null, 0), errors::add).action())
        .isEqualTo(Action.BLOCK);
    assertThat(p.match(facts("partner-1", "attack", 1, Map.of(), "c1", 99), errors::add).action())
        .isEqualTo(Action.ALLOW);
    assertThat(errors).isEmpty();
  }

  @Test
  void aRuleThatFailsAtRunTimeDoesNotMatchAndIsReported() throws Exception {
    PolicyRules p = PolicyRules.compile("""
        {"rules": [{"name": "no has()", "when": "signals.lockstep_families > 0.1", "action": "block"}]}""", 1);
    List<String> errors = new ArrayList<>();
    assertThat(p.match(facts("a", "attack", 0.9, Map.of(), null, 0), errors::add)).isNull();
    assertThat(errors).containsExactly("no has()");
  }

  @Test
  void badRuleFilesAreRejectedWithTheRuleNamed() {
    assertThatThrownBy(() -> PolicyRules.compile("{\"rules\": [", 1)).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> PolicyRules.compile("""
        {"rules": [{"name": "ok", "when": "true", "action": "block"},
                   {"name": "typo", "when": "verdict == 'attack' &&", "action": "block"}]}""", 1))
        .isInstanceOf(PolicyException.class).hasMessageContaining("rule 2 (typo)");
    assertThatThrownBy(() -> PolicyRules.compile("""
        {"rules": [{"name": "unknown var", "when": "tier == 'free'", "action": "block"}]}""", 1))
        .hasMessageContaining("unknown var").hasMessageContaining("tier");
    assertThatThrownBy(() -> PolicyRules.compile("""
        {"rules": [{"name": "not bool", "when": "score + 1.0", "action": "block"}]}""", 1))
        .hasMessageContaining("not bool");
    assertThatThrownBy(() -> PolicyRules.compile("""
        {"rules": [{"name": "bad action", "when": "true", "action": "ban"}]}""", 1))
        .hasMessageContaining("\"action\" must be one of");
    assertThatThrownBy(() -> PolicyRules.compile("""
        {"rules": [{"name": "x", "when": "true", "action": "block"}, {"name": "x", "when": "false", "action": "allow"}]}""",
        1)).hasMessageContaining("duplicate name");
    assertThatThrownBy(() -> PolicyRules.compile("{\"rulez\": []}", 1)).hasMessageContaining("unknown field");
    assertThatThrownBy(() -> PolicyRules.compile("{\"deny\": [1]}", 1)).hasMessageContaining("not an account id");
    String longExpr = "score > 0.5 || ".repeat(200) + "true";
    assertThatThrownBy(() -> PolicyRules.compile("{\"rules\": [{\"name\": \"long\", \"when\": \"" + longExpr
        + "\", \"action\": \"block\"}]}", 1)).hasMessageContaining("longer than");
  }
}
