package io.distillguard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.distillguard.features.HostingNetworks;
import io.distillguard.scoring.DetectionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanConfigTest {

  @Test
  void anEmptyFileGivesTheDefaults(@TempDir Path dir) throws IOException {
    ScanConfig c = ScanConfig.read(Files.writeString(dir.resolve("scan.properties"), "# nothing\n"));

    assertThat(c.detection()).isEqualTo(DetectionConfig.defaults());
    assertThat(c.hosting()).isSameAs(HostingNetworks.bundled());
  }

  @Test
  void anOperatorsHostingListExtendsTheBundledOne(@TempDir Path dir) throws IOException {
    Path asns = Files.writeString(dir.resolve("asns.txt"), "64500\n-16509\n");
    ScanConfig c = ScanConfig.read(Files.writeString(dir.resolve("scan.properties"),
        "features.hosting_asns = " + asns.toString().replace("\\", "/") + "\ndetection.attack_threshold = 0.8\n"));

    assertThat(c.hosting().isHosting(64500L)).isTrue();
    assertThat(c.hosting().isHosting(16509L)).isFalse();
    assertThat(c.hosting().isHosting(24940L)).isTrue();
    assertThat(c.detection().attackThreshold()).isEqualTo(0.8);
  }

  @Test
  void aMissingHostingFileOrAnUnknownKeyIsAnErrorNamingTheConfigFile(@TempDir Path dir) throws IOException {
    Path missing = Files.writeString(dir.resolve("a.properties"),
        "features.hosting_asns = " + dir.resolve("nope.txt").toString().replace("\\", "/") + "\n");
    assertThatThrownBy(() -> ScanConfig.read(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.properties")
        .hasMessageContaining("nope.txt");

    Path typo = Files.writeString(dir.resolve("b.properties"), "features.hosting_asn = x\n");
    assertThatThrownBy(() -> ScanConfig.read(typo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("features.hosting_asn]");
  }
}
