package io.distillguard.service.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.distillguard.linking.Campaign;
import io.distillguard.pipeline.DetectionPipeline;
import io.distillguard.report.JsonFiles;
import io.distillguard.scoring.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What in an evaluation deserves an alert: a campaign reaching {@code attack} ({@code campaign_attack}) or
 * {@code suspicious} ({@code campaign_review}), and an attack campaign doubling in size ({@code campaign_grew}, once
 * per power of two). Each candidate carries a dedupe key, so the same campaign in later evaluations (or in a replay
 * after a restart) alerts no more. Stateless and thread-safe.
 */
public final class AlertRules {

  /** An alert to raise unless its key was raised before. */
  public record Candidate(String dedupeKey, String kind, String campaignId, String payload) {}

  /** Attack campaigns smaller than this alert once at detection, and only grow alerts from this size on. */
  static final int GROWTH_FROM = 8;
  private static final JsonFactory JSON = JsonFactory.builder().build();

  public List<Candidate> candidates(DetectionPipeline.Evaluation e) {
    List<Candidate> out = new ArrayList<>();
    for (Campaign c : e.campaigns()) {
      if (c.verdict() == Verdict.ATTACK) {
        out.add(candidate("campaign:" + c.campaignId() + ":attack", "campaign_attack", c, e));
        int n = c.accountCount();
        if (n >= 2 * GROWTH_FROM) {
          int step = 31 - Integer.numberOfLeadingZeros(n); // floor(log2 n)
          out.add(candidate("campaign:" + c.campaignId() + ":grew:" + step, "campaign_grew", c, e));
        }
      } else if (c.verdict() == Verdict.SUSPICIOUS) {
        out.add(candidate("campaign:" + c.campaignId() + ":review", "campaign_review", c, e));
      }
    }
    return out;
  }

  private static Candidate candidate(String key, String kind, Campaign c, DetectionPipeline.Evaluation e) {
    return new Candidate(key, kind, c.campaignId(), payload(kind, c, e));
  }

  /** The alert's JSON: ids, counts, shares and reasons with their counts; campaign evidence (examples) stays home. */
  static String payload(String kind, Campaign c, DetectionPipeline.Evaluation e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("kind", kind);
      g.writeStringField("campaign_id", c.campaignId());
      g.writeStringField("verdict", c.verdict().wireName());
      g.writeNumberField("score", JsonFiles.round(c.score()));
      g.writeNumberField("accounts", c.accountCount());
      g.writeNumberField("events", c.events());
      g.writeStringField("first_seen", c.firstSeen() == null ? null : c.firstSeen().toString());
      g.writeStringField("last_seen", c.lastSeen() == null ? null : c.lastSeen().toString());
      g.writeStringField("evaluated_at", e.at().toString());
      JsonFiles.writeShares(g, "capabilities", c.capabilities());
      JsonFiles.writeShares(g, "models", c.models());
      JsonFiles.writeReasons(g, c.reasons());
      g.writeEndObject();
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
