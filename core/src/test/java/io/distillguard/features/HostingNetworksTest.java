package io.distillguard.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distillguard.event.Event;
import io.distillguard.event.EventParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostingNetworksTest {

  private static final HostingNetworks BUNDLED = HostingNetworks.bundled();

  @Test
  void cloudAndVpsNetworksAreHosting_homeAndMobileNetworksAreNot() {
    assertThat(BUNDLED.isHosting(16509L)).isTrue(); // AWS
    assertThat(BUNDLED.isHosting(24940L)).isTrue(); // Hetzner
    assertThat(BUNDLED.isHosting(14061L)).isTrue(); // DigitalOcean
    assertThat(BUNDLED.isHosting(7922L)).isFalse(); // Comcast, homes
    assertThat(BUNDLED.isHosting(21928L)).isFalse(); // T-Mobile US, phones
    assertThat(BUNDLED.isHosting(13335L)).isFalse(); // Cloudflare: its WARP exits are people
    assertThat(BUNDLED.isHosting(null)).isFalse();
  }

  @Test
  void onlyDirectRequestsCount_notThoseThroughACloudPlatformOrARouter() {
    assertThat(BUNDLED.directFromHosting(16509L, "direct")).isTrue();
    assertThat(BUNDLED.directFromHosting(16509L, null)).isTrue();
    assertThat(BUNDLED.directFromHosting(16509L, "cloud:aws-bedrock")).isFalse();
    assertThat(BUNDLED.directFromHosting(16509L, "router:openrouter")).isFalse();
    assertThat(BUNDLED.directFromHosting(7922L, "direct")).isFalse();
  }

  @Test
  void anOperatorsFileAddsAndRemovesAsns_andLeavesTheBundledListAlone(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("asns.txt"), """
        # our own classification
        64500 a regional VPS host
        AS64501
        -16509 most of our customers run on it
        """);
    HostingNetworks own = HostingNetworks.bundledWith(file);

    assertThat(own.isHosting(64500L)).isTrue();
    assertThat(own.isHosting(64501L)).isTrue();
    assertThat(own.isHosting(16509L)).isFalse();
    assertThat(own.isHosting(24940L)).isTrue();
    assertThat(own.size()).isEqualTo(BUNDLED.size() + 1);
    assertThat(BUNDLED.isHosting(16509L)).isTrue();
    assertThat(BUNDLED.isHosting(64500L)).isFalse();
  }

  @Test
  void aLineThatIsNotAnAsnIsAnErrorNamingTheFileAndLine(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("asns.txt"), "64500\n\nhetzner\n");

    assertThatThrownBy(() -> HostingNetworks.bundledWith(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("asns.txt line 3")
        .hasMessageNotContaining("hetzner");
    Path tooLarge = Files.writeString(dir.resolve("big.txt"), "4294967296\n");
    assertThatThrownBy(() -> HostingNetworks.bundledWith(tooLarge)).hasMessageContaining("big.txt line 1");
  }

  @Test
  void theExtractorUsesTheListItIsGiven(@TempDir Path dir) throws Exception {
    Event e = new EventParser().parse("""
        {"event_id":"e1","ts":"2026-02-01T00:00:00Z","account_id":"a",\
        "client":{"ip":"203.0.113.9","asn":64500,"access_path":"direct"},\
        "request":{"model":"m","messages":[{"role":"user","content":"hello"}]}}""");
    assertThat(FeatureExtractor.withBundledModel().extract(e).fromHosting()).isFalse();
    HostingNetworks own = HostingNetworks.bundledWith(Files.writeString(dir.resolve("a.txt"), "64500\n"));
    assertThat(FeatureExtractor.withBundledModel(own).extract(e).fromHosting()).isTrue();
  }
}
