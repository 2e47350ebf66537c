package io.distillguard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distillguard.features.InfraKeys;
import io.distillguard.features.RequestFeatures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FamilyAndInfraSketchTest {

  private static List<RequestFeatures> mixed(long seed) {
    List<RequestFeatures> all = new ArrayList<>();
    for (int a = 0; a < 6; a++) {
      all.addAll(SketchFixtures.requests(seed * 10 + a, "acct-" + a, 15));
    }
    return all;
  }

  private static FamilySketch family(List<RequestFeatures> reqs) {
    FamilySketch s = new FamilySketch("tf-1");
    for (RequestFeatures f : reqs) {
      s.update(f, () -> "sample " + f.event().eventId().hashCode() % 5);
    }
    return s;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void familyMerge_isCommutativeAndAssociative(long seed) {
    List<RequestFeatures> all = mixed(seed);
    FamilySketch a = family(all.subList(0, 30));
    FamilySketch b = family(all.subList(30, 60));
    FamilySketch c = family(all.subList(60, 90));
    FamilySketch ab = family(List.of());
    ab.merge(a);
    ab.merge(b);
    FamilySketch ba = family(List.of());
    ba.merge(b);
    ba.merge(a);
    assertThat(ba.canonical()).isEqualTo(ab.canonical());
    FamilySketch abc = family(List.of());
    abc.merge(ab);
    abc.merge(c);
    FamilySketch bc = family(List.of());
    bc.merge(b);
    bc.merge(c);
    FamilySketch aBc = family(List.of());
    aBc.merge(a);
    aBc.merge(bc);
    assertThat(aBc.canonical()).isEqualTo(abc.canonical());
    assertThat(abc.requests()).isEqualTo(90);
    assertThat(abc.accounts()).isEqualTo(6);
    assertThat(abc.samples()).hasSizeLessThanOrEqualTo(FamilySketch.SAMPLES);
  }

  @Test
  void familyBytes_roundTrip_andEmptyIsIdentity() {
    FamilySketch a = family(mixed(4));
    assertThat(FamilySketch.fromBytes(a.toBytes()).canonical()).isEqualTo(a.canonical());
    String before = a.canonical();
    a.merge(new FamilySketch("tf-1"));
    assertThat(a.canonical()).isEqualTo(before);
    assertThatThrownBy(() -> a.merge(new FamilySketch("tf-2"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void familySamples_areTruncated() {
    FamilySketch s = new FamilySketch("tf-9");
    s.update(SketchFixtures.requests(1, "a", 1).get(0), () -> "x".repeat(5000));
    assertThat(s.samples().get(0)).hasSize(FamilySketch.SAMPLE_CHARS + 1);
  }

  @Test
  void infra_countsAccountsAndOwners_mergesAndRoundTrips() {
    InfraSketch a = new InfraSketch("ip:203.0.113.0/24");
    InfraSketch b = new InfraSketch("ip:203.0.113.0/24");
    a.update("acct-1", "org:1", 10);
    a.update("acct-2", "org:1", 20);
    b.update("acct-3", "org:2", 30);
    b.update("acct-1", "org:1", 5);
    InfraSketch ab = new InfraSketch("ip:203.0.113.0/24");
    ab.merge(a);
    ab.merge(b);
    InfraSketch ba = new InfraSketch("ip:203.0.113.0/24");
    ba.merge(b);
    ba.merge(a);
    assertThat(ab.canonical()).isEqualTo(ba.canonical());
    assertThat(ab.accounts()).isEqualTo(3);
    assertThat(ab.owners()).isEqualTo(2);
    assertThat(ab.requests()).isEqualTo(4);
    assertThat(ab.lastSeen()).isEqualTo(30);
    assertThat(InfraSketch.fromBytes(ab.toBytes()).canonical()).isEqualTo(ab.canonical());
    assertThatThrownBy(() -> ab.merge(new InfraSketch("asn:1"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ipRange_ipv4AndIpv6AndGarbage() {
    assertThat(InfraKeys.ipRange("203.0.113.77")).isEqualTo("203.0.113.0/24");
    assertThat(InfraKeys.ipRange("2001:db8:abcd:12::1")).isEqualTo("2001:db8:abcd::/48");
    assertThat(InfraKeys.ipRange("not-an-ip")).isNull();
    assertThat(InfraKeys.ipRange(null)).isNull();
  }
}
