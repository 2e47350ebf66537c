package io.distillguard.sim;

import io.distillguard.event.ClientInfo;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Response;
import io.distillguard.sim.corpus.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A person (or a small app) chatting with the API: short sessions of a first prompt and follow-ups, drawn from
 * the benign sets (general questions, role prompts, some coding, some math with "step by step", occasional tools)
 * with the account's habits (model, limits, system prompt), and a slow move to the new model for some.
 */
final class ChatUser extends SessionActor {

  /** Per-account habits, fixed at creation. */
  record Habits(
      String model,
      long adoptAt,
      double newModelShare,
      Integer maxTokens,
      Double temperature,
      Boolean stream,
      int reasoningBudget,
      String system,
      int codingPercent,
      int officePercent,
      int endUsers,
      ClientInfo altClient) {}

  private static final String[] FOLLOW_UPS = {
    "Can you make it shorter?", "Thanks! Can you give an example?", "Can you explain that in more detail?",
    "What about the edge cases?", "ok and how would I do that in JavaScript?", "Can you rewrite it in a more formal"
        + " tone?", "That's not quite right, try again.", "Why?", "Great, now summarise it in 3 bullet points.",
    "Can you add comments to the code?", "Explain step 2 again, I don't get it.", "thanks", "Any alternatives?",
    "Could you put that in a table?", "And what would you recommend for a beginner?", "Make it funnier.",
  };

  private static final String[] REPLIES = {
    "Sure! Here's an overview:\n\n1. First, consider the main point.\n2. Then look at the details.\n3. Finally,"
        + " check the result.",
    "Great question. In short: it depends on your constraints, but the most common approach is the simplest one.",
    "Here's a version you can use:\n\n```python\ndef solve(data):\n    return sorted(data)\n```",
    "The answer is 42. Let me know if you want me to go through it again.",
    "Of course. Below is a draft you can adapt to your needs.",
  };

  private final SimAccount account;
  private final Habits h;
  private final double limited;

  private String firstPrompt;
  private String sessionModel;
  private Responder.Work work;
  private String endUser;
  private ClientInfo client;
  private List<Request.Tool> tools;

  ChatUser(
      Simulation sim,
      int index,
      SimAccount account,
      Habits h,
      Rhythm rhythm,
      double sessionsPerDay,
      long from,
      long to,
      double limited) {
    super(sim, index, rhythm, account.utcOffset, sessionsPerDay, from, to);
    this.account = account;
    this.h = h;
    this.limited = limited;
    begin();
  }

  @Override
  int startSession(long t) {
    SplittableRandom r = rnd;
    tools = List.of();
    sessionModel = t >= h.adoptAt && r.nextDouble() < h.newModelShare ? Responder.LARGE_2 : h.model;
    int roll = r.nextInt(100);
    PromptPools p = sim.pools;
    if (roll < h.officePercent) {
      firstPrompt = BenignTexts.officeTask(r);
      work = Responder.Work.CHAT;
    } else if ((roll -= h.officePercent) < h.codingPercent) {
      firstPrompt = AgentTexts.codingTask(p, r);
      work = Responder.Work.CODE;
    } else if (roll < h.codingPercent + 6) {
      firstPrompt = PromptPools.pick(p.gsm8k, r).text();
      if (r.nextInt(5) < 2) {
        firstPrompt += BenignTexts.stepSuffix(r);
      }
      work = Responder.Work.CHAT;
    } else if (roll < h.codingPercent + 10) {
      Prompt tp = PromptPools.pick(p.toolTasks, r);
      firstPrompt = tp.text();
      tools = tp.tools();
      work = Responder.Work.TOOL_CALL;
    } else if (roll < h.codingPercent + 12) {
      firstPrompt = PromptPools.pick(p.apiTasks, r).text();
      work = Responder.Work.CODE;
    } else if (roll < h.codingPercent + 15) {
      firstPrompt = PromptPools.pick(p.flan, r).text();
      if (r.nextInt(3) == 0) {
        firstPrompt += BenignTexts.stepSuffix(r);
      }
      work = Responder.Work.CHAT;
    } else if (roll < h.codingPercent + 26) {
      firstPrompt = PromptPools.pick(p.personaPrompts, r).text();
      work = Responder.Work.CHAT;
    } else {
      firstPrompt = PromptPools.pick(p.generalChat, r).text();
      if (r.nextInt(25) == 0) {
        firstPrompt += BenignTexts.stepSuffix(r);
      }
      work = Responder.Work.CHAT;
    }
    firstPrompt = BenignTexts.humanize(firstPrompt, r);
    endUser = h.endUsers > 0 ? "u_" + Ids.hex(sim.ids.endUser(account.index * 100_003L + r.nextInt(h.endUsers)), 10)
        : null;
    client = h.altClient != null && r.nextInt(5) == 0 ? h.altClient : account.client;
    int n = 1;
    while (n < 12 && r.nextInt(100) < 55) {
      n++;
    }
    return n;
  }

  @Override
  void request(long t, int turn) {
    SplittableRandom r = rnd;
    List<Message> msgs;
    if (turn == 0) {
      msgs = List.of(Message.text("user", firstPrompt));
    } else {
      msgs = new ArrayList<>(3);
      msgs.add(Message.text("user", firstPrompt)); // the conversation so far, as a client resends it
      msgs.add(Message.text("assistant", HarvestTexts.pick(REPLIES, r)));
      msgs.add(Message.text("user", HarvestTexts.pick(FOLLOW_UPS, r)));
    }
    Request.Reasoning reasoning = h.reasoningBudget > 0 ? new Request.Reasoning(true, h.reasoningBudget) : null;
    Request q =
        new Request(sessionModel, "chat", h.system, msgs, turn == 0 ? tools : List.of(), h.maxTokens,
            reasoning != null ? Double.valueOf(1.0) : h.temperature, null, null, h.stream, reasoning, null);
    Response resp = Responder.respond(q, turn == 0 ? work : Responder.Work.CHAT, limited, 0, r);
    String key = account.apiKeys[account.apiKeys.length == 1 || r.nextInt(10) > 0 ? 0 : 1];
    sim.send(account, t, key, endUser, client, q, resp);
  }

  @Override
  long gapMs(int turn) {
    return (long) Responder.lognormal(70_000, 0.8, rnd);
  }
}
