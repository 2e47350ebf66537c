package io.distillguard.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostingNetworksTest {

  @Test
  void cloudAndVpsNetworksAreHosting_homeAndMobileNetworksAreNot() {
    assertThat(HostingNetworks.isHosting(16509L)).isTrue(); // AWS
    assertThat(HostingNetworks.isHosting(24940L)).isTrue(); // Hetzner
    assertThat(HostingNetworks.isHosting(14061L)).isTrue(); // DigitalOcean
    assertThat(HostingNetworks.isHosting(7922L)).isFalse(); // Comcast, homes
    assertThat(HostingNetworks.isHosting(21928L)).isFalse(); // T-Mobile US, phones
    assertThat(HostingNetworks.isHosting(13335L)).isFalse(); // Cloudflare: its WARP exits are people
    assertThat(HostingNetworks.isHosting(null)).isFalse();
  }

  @Test
  void onlyDirectRequestsCount_notThoseThroughACloudPlatformOrARouter() {
    assertThat(HostingNetworks.directFromHosting(16509L, "direct")).isTrue();
    assertThat(HostingNetworks.directFromHosting(16509L, null)).isTrue();
    assertThat(HostingNetworks.directFromHosting(16509L, "cloud:aws-bedrock")).isFalse();
    assertThat(HostingNetworks.directFromHosting(16509L, "router:openrouter")).isFalse();
    assertThat(HostingNetworks.directFromHosting(7922L, "direct")).isFalse();
  }
}
