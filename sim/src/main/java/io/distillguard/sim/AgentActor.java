package io.distillguard.sim;

import io.distillguard.event.ClientInfo;
import io.distillguard.event.Message;
import io.distillguard.event.Request;
import io.distillguard.event.Response;
import io.distillguard.sim.corpus.Prompt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An account running agent loops: each session is one task (tool use, data analysis, computer use or coding)
 * worked in several requests, each carrying the task, the recent assistant tool calls and tool results. One class
 * serves the agentic and coding harvest campaigns and the benign coding-agent product, which differ in task mix,
 * prompts, tools, limits, timing and model choice.
 */
final class AgentActor extends SessionActor {

  enum Style {
    AGENTIC_HARVEST,
    CODING_HARVEST,
    CODING_PRODUCT
  }

  /** Fixed per-account settings. */
  record Setup(
      Style style,
      int minTurns,
      int maxTurns,
      long medianGapMs,
      int maxTokens,
      int reasoningPercent,
      int reasoningBudget,
      boolean openAiStyle,
      /** From when a share of sessions adds reasoning-trace extraction (agentic harvest phase 2); MAX if never. */
      long traceFrom,
      /** When this account moves to the new model (MAX if never) and the share of sessions it then sends there. */
      long switchAt,
      double switchShare,
      int endUsers,
      double limited) {}

  private static final int HISTORY = 6;

  private final SimAccount account;
  private final Setup s;

  private String task;
  private String system;
  private List<Request.Tool> tools;
  private String model;
  private String endUser;
  private boolean computerUse;
  private String[] toolPlan;
  private ClientInfo client;
  private final ArrayDeque<Message> history = new ArrayDeque<>();

  AgentActor(
      Simulation sim,
      int index,
      SimAccount account,
      Setup setup,
      Rhythm rhythm,
      double sessionsPerDay,
      long from,
      long to) {
    super(sim, index, rhythm, account.utcOffset, sessionsPerDay, from, to);
    this.account = account;
    this.s = setup;
    begin();
  }

  @Override
  int startSession(long t) {
    SplittableRandom r = rnd;
    PromptPools p = sim.pools;
    history.clear();
    computerUse = false;
    client = account.client;
    model = t >= s.switchAt && r.nextDouble() < s.switchShare ? Responder.LARGE_2 : Responder.LARGE;
    switch (s.style) {
      case AGENTIC_HARVEST -> {
        int k = r.nextInt(100);
        if (k < 40) {
          Prompt tp = PromptPools.pick(p.toolTasks, r);
          task = tp.text();
          tools = mergeTools(tp.tools(), r.nextBoolean() ? AgentTexts.WEB : List.of());
          system = tp.system() != null && r.nextInt(3) == 0 ? tp.system() : AgentTexts.agentSystem(r);
          toolPlan = names(tools);
        } else if (k < 60) {
          task = AgentTexts.dataTask(r);
          tools = AgentTexts.DATA;
          system = AgentTexts.agentSystem(r);
          toolPlan = names(tools);
        } else if (k < 80) {
          task = AgentTexts.computerTask(r);
          tools = AgentTexts.COMPUTER;
          system = AgentTexts.agentSystem(r);
          computerUse = true;
          toolPlan = new String[] {"computer", "computer", "computer", "bash"};
        } else if (k < 90) {
          task = AgentTexts.codingTask(p, r);
          tools = AgentTexts.COMPUTER.subList(1, 3);
          system = AgentTexts.agentSystem(r);
          toolPlan = names(tools);
        } else {
          task = PromptPools.pick(p.apiTasks, r).text();
          tools = AgentTexts.WEB;
          system = AgentTexts.agentSystem(r);
          toolPlan = names(tools);
        }
        if (t >= s.traceFrom && r.nextInt(100) < 60) {
          String add = HarvestTexts.traceExtraction(r);
          if (r.nextBoolean()) {
            system = system + "\n\n" + add;
          } else {
            task = task + "\n\n" + add;
          }
        }
      }
      case CODING_HARVEST -> {
        task = AgentTexts.codingTask(p, r);
        system = AgentTexts.codingAgentSystem(r);
        tools = AgentTexts.CODING_AGENT_TOOLS;
        toolPlan = new String[] {"list_dir", "read_file", "search_code", "edit_file", "run_tests", "bash"};
      }
      case CODING_PRODUCT -> {
        task = BenignTexts.humanize(AgentTexts.codingTask(p, r), r);
        system = AgentTexts.productSystem(r);
        tools = AgentTexts.PRODUCT_TOOLS;
        toolPlan = names(tools);
      }
    }
    endUser = s.endUsers > 0
        ? "dev-" + Ids.hex(sim.ids.endUser(account.orgId.hashCode() * 7919L + r.nextInt(s.endUsers)), 12)
        : null;
    return s.minTurns + r.nextInt(s.maxTurns - s.minTurns + 1);
  }

  private static List<Request.Tool> mergeTools(List<Request.Tool> a, List<Request.Tool> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<Request.Tool> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String[] names(List<Request.Tool> tools) {
    String[] n = new String[tools.size()];
    for (int i = 0; i < n.length; i++) {
      n[i] = tools.get(i).name();
    }
    return n;
  }

  @Override
  void request(long t, int turn) {
    SplittableRandom r = rnd;
    if (turn > 0) {
      String tool = toolPlan[Math.min(toolPlan.length - 1, (turn - 1 + r.nextInt(2)) % toolPlan.length)];
      Message[] step = AgentTexts.step(tool, computerUse && tool.equals("computer"), s.openAiStyle, sim.pools, r);
      history.addLast(step[0]);
      history.addLast(step[1]);
      while (history.size() > HISTORY) {
        history.removeFirst();
      }
    }
    List<Message> msgs = new ArrayList<>(1 + history.size());
    if (computerUse && turn == 0) {
      msgs.add(new Message("user", List.of(Message.Part.text(task), new Message.Part("image", null, null))));
    } else {
      msgs.add(Message.text("user", task));
    }
    msgs.addAll(history);
    boolean reasoningOn = r.nextInt(100) < s.reasoningPercent;
    Request q =
        new Request(model, "chat", system, msgs, tools, s.maxTokens, reasoningOn ? 1.0 : 0.2 + 0.1 * r.nextInt(6),
            null, null, Boolean.TRUE, reasoningOn ? new Request.Reasoning(true, s.reasoningBudget) : null, null);
    boolean last = turn > 0 && r.nextInt(6) == 0;
    Response resp =
        Responder.respond(q, last ? Responder.Work.AGENT_FINAL : Responder.Work.AGENT_STEP, s.limited,
            turn == 0 ? 0 : 0.6 + 0.3 * r.nextDouble(), r);
    String key = account.apiKeys[r.nextInt(account.apiKeys.length)];
    sim.send(account, t, key, endUser, client, q, resp);
  }

  @Override
  long gapMs(int turn) {
    return (long) Responder.lognormal(s.medianGapMs, 0.6, rnd);
  }
}
