package io.distillguard.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkedGroupTest {

  @Test
  void maps_iterateInKeyOrder_soEvidenceIsReproducible() {
    Map<String, Integer> infra = new HashMap<>();
    for (int i = 30; i > 0; i--) {
      infra.put("ip:10.0." + i + ".0/24", i);
    }
    LinkedGroup g = new LinkedGroup(List.of("a", "b", "c"), Map.of("tf-9", 2, "tf-10", 3, "tf-1", 2), infra, Set.of());
    assertThat(List.copyOf(g.infrastructure().keySet())).isSorted();
    assertThat(g.families().keySet()).containsExactly("tf-1", "tf-10", "tf-9");
  }
}
