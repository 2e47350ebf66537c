package io.distillguard.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonRendererTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void render_handReport_parsesBackWithTheSameNumbers() throws Exception {
    EvalReport r = EvalFixtures.handReport();

    String json = JsonRenderer.render(r);
    JsonNode root = MAPPER.readTree(json);

    assertThat(json).endsWith("\n");
    assertThat(root.path("format").asText()).isEqualTo("distillguard-eval-v1");
    assertThat(root.path("inputs").path("seed").asLong()).isEqualTo(42);
    JsonNode attack = root.path("accounts").path("attack");
    assertThat(attack.path("tp").asInt()).isEqualTo(4);
    assertThat(attack.path("fp").asInt()).isEqualTo(2);
    assertThat(attack.path("precision").asDouble()).isEqualTo(r.attackLevel().precision());
    assertThat(root.path("accounts").path("flagged").path("f1").asDouble()).isEqualTo(r.flaggedLevel().f1());
    assertThat(root.path("accounts").path("verdicts_by_class").path("benign").path("suspicious").asInt()).isEqualTo(1);

    JsonNode cot = root.path("families").get(1);
    assertThat(cot.path("name").asText()).isEqualTo("cot_harvest");
    assertThat(cot.path("pace").asText()).isEqualTo("high_volume");
    assertThat(cot.path("recall").asDouble()).isEqualTo(0.75);
    assertThat(cot.path("time_to_first_flag").path("median_seconds").asDouble()).isEqualTo(4 * 3600.0);
    assertThat(cot.path("grouping").path("top_campaign_id").asText()).isEqualTo("cmp-1");

    assertThat(root.path("campaigns").get(1).path("start").asText()).isEqualTo("2026-03-03T00:00:00Z");
    assertThat(root.path("personas").get(0).path("name").asText()).isEqualTo("rag-app");
    assertThat(root.path("personas").get(0).path("hard_negative").asBoolean()).isTrue();
    assertThat(root.path("allowlist").path("violation_sample").get(0).asText()).isEqualTo("p1");
    assertThat(root.path("detected_campaigns").path("benign_or_allowed_share").asDouble()).isEqualTo(1.0 / 6);
    assertThat(root.path("detected_campaigns").path("campaigns")).hasSize(3);
  }

  @Test
  void render_targets_haveNameValueThresholdAndPass() throws Exception {
    EvalReport r = EvalFixtures.handReport();

    JsonNode targets = MAPPER.readTree(JsonRenderer.render(r)).path("targets");

    assertThat(targets).hasSize(r.targets().size());
    JsonNode precision = targets.get(0);
    assertThat(precision.path("name").asText()).isEqualTo("precision");
    assertThat(precision.path("value").asDouble()).isEqualTo(4.0 / 6);
    assertThat(precision.path("threshold").asDouble()).isEqualTo(0.995);
    assertThat(precision.path("comparison").asText()).isEqualTo(">=");
    assertThat(precision.path("unit").asText()).isEqualTo("ratio");
    assertThat(precision.path("pass").asBoolean()).isFalse();
    assertThat(targets.get(targets.size() - 1).path("unit").asText()).isEqualTo("hours");
    assertThat(targets.get(targets.size() - 1).path("pass").asBoolean()).isTrue();
  }

  @Test
  void render_withoutScenario_writesNullsRatherThanOmitting() throws Exception {
    EvalReport r =
        new Evaluator()
            .evaluate(
                EvalFixtures.labels(EvalFixtures.label("a1", LabelClass.ATTACK, "wave")),
                EvalFixtures.verdicts(),
                null);

    JsonNode root = MAPPER.readTree(JsonRenderer.render(r));

    assertThat(root.path("inputs").get("seed").isNull()).isTrue();
    assertThat(root.path("families").get(0).get("pace").isNull()).isTrue();
    assertThat(root.path("families").get(0).get("time_to_first_flag").isNull()).isTrue();
    assertThat(root.path("families").get(0).path("grouping").get("top_campaign_id").isNull()).isTrue();
    assertThat(root.path("all_targets_pass").asBoolean()).isFalse();
    assertThat(root.path("notes").get(0).asText()).startsWith("no scenario");
  }
}
