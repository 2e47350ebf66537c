package io.distillguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escape_markupCharacters() {
    assertThat(Html.escape("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  }

  @Test
  void escape_bidiAndZeroWidth_areShownAsCodePoints() {
    String s = Html.escape("abc\u202Egnp.exe\u200Bz");
    assertThat(s).contains("U+202E").contains("U+200B").doesNotContain("\u202E").doesNotContain("\u200B");
  }

  @Test
  void escape_null_isEmpty() {
    assertThat(Html.escape(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 3L, 42L})
  void escape_randomStrings_neverLeaveRawMarkupOrControls(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    char[] alphabet = "<>&\"'a b\n\t\u0000\u0007\u202E\u2066\u200B\uFEFFz/=".toCharArray();
    for (int i = 0; i < 500; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(40);
      for (int j = 0; j < n; j++) {
        sb.append(alphabet[r.nextInt(alphabet.length)]);
      }
      String out = Html.escape(sb.toString());
      // tags we emit ourselves are only the control-character spans
      String stripped = out.replace("<span class=\"ctl\">", "").replace("</span>", "");
      assertThat(stripped).as("seed %d input %s", seed, sb).doesNotContain("<", ">", "\"", "'",
          "\u0000", "\u0007", "\u202E", "\u2066", "\u200B", "\uFEFF");
    }
  }
}
