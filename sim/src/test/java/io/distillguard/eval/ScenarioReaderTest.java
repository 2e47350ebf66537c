package io.distillguard.eval;

import static io.distillguard.eval.EvalFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioReaderTest {

  @TempDir Path dir;

  private static Scenario read(String text) throws IOException {
    return ScenarioReader.read(new BufferedReader(new StringReader(text)), "scenario.json");
  }

  @Test
  void read_handFile_readsCampaignsAndPersonasIgnoringUnknownFields() throws Exception {
    Scenario s = EvalFixtures.handScenario();

    assertThat(s.seed()).isEqualTo(42L);
    assertThat(s.scale()).isEqualTo(0.001);
    assertThat(s.start()).isEqualTo(T0);
    assertThat(s.modelReleases())
        .containsExactly(new Scenario.ModelRelease("frontier-large-2", Instant.parse("2026-03-06T12:00:00Z")));
    assertThat(s.campaign("slow-drip")).hasValueSatisfying(c -> {
      assertThat(c.family()).isEqualTo("agentic_harvest");
      assertThat(c.pace()).isEqualTo(Pace.LOW_AND_SLOW);
      assertThat(c.accounts()).isEqualTo(2L);
    });
    assertThat(s.persona("rag-app")).hasValueSatisfying(p -> assertThat(p.hardNegative()).isTrue());
    assertThat(s.persona("university")).hasValueSatisfying(p -> assertThat(p.hardNegative()).isFalse());
  }

  @Test
  void read_minimalFile_leavesEverythingElseNull() throws Exception {
    Scenario s = read("{\"campaigns\":[{\"name\":\"w\",\"pace\":\"bursty\"}],\"personas\":[{\"name\":\"p\"}]}");

    assertThat(s.format()).isNull();
    assertThat(s.seed()).isNull();
    assertThat(s.campaign("w")).hasValueSatisfying(c -> {
      assertThat(c.pace()).isNull();
      assertThat(c.start()).isNull();
      assertThat(c.familyOrName()).isEqualTo("w");
    });
    assertThat(s.persona("p")).hasValueSatisfying(p -> assertThat(p.hardNegative()).isFalse());
  }

  @Test
  void read_otherFormat_isRejected() {
    assertThatThrownBy(() -> read("{\"format\":\"distillguard-scenario-v9\"}"))
        .isInstanceOf(InputFormatException.class)
        .hasMessage("scenario.json: format is \"distillguard-scenario-v9\", expected \"distillguard-scenario-v1\"");
  }

  @Test
  void read_campaignWithoutName_namesItsIndex() {
    assertThatThrownBy(() -> read("{\"campaigns\":[{\"name\":\"a\"},{\"family\":\"x\"}]}"))
        .hasMessage("scenario.json: campaigns[1]: name is missing");
  }

  @Test
  void read_badStart_isRejected() {
    assertThatThrownBy(() -> read("{\"campaigns\":[{\"name\":\"a\",\"start\":\"monday\"}]}"))
        .hasMessage("scenario.json: campaigns[0]: start is not an RFC 3339 time: \"monday\"");
  }

  @Test
  void read_brokenJson_namesTheLine() {
    assertThatThrownBy(() -> read("{\n  \"seed\": 1,\n  \"campaigns\": [\n}\n"))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("scenario.json:4: not valid JSON");
  }

  @Test
  void besides_labelsWithScenarioInTheSameFolder_findsIt() throws Exception {
    Path labels = dir.resolve("labels.jsonl");
    Files.writeString(labels, "");
    assertThat(ScenarioReader.besides(labels)).isEmpty();

    Files.writeString(dir.resolve("scenario.json"), "{}");
    assertThat(ScenarioReader.besides(labels)).contains(dir.resolve("scenario.json").toAbsolutePath());
  }
}
