package io.distillguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowlistTest {

  @TempDir Path dir;

  @Test
  void read_accountsOrgsCommentsAndBlankLines() throws Exception {
    Path f = dir.resolve("allow.txt");
    Files.writeString(f, "# partners\naccount:acct-1\n\n  org:org-9   # distils under contract\n");
    Allowlist a = Allowlist.read(f);
    assertThat(a.size()).isEqualTo(2);
    assertThat(a.allows("acct-1", null)).isTrue();
    assertThat(a.allows("acct-2", "org-9")).isTrue();
    assertThat(a.allows("acct-2", "org-8")).isFalse();
    assertThat(a.allows("acct-2", null)).isFalse();
  }

  @Test
  void read_badEntry_namesFileAndLine() throws Exception {
    Path f = dir.resolve("allow.txt");
    Files.writeString(f, "account:a\nacct-7\n");
    assertThatThrownBy(() -> Allowlist.read(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allow.txt:2");
  }

  @Test
  void read_prefixWithoutId_isRejected() throws Exception {
    Path f = dir.resolve("allow.txt");
    Files.writeString(f, "org:\n");
    assertThatThrownBy(() -> Allowlist.read(f)).hasMessageContaining(":1");
  }

  @Test
  void empty_allowsNothing() {
    assertThat(Allowlist.empty().allows("a", "o")).isFalse();
  }
}
