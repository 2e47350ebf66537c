package io.distillguard.state;

import io.distillguard.event.AccountInfo;
import io.distillguard.event.ClientInfo;
import io.distillguard.event.Event;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Tier;
import io.distillguard.features.Capability;
import io.distillguard.features.CotSignal;
import io.distillguard.features.RequestFeatures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random request features for sketch law tests; few distinct keys, so top-k summaries stay exact. */
final class SketchFixtures {

  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  private SketchFixtures() {}

  /** One plain request of {@code accountId} whose first user message is {@code task}. */
  static RequestFeatures task(long seed, String accountId, String task) {
    Request q = new Request("model-1", null, null, List.of(Message.text("user", task)), List.of(), 1000, null, null,
        null, null, null, null);
    Event e = new Event("ev-t-" + seed, T0.plusSeconds(seed), accountId, null, null, null, null, null, q, null);
    return new RequestFeatures(e, new long[] {seed}, 0L, Capability.GENERAL, CotSignal.NONE, task.length(), false, 0);
  }

  static List<RequestFeatures> requests(long seed, String accountId, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    List<RequestFeatures> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Instant ts = T0.plus(Duration.ofSeconds(r.nextLong(7 * 86_400)));
      AccountInfo a = new AccountInfo(T0.minus(Duration.ofDays(r.nextInt(3))), Tier.values()[r.nextInt(3)],
          r.nextBoolean(), "pf-" + r.nextInt(3), "mail.example", "SG");
      // a few clients, each with its own model and path, and two parameter sets: six client configurations, within
      // the sketch's capacity for them (merge laws hold exactly only within capacity)
      int client = r.nextInt(3);
      boolean large = r.nextBoolean();
      ClientInfo c = new ClientInfo("203.0." + r.nextInt(4) + "." + r.nextInt(250), 64500L + r.nextInt(3),
          "Example", "sdk/" + r.nextInt(2), "t13d_" + client, client == 1 ? "router:x" : "direct");
      Request q = new Request("model-" + client, null, null, List.of(Message.text("user", "p" + i)),
          List.of(), large ? 32000 : 1000, null, null, null, null,
          new Request.Reasoning(true, large ? 24000 : 1000), null);
      Event e = new Event("ev-" + seed + "-" + i, ts, accountId, "org-" + r.nextInt(2), null,
          r.nextBoolean() ? "u" + r.nextInt(20) : null, a, c, q, null);
      Capability cap = Capability.values()[r.nextInt(Capability.values().length)];
      CotSignal cot = r.nextBoolean() ? new CotSignal(r.nextDouble(), r.nextBoolean()) : CotSignal.NONE;
      out.add(new RequestFeatures(e, new long[] {r.nextLong()}, 0L, cap,
          cot, 100 + r.nextInt(1000), r.nextInt(5) == 0, r.nextInt(3)));
    }
    return out;
  }

  static String family(SplittableRandom r) {
    return r.nextInt(4) == 0 ? null : "tf-" + r.nextInt(6);
  }
}
