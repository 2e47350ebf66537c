package io.distillguard.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {

  private static long[] tok(String s) {
    return Tokens.of(TextNormalizer.standard().normalize(s));
  }

  @Test
  void numbersAreMasked_soSlotValuesDoNotSplitATemplate() {
    assertThat(tok("Natalia sold 48 clips for $12.50 in April"))
        .containsExactly(tok("Natalia sold 7 clips for $3 in April"));
  }

  @Test
  void codeBlocksUrlsEmailsAndLongIdsAreMasked() {
    assertThat(tok("Fix this ```int x = 1;``` see https://a.example/x?y=1 or mail bob@x.org id a1b2c3d4e5f6a7b8c9"))
        .containsExactly(tok("Fix this ```print(2)\nreturn``` see http://b.example or mail eve@y.net id ffeeddccbbaa99887766"));
  }

  @Test
  void punctuationIsDropped() {
    assertThat(tok("Answer: yes!")).containsExactly(tok("answer yes"));
  }

  @Test
  void cjkCharactersAreOneTokenEach() {
    assertThat(tok("请逐步思考")).hasSize(5);
  }

  @Test
  void tokenCountIsBounded_keepingHeadAndTail() {
    StringBuilder sb = new StringBuilder("start marker ");
    for (int i = 0; i < 5000; i++) {
      sb.append("word").append((char) ('a' + i % 26)).append(' ');
    }
    sb.append("end marker");
    long[] t = tok(sb.toString());
    assertThat(t).hasSize(Tokens.MAX_TOKENS);
    assertThat(t[0]).isEqualTo(tok("start")[0]);
    assertThat(t[t.length - 1]).isEqualTo(tok("marker")[0]);
    assertThat(t[t.length - 2]).isEqualTo(tok("end")[0]);
  }

  @Test
  void emptyText_hasNoTokens() {
    assertThat(tok("")).isEmpty();
    assertThat(tok(" ... !!! ")).isEmpty();
  }
}
