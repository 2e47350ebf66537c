package io.distillguard.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerdictReaderTest {

  private static VerdictSet read(String text) throws IOException {
    return VerdictReader.read(new BufferedReader(new StringReader(text)), "verdicts.jsonl");
  }

  @Test
  void read_handFile_keepsLastOfRepeatedLinesAndConvertsOffsets() throws Exception {
    VerdictSet v = EvalFixtures.handVerdicts();

    assertThat(v.byAccount()).hasSize(11);
    assertThat(v.duplicateLines()).isEqualTo(1);
    assertThat(v.byAccount().get("c2").verdict()).isEqualTo(Verdict.ATTACK);
    assertThat(v.byAccount().get("c3").firstFlaggedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(v.byAccount().get("c1").reasons()).isEmpty();
  }

  @Test
  void read_nullAndAbsentOptionalFields_becomeNull() throws Exception {
    VerdictSet v =
        read(
            "{\"account_id\":\"a\",\"verdict\":\"benign\",\"score\":0,\"campaign_id\":null}\n"
                + "{\"account_id\":\"b\",\"verdict\":\"suspicious\",\"score\":1,\"campaign_id\":\"\"}\n");

    assertThat(v.byAccount().get("a"))
        .isEqualTo(new AccountVerdict("a", Verdict.BENIGN, 0.0, null, null, java.util.List.of()));
    assertThat(v.byAccount().get("b").campaignId()).isNull();
  }

  @Test
  void read_unknownVerdict_namesFileLineAndValue() {
    assertThatThrownBy(
            () ->
                read(
                    "{\"account_id\":\"a\",\"verdict\":\"benign\",\"score\":0}\n"
                        + "{\"account_id\":\"b\",\"verdict\":\"block\",\"score\":0}\n"))
        .isInstanceOf(InputFormatException.class)
        .hasMessage("verdicts.jsonl:2: unknown verdict (allowed: attack, suspicious, benign, allowed): \"block\"");
  }

  @Test
  void read_scoreOutOfRange_isMalformed() {
    assertThatThrownBy(() -> read("{\"account_id\":\"a\",\"verdict\":\"attack\",\"score\":1.5}"))
        .hasMessage("verdicts.jsonl:1: score must be in [0, 1]: 1.5");
  }

  @Test
  void read_missingScore_isMalformed() {
    assertThatThrownBy(() -> read("{\"account_id\":\"a\",\"verdict\":\"attack\"}"))
        .hasMessage("verdicts.jsonl:1: score is missing");
  }

  @Test
  void read_badTimestamp_isMalformed() {
    assertThatThrownBy(
            () -> read("{\"account_id\":\"a\",\"verdict\":\"attack\",\"score\":1,\"first_flagged_at\":\"yesterday\"}"))
        .hasMessage("verdicts.jsonl:1: first_flagged_at is not an RFC 3339 time: \"yesterday\"");
  }

  @Test
  void read_hostileValue_isEscapedAndCutInTheMessage() {
    String hostile = "x\\u001b[31m" + "y".repeat(200);
    assertThatThrownBy(() -> read("{\"account_id\":\"a\",\"verdict\":\"" + hostile + "\",\"score\":0}"))
        .hasMessageContaining("\\u001b")
        .hasMessageEndingWith("...\"")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b").hasSizeLessThan(200));
  }
}
