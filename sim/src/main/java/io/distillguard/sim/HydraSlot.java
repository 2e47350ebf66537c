package io.distillguard.sim;

import io.distillguard.event.ClientInfo;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Response;
import io.distillguard.sim.corpus.Prompt;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One seat of the {@code hydra-reseller} proxy network: an account that lives one to three days and is then
 * replaced by a freshly created one (ban and replace). Each account relays real customers' requests (many end
 * users, diverse prompts) mixed with the operator's own harvest traffic, through rotating residential proxies.
 */
final class HydraSlot extends SessionActor {

  private final LongFunction<SimAccount> recruit;
  private SimAccount account;
  private long retireAt;
  private double distillShare;
  private String[] harvestUsers;
  private int recruited;

  /** A seat whose accounts come from {@code recruit}, active on {@code rhythm} at UTC plus {@code utcOffset}. */
  HydraSlot(
      Simulation sim,
      int index,
      LongFunction<SimAccount> recruit,
      Rhythm rhythm,
      int utcOffset,
      double sessionsPerDay) {
    super(sim, index, rhythm, utcOffset, sessionsPerDay, sim.start, sim.end);
    this.recruit = recruit;
    replace(sim.start);
    retireAt -= rnd.nextLong(Simulation.DAY);
    begin();
  }

  /** Accounts this seat went through. */
  int recruited() {
    return recruited;
  }

  private void replace(long t) {
    account = recruit.apply(t);
    recruited++;
    retireAt = t + Simulation.DAY + rnd.nextLong(2 * Simulation.DAY);
    distillShare = 0.35 + 0.10 * rnd.nextDouble();
    harvestUsers = new String[2 + rnd.nextInt(3)];
    for (int i = 0; i < harvestUsers.length; i++) {
      harvestUsers[i] = "c" + Ids.hex(rnd.nextLong(), 8);
    }
  }

  @Override
  int startSession(long t) {
    if (t >= retireAt) {
      replace(t);
    }
    return 1 + rnd.nextInt(6);
  }

  @Override
  void request(long t, int turn) {
    PromptPools p = sim.pools;
    String prompt;
    String endUser;
    List<Request.Tool> tools = List.of();
    Responder.Work work;
    Request.Reasoning reasoning = null;
    int maxTokens;
    String model = rnd.nextInt(4) == 0 ? Responder.MINI : Responder.LARGE;
    if (rnd.nextDouble() < distillShare) {
      prompt = HarvestTexts.hydraDistill(p, rnd);
      endUser = harvestUsers[rnd.nextInt(harvestUsers.length)];
      work = Responder.Work.LONG_REASONING;
      reasoning = new Request.Reasoning(true, 16000 + 8000 * rnd.nextInt(3));
      maxTokens = 32000;
      model = Responder.LARGE;
    } else {
      int k = rnd.nextInt(100);
      if (k < 50) {
        prompt = PromptPools.pick(p.generalChat, rnd).text();
        work = Responder.Work.CHAT;
      } else if (k < 65) {
        prompt = PromptPools.pick(p.personaPrompts, rnd).text();
        work = Responder.Work.CHAT;
      } else if (k < 85) {
        prompt = AgentTexts.codingTask(p, rnd);
        work = Responder.Work.CODE;
      } else if (k < 90) {
        Prompt tp = PromptPools.pick(p.toolTasks, rnd);
        prompt = tp.text();
        tools = tp.tools();
        work = Responder.Work.TOOL_CALL;
      } else {
        prompt = PromptPools.pick(p.gsm8k, rnd).text();
        work = Responder.Work.CHAT;
      }
      prompt = BenignTexts.humanize(prompt, rnd);
      endUser = "c" + Ids.hex(sim.ids.endUser(index * 7_000_003L + rnd.nextInt(4000)), 8);
      maxTokens = new int[] {1024, 2048, 4096, 8192}[rnd.nextInt(4)];
    }
    Network.Asn asn = Network.home(Network.COUNTRIES[rnd.nextInt(Network.COUNTRIES.length)], rnd);
    ClientInfo base = account.client;
    ClientInfo client =
        new ClientInfo(asn.ip(rnd), asn.number(), asn.org(), base.userAgent(), base.tlsFingerprint(),
            base.accessPath());
    Request q =
        new Request(model, "chat", null, List.of(Message.text("user", prompt)), tools, maxTokens,
            reasoning != null ? 1.0 : 0.7, null, null, Boolean.TRUE, reasoning, null);
    Response r = Responder.respond(q, work, 0.03, 0, rnd);
    sim.send(account, t, account.apiKeys[rnd.nextInt(account.apiKeys.length)], endUser, client, q, r);
  }

  @Override
  long gapMs(int turn) {
    return (long) Responder.lognormal(4_000, 1.0, rnd);
  }
}
