package io.distillguard.service.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertSenderTest {

  @Test
  void slackMessagesEscapeLinksAndMentions() throws Exception {
    String payload = "{\"kind\":\"campaign_attack\",\"campaign_id\":\"cmp-f00012\",\"verdict\":\"attack\","
        + "\"score\":0.91,\"accounts\":120,\"events\":4000,\"first_seen\":\"2026-03-01T00:00:00Z\","
        + "\"reasons\":[{\"signal\":\"model_pivot\",\"weight\":0.15,\"detail\":\"moved to <!channel> & <http://x|y>\"}]}";
    String text = new ObjectMapper().readTree(AlertSender.slack(payload)).get("text").asText();
    assertThat(text).contains("Distillation campaign detected").contains("cmp-f00012").contains("120 accounts")
        .contains("&lt;!channel&gt; &amp; &lt;http://x|y&gt;").doesNotContain("<!channel>");
  }

  @Test
  void backoffDoublesUpToTheCap() {
    AlertSender s = new AlertSender(null, new AlertSender.Target(URI.create("http://127.0.0.1:1/"), "json", null,
        Duration.ofSeconds(5), Duration.ofMinutes(1), 12), java.time.Clock.systemUTC());
    assertThat(s.backoff(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.backoff(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.backoff(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(s.backoff(5)).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.backoff(60)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void signaturesDependOnSecretTimeAndBody() {
    String a = AlertSender.sign("k", 100, "{}");
    assertThat(a).startsWith("t=100,v1=").hasSize("t=100,v1=".length() + 64);
    assertThat(AlertSender.sign("k", 101, "{}")).isNotEqualTo(a);
    assertThat(AlertSender.sign("k2", 100, "{}")).isNotEqualTo(a);
    assertThat(AlertSender.sign("k", 100, "{ }")).isNotEqualTo(a);
  }
}
