package io.distillguard.sim;

import io.distillguard.event.AccountInfo;
import io.distillguard.event.ClientInfo;
import io.distillguard.event.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Lays out the default scenario: six attack campaigns, the general population, five hard-negative personas and an
 * allowed partner, with their accounts (ids, billing, infrastructure) and the actors that drive them. Figures are
 * given for scale 1 over 7 days; account counts scale linearly with the scale, event counts with scale and
 * duration (per-account rates are fixed), and campaign phases sit at the same fractions of the period. In an
 * evasive run each campaign plans its accounts as usual and then hands the plan to its {@link Evasion}; the
 * personas' accounts and actors, with their indices and random streams, stay the same.
 */
final class ScenarioBuilder {

  private static final long H = Simulation.HOUR;
  private static final long D = Simulation.DAY;
  private static final double WEEK_DAYS = 7.0;

  private final Simulation sim;
  private final double scale;
  final List<Actor> actors = new ArrayList<>();
  /** Allowlist lines ({@code org:<id>}), in creation order. */
  final List<String> allowlist = new ArrayList<>();
  /**
   * Actors made after every population's own: the evasive cot-harvest workers but the first, which takes the burst
   * controller's place, so that every other actor keeps its index (and its random stream).
   */
  private final List<IntFunction<Actor>> deferred = new ArrayList<>();

  ScenarioBuilder(Simulation sim) {
    this.sim = sim;
    this.scale = sim.scale;
  }

  /** Builds every population in a fixed order (ids depend on it). */
  void build() {
    cotHarvest(rng(1));
    agenticHarvest(rng(2));
    codingAgentHarvest(rng(3));
    hydraReseller(rng(4));
    lowAndSlow(rng(5));
    paraphrasedCot(rng(6));
    general(rng(7));
    ragApp(rng(8));
    codingAgentProduct(rng(9));
    universityClass(rng(10));
    evalTeam(rng(11));
    sharedPaymentCompany(rng(12));
    allowedPartner(rng(13));
    if (sim.sharedToolUsers) {
      sharedToolUsers(rng(14));
    }
    for (IntFunction<Actor> a : deferred) {
      actors.add(a.apply(nextActor()));
    }
  }

  private SplittableRandom rng(int population) {
    return new SplittableRandom(Ids.mix64(sim.seed ^ (0x5CE7A110L * population)));
  }

  /** Attack population {@code population}'s evasions in an evasive run, else {@link Evasion#NONE}. */
  private Evasion evasion(int population) {
    return sim.evasive ? new Evasion(sim, rng(100 + population)) : Evasion.NONE;
  }

  private int count(int atScaleOne, int min) {
    return Math.max(min, (int) Math.round(atScaleOne * scale));
  }

  /** Instances of a one-organisation persona: one per unit of scale. */
  private int instances() {
    return Math.max(1, (int) Math.round(scale));
  }

  private int perInstance(int atScaleOne, int min) {
    return scale >= 1 ? atScaleOne : Math.max(min, (int) Math.round(atScaleOne * scale));
  }

  /** Events per account per day so that {@code accounts} accounts give {@code events1 * scale} over the window. */
  private double rate(double events1, double windowDays1, int accounts) {
    return events1 * scale / (windowDays1 * accounts);
  }

  private int nextActor() {
    return actors.size();
  }

  private SimAccount account(
      Population p,
      String org,
      int keys,
      long createdAt,
      Tier tier,
      boolean verified,
      String payment,
      String email,
      String country,
      ClientInfo client) {
    AccountInfo info =
        new AccountInfo(Instant.ofEpochMilli(createdAt), tier, verified, payment, email, country);
    return sim.newAccount(p, org, keys, info, client, Network.utcOffset(country));
  }

  private static String pick(String[] a, SplittableRandom r) {
    return a[r.nextInt(a.length)];
  }

  private static Tier tier(SplittableRandom r, Object... weighted) {
    int roll = r.nextInt(100);
    for (int i = 0; i < weighted.length; i += 2) {
      roll -= (Integer) weighted[i + 1];
      if (roll < 0) {
        return (Tier) weighted[i];
      }
    }
    return (Tier) weighted[weighted.length - 2];
  }

  /** How an evasive campaign's accounts differ from the plain campaign's (see {@link Evasion}). */
  private static final String EVADED =
      "Evasive operator: each account has an ordinary customer's client (user agent, TLS fingerprint, access path)"
          + " and home address in a customer's country, its own payment, a creation date spread over the 60 days"
          + " before it starts and a start shifted by up to 12 hours; every second account follows a person's daily"
          + " cycle in its own time zone.";

  private static final String[] FREEMAIL = {
    "gmail.com", "gmail.com", "outlook.com", "proton.me", "hotmail.com", "yahoo.com", "icloud.com"
  };

  /** A made-up company domain. */
  private static String companyDomain(SplittableRandom r) {
    String[] a = {"blue", "north", "bright", "quant", "nova", "lumen", "cedar", "atlas", "pixel", "stack", "delta",
        "silver", "open", "iron", "vertex", "harbor"};
    String[] b = {"labs", "works", "soft", "data", "ai", "cloud", "systems", "logic", "byte", "forge", "hq", "apps"};
    String[] tld = {".com", ".io", ".ai", ".dev", ".co", ".net"};
    return pick(a, r) + pick(b, r) + pick(tld, r);
  }

  private static Network.Asn anyOf(SplittableRandom r, long... asns) {
    return Network.byNumber(asns[r.nextInt(asns.length)]);
  }

  private String iso(long t) {
    return Instant.ofEpochMilli(t).toString();
  }

  // === attack campaigns ==========================================================================================

  private void cotHarvest(SplittableRandom r) {
    long from = sim.at(1 / WEEK_DAYS);
    Evasion ev = evasion(1);
    String what =
        "Chain-of-thought harvest: reconstruct the step-by-step reasoning behind given answers (GSM8K, FLAN,"
            + " BBH), rubric grading as a reward model, and rewriting politically sensitive questions into"
            + " neutral ones.";
    Population p =
        sim.add(
            new Population(
                "cot-harvest", "cot_harvest", Population.Label.ATTACK, "high_volume", false,
                !ev.active()
                    ? what + " Synchronized round-robin bursts over all accounts around the clock; 3-4 shared"
                        + " payment fingerprints; two /24 ranges in a hosting AS plus other hosting ASes; one SDK"
                        + " user agent and TLS fingerprint; accounts created in 3 batches; maximal reasoning and"
                        + " output budgets."
                    : what + " Maximal reasoning and output budgets. " + EVADED + " Each account sends short"
                        + " sessions of its own instead of synchronized rounds.",
                from, sim.end));
    int n = count(80, 2);
    String[] payments = new String[3 + r.nextInt(2)];
    for (int i = 0; i < payments.length; i++) {
      payments[i] = sim.newPayment();
    }
    Network.Asn main = Network.byNumber(132203);
    String[] ranges = {main.range24(r), main.range24(r)};
    long[] batches = {from - 6 * D - r.nextLong(3 * H), from - 4 * D - r.nextLong(3 * H), from - 2 * D - r.nextLong(3 * H)};
    Network.Software sw = new Network.Software("Anthropic/Python 0.45.2", Network.TLS_PY_OLD);
    String[] countries = {"SG", "SG", "MY", "US", "JP"};
    double perDay = 40000 * scale / 6.0;
    Rhythm flat = ev.active() ? ev.aroundTheClock() : null;
    List<SimAccount> accounts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Network.Asn asn;
      String ip;
      if (r.nextInt(10) < 7) {
        asn = main;
        ip = ranges[r.nextInt(2)] + "." + (2 + r.nextInt(250));
      } else {
        asn = anyOf(r, 45102, 20473);
        ip = asn.ip(r);
      }
      long created = batches[i % 3] + r.nextLong(40 * Simulation.MINUTE);
      Tier tier = tier(r, Tier.INDIVIDUAL, 50, Tier.STARTUP, 30, Tier.FREE, 20);
      String pf = payments[r.nextInt(payments.length)];
      String email = pick(new String[] {"gmail.com", "outlook.com", "proton.me", "hotmail.com"}, r);
      Evasion.Plan plan = new Evasion.Plan(from, created, pf, pick(countries, r), Clients.direct(asn, ip, sw));
      plan = ev.evade(plan, sim.end);
      SimAccount a =
          account(p, null, 1, plan.created(), tier, false, plan.payment(), email, plan.country(), plan.client());
      accounts.add(a);
      if (ev.active()) {
        Rhythm rhythm = ev.rhythm(i, flat);
        long start = plan.start();
        double sessions = Evasion.keepVolume(perDay / n, from, start, sim.end) / CotWorker.SESSION;
        IntFunction<Actor> worker = k -> new CotWorker(sim, k, a, rhythm, sessions, start, sim.end);
        if (i == 0) {
          actors.add(worker.apply(nextActor()));
        } else {
          deferred.add(worker);
        }
      }
    }
    if (!ev.active()) {
      long period = (long) (D * n / perDay);
      actors.add(new BurstController(sim, nextActor(), accounts, period, from, sim.end));
      p.extra.put("payment_fingerprints", payments.length);
      p.extra.put("ip_ranges", List.of(ranges[0] + ".0/24", ranges[1] + ".0/24"));
      p.extra.put("asns", List.of(132203L, 45102L, 20473L));
      p.extra.put("user_agent", sw.userAgent());
      p.extra.put("tls_fingerprint", sw.tls());
      p.extra.put("creation_batches", List.of(iso(batches[0]), iso(batches[1]), iso(batches[2])));
      p.extra.put("burst_period_seconds", period / 1000);
    } else {
      ev.describe(p);
    }
  }

  private void agenticHarvest(SplittableRandom r) {
    long from = sim.at(0.5 / WEEK_DAYS);
    long phase2 = sim.at(3 / WEEK_DAYS);
    Evasion ev = evasion(2);
    String what =
        "Agentic harvest: tool use (ToolBench, BFCL, glaive, Gorilla tasks), data analysis, computer use with"
            + " screenshots, and coding, as multi-turn agent loops;";
    String later = " from the fourth day most sessions also ask for the full reasoning trace.";
    Population p =
        sim.add(
            new Population(
                "agentic-harvest", "agentic_harvest", Population.Label.ATTACK, "high_volume", false,
                !ev.active()
                    ? what + " hundreds of accounts of varied tiers across direct, cloud and router access paths,"
                        + " varied SDKs and hosting ASes, partly shared payment;" + later
                    : what + " hundreds of accounts of varied tiers;" + later + " " + EVADED,
                from, sim.end));
    int n = count(300, 6);
    String[] shared = new String[Math.max(3, n / 25)];
    for (int i = 0; i < shared.length; i++) {
      shared[i] = sim.newPayment();
    }
    Rhythm[] rhythms = new Rhythm[8];
    for (int i = 0; i < rhythms.length; i++) {
      rhythms[i] = Rhythm.aroundTheClock(r);
    }
    long[] hosting = {14061, 16276, 24940, 20473, 63949, 45102, 51167, 9009};
    String[] eduDomains = {"mail.northbridge.edu", "students.lakeside.ac.uk", "stu.eastfield.edu.sg",
        "alumni.westbrook.edu", "campus.rivertown.edu.au"};
    String[] countries = {"US", "SG", "GB", "DE", "JP", "KR", "CA", "MY", "IN", "BR"};
    double perAccountDay = rate(120000, 6.5, n);
    for (int i = 0; i < n; i++) {
      Tier t = tier(r, Tier.FREE, 30, Tier.STARTUP, 30, Tier.EDU, 20, Tier.RESEARCH, 20);
      boolean verified = (t == Tier.EDU || t == Tier.RESEARCH) && r.nextBoolean();
      String pf = r.nextInt(100) < 35 ? shared[r.nextInt(shared.length)]
          : t == Tier.FREE && r.nextBoolean() ? null : sim.newPayment();
      String email = t == Tier.EDU ? pick(eduDomains, r)
          : t == Tier.RESEARCH && r.nextBoolean() ? companyDomain(r) : pick(FREEMAIL, r);
      Network.Software sw = r.nextInt(3) == 0 ? Network.pick(Network.AGENT_TOOLS, r) : Clients.sdk(r);
      int path = r.nextInt(100);
      ClientInfo c;
      if (path < 40) {
        Network.Asn asn = anyOf(r, hosting);
        c = Clients.direct(asn, asn.ip(r), sw);
      } else if (path < 60) {
        c = Clients.cloud("aws-bedrock", r);
      } else if (path < 75) {
        c = Clients.cloud("gcp-vertex", r);
      } else {
        c = Clients.router("openrouter", sw, r);
      }
      long created = from - r.nextLong(21 * D) - H;
      int keys = 1 + r.nextInt(3);
      Evasion.Plan plan = new Evasion.Plan(from, created, pf, pick(countries, r), c);
      plan = ev.evade(plan, sim.end);
      SimAccount a = account(p, null, keys, plan.created(), t, verified, plan.payment(), email, plan.country(),
          plan.client());
      boolean switches = r.nextInt(5) == 0;
      AgentActor.Setup setup =
          new AgentActor.Setup(
              AgentActor.Style.AGENTIC_HARVEST, 3, 8, 6000, r.nextBoolean() ? 16000 : 32000, 50, 16000,
              r.nextInt(10) < 4, phase2, switches ? sim.release + 2 * H + r.nextLong(28 * H) : Long.MAX_VALUE, 0.5,
              0, 0.02);
      Rhythm rhythm = rhythms[r.nextInt(rhythms.length)];
      double sessions = perAccountDay / 5.5;
      rhythm = ev.rhythm(i, rhythm);
      sessions = Evasion.keepVolume(sessions, from, plan.start(), sim.end);
      actors.add(new AgentActor(sim, nextActor(), a, setup, rhythm, sessions, plan.start(), sim.end));
    }
    p.extra.put("phase2_from", iso(phase2));
    p.extra.put("phase2", "reasoning-trace extraction added to ~60% of sessions");
    if (!ev.active()) {
      p.extra.put("access_paths", List.of("direct", "cloud:aws-bedrock", "cloud:gcp-vertex", "router:openrouter"));
      p.extra.put("shared_payment_fingerprints", shared.length);
    } else {
      ev.describe(p);
    }
  }

  private void codingAgentHarvest(SplittableRandom r) {
    long from = sim.at(1.5 / WEEK_DAYS);
    Evasion ev = evasion(3);
    String what =
        "Agentic coding at high volume: a coding-agent system prompt, read_file/edit_file/run_tests/bash"
            + " tools, HumanEval, GPTeacher codegen, arena coding and repository tasks, large output and"
            + " reasoning budgets;";
    String later = " after the new model's release half of the accounts move to it within 24 hours.";
    Population p =
        sim.add(
            new Population(
                "coding-agent-harvest", "coding_agent_harvest", Population.Label.ATTACK, "high_volume", false,
                !ev.active()
                    ? what + " batch-created accounts on cloud egress addresses in few ASes;" + later
                    : what + later + " " + EVADED,
                from, sim.end));
    int n = count(200, 4);
    String[] payments = new String[Math.max(2, n / 20)];
    for (int i = 0; i < payments.length; i++) {
      payments[i] = sim.newPayment();
    }
    String[] domains = new String[Math.max(2, n / 25)];
    for (int i = 0; i < domains.length; i++) {
      domains[i] = companyDomain(r);
    }
    long[] batches = {from - 5 * D - r.nextLong(2 * H), from - 3 * D - r.nextLong(2 * H)};
    Rhythm[] rhythms = {Rhythm.aroundTheClock(r), Rhythm.aroundTheClock(r), Rhythm.aroundTheClock(r)};
    Network.Software py = new Network.Software("Anthropic/Python 0.51.0", Network.TLS_PY);
    Network.Software js = new Network.Software("Anthropic/JS 0.50.4", Network.TLS_NODE);
    String[] countries = {"SG", "US", "GB", "DE", "JP"};
    // exactly half the accounts (in a shuffled order) switch, at times spread over the first 18 hours
    int switching = (int) Math.round(n * 0.5);
    boolean[] switches = new boolean[n];
    for (int i = 0; i < switching; i++) {
      switches[i] = true;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      boolean t = switches[i];
      switches[i] = switches[j];
      switches[j] = t;
    }
    long firstSwitch = Long.MAX_VALUE;
    long lastSwitch = Long.MIN_VALUE;
    double perAccountDay = rate(180000, 5.5, n);
    for (int i = 0; i < n; i++) {
      Network.Asn asn = anyOf(r, 16509, 396982, 8075);
      ClientInfo c = Clients.direct(asn, asn.ip(r), r.nextInt(10) < 6 ? py : js);
      long created = batches[i % 2] + r.nextLong(90 * Simulation.MINUTE);
      Tier tier = r.nextInt(10) < 6 ? Tier.STARTUP : Tier.INDIVIDUAL;
      boolean verified = r.nextInt(5) == 0;
      String pf = payments[r.nextInt(payments.length)];
      String email = domains[r.nextInt(domains.length)];
      Evasion.Plan plan = new Evasion.Plan(from, created, pf, pick(countries, r), c);
      plan = ev.evade(plan, sim.end);
      SimAccount a = account(p, null, 1, plan.created(), tier, verified, plan.payment(), email, plan.country(),
          plan.client());
      long switchAt = Long.MAX_VALUE;
      if (switches[i]) {
        switchAt = sim.release + H + r.nextLong(17 * H);
        firstSwitch = Math.min(firstSwitch, switchAt);
        lastSwitch = Math.max(lastSwitch, switchAt);
      }
      AgentActor.Setup setup =
          new AgentActor.Setup(
              AgentActor.Style.CODING_HARVEST, 4, 12, 3500, r.nextBoolean() ? 64000 : 32000, 70, 32000, false,
              Long.MAX_VALUE, switchAt, 1.0, 0, 0.03);
      Rhythm rhythm = rhythms[i % rhythms.length];
      double sessions = perAccountDay / 8.0;
      rhythm = ev.rhythm(i, rhythm);
      sessions = Evasion.keepVolume(sessions, from, plan.start(), sim.end);
      actors.add(new AgentActor(sim, nextActor(), a, setup, rhythm, sessions, plan.start(), sim.end));
    }
    java.util.Map<String, Object> pivot = new java.util.LinkedHashMap<>();
    pivot.put("model", Responder.LARGE_2);
    pivot.put("release", iso(sim.release));
    if (switching > 0 && firstSwitch != Long.MAX_VALUE) {
      pivot.put("first_switch", iso(firstSwitch));
      pivot.put("last_switch", iso(lastSwitch));
    }
    pivot.put("accounts_switching", switching);
    pivot.put("target_share", 0.5);
    pivot.put("target_share_reached_by", iso(sim.release + 18 * H));
    p.extra.put("pivot", pivot);
    if (!ev.active()) {
      p.extra.put("payment_fingerprints", payments.length);
      p.extra.put("creation_batches", List.of(iso(batches[0]), iso(batches[1])));
      p.extra.put("asns", List.of(16509L, 396982L, 8075L));
    } else {
      ev.describe(p);
    }
  }

  private void hydraReseller(SplittableRandom r) {
    Evasion ev = evasion(4);
    String what =
        "Hydra proxy network: reseller-tier accounts that live 1-3 days and are replaced when banned; each"
            + " relays genuine customer traffic (many end users, diverse prompts) mixed with 35-45% of the"
            + " operator's reasoning and coding harvest; rotating residential proxy addresses over many"
            + " ASes";
    Population p =
        sim.add(
            new Population(
                "hydra-reseller", "hydra_reseller", Population.Label.ATTACK, "high_volume", false,
                !ev.active()
                    ? what + "; router access paths; payment shared among subsets of accounts."
                    : what + ". Evasive operator: each account has an ordinary customer's client (user agent, TLS"
                        + " fingerprint, access path from home), its own payment and a creation date spread over the"
                        + " 60 days before it starts; every second seat serves customers in one country on a"
                        + " person's daily cycle there.",
                sim.start, sim.end));
    int slots = count(60, 2);
    String[] payments = new String[Math.max(2, slots / 10)];
    for (int i = 0; i < payments.length; i++) {
      payments[i] = sim.newPayment();
    }
    String[] domains = {"api-hub.cc", "tokenrelay.net", "aiproxy.store", "gmail.com", "gmail.com", "qq.com",
        "outlook.com"};
    String[] routers = {"one-api", "new-api", "openrouter", "litellm-proxy"};
    String[] countries = {"US", "SG", "GB", "MY", "JP"};
    Rhythm rhythm = Rhythm.aroundTheClock(r);
    double perSlotDay = rate(80000, 7, slots);
    for (int s = 0; s < slots; s++) {
      String seatCountry = ev.active() ? ev.country() : null;
      java.util.function.LongFunction<SimAccount> recruit =
          t -> {
            String router = routers[r.nextInt(routers.length)];
            Network.Software sw =
                router.equals("one-api") || router.equals("new-api")
                    ? new Network.Software("Go-http-client/2.0", Network.TLS_GO)
                    : router.equals("litellm-proxy") ? new Network.Software("litellm/1.67.4", Network.TLS_PY)
                    : Clients.sdk(r);
            Network.Asn asn = Network.home(pick(Network.COUNTRIES, r), r);
            ClientInfo c =
                new ClientInfo(asn.ip(r), asn.number(), asn.org(), sw.userAgent(), sw.tls(), "router:" + router);
            long created = t - 2 * H - r.nextLong(28 * H);
            int keys = 1 + r.nextInt(2);
            boolean verified = r.nextInt(10) < 3;
            String pf = payments[r.nextInt(payments.length)];
            String email = pick(domains, r);
            Evasion.Plan plan = new Evasion.Plan(t, created, pf, pick(countries, r), c);
            plan = ev.evadeBehindProxies(plan, seatCountry);
            return account(p, null, keys, plan.created(), Tier.RESELLER, verified, plan.payment(), email,
                plan.country(), plan.client());
          };
      actors.add(
          !ev.active()
              ? new HydraSlot(sim, nextActor(), recruit, rhythm, 0, perSlotDay / 3.5)
              : new HydraSlot(sim, nextActor(), recruit, ev.rhythm(s, rhythm), Network.utcOffset(seatCountry),
                  perSlotDay / 3.5));
    }
    p.extra.put("concurrent_accounts", slots);
    p.extra.put("account_lifetime_days", List.of(1, 3));
    p.extra.put("distillation_share", List.of(0.35, 0.45));
    if (!ev.active()) {
      p.extra.put("access_paths", List.of("router:one-api", "router:new-api", "router:openrouter",
          "router:litellm-proxy"));
      p.extra.put("payment_fingerprints", payments.length);
    } else {
      ev.describe(p);
    }
  }

  private void lowAndSlow(SplittableRandom r) {
    long[] waves = {sim.at(1 / WEEK_DAYS), sim.at(2 / WEEK_DAYS), sim.at(3 / WEEK_DAYS), sim.at(4 / WEEK_DAYS)};
    Evasion ev = evasion(5);
    String what =
        " all send one reasoning-harvest template family (several paraphrases, slot fills) so that each account"
            + " looks harmless alone.";
    Population p =
        sim.add(
            new Population(
                "low-and-slow", "low_and_slow", Population.Label.ATTACK, "low_and_slow", false,
                !ev.active()
                    ? "Thousands of individual and free accounts created in waves, each on its own residential"
                        + " address with its own payment and a human-looking client, about 25 requests per account"
                        + " per day on a daily rhythm;" + what
                    : "Thousands of individual and free accounts starting in waves, about 25 requests per account"
                        + " per day on a daily rhythm;" + what + " Evasive operator: each account has an ordinary"
                        + " customer's client (user agent, TLS fingerprint, access path) and home address in a"
                        + " customer's country, its own payment, a creation date spread over the 60 days before it"
                        + " starts and a start shifted by up to 12 more hours.",
                waves[0], sim.end));
    int n = count(1000, 10);
    double perDay = 25.0 * (1000 * scale) / n;
    Rhythm rhythm = Rhythm.human(0.9);
    String previousPf = null;
    for (int i = 0; i < n; i++) {
      long wave = waves[i % waves.length];
      String country = pick(Network.COUNTRIES, r);
      Network.Asn asn = Network.home(country, r);
      String ip = asn.ip(r);
      ClientInfo c = r.nextInt(10) < 6 ? Clients.console(asn, ip, Network.pick(Network.BROWSERS, r))
          : Clients.direct(asn, ip, Clients.sdk(r));
      Tier t = r.nextInt(10) < 6 ? Tier.FREE : Tier.INDIVIDUAL;
      String pf;
      if (t == Tier.FREE && r.nextInt(10) < 7) {
        pf = null;
      } else if (previousPf != null && r.nextInt(10) == 0) {
        pf = previousPf;
      } else {
        pf = sim.newPayment();
      }
      previousPf = pf;
      long created = wave - D - r.nextLong(6 * H);
      String email = pick(FREEMAIL, r);
      int maxTokens = new int[] {4096, 8192, 16000}[r.nextInt(3)];
      int budget = r.nextBoolean() ? new int[] {4000, 8000, 10000}[r.nextInt(3)] : 0;
      long from = wave + r.nextLong(6 * H);
      Evasion.Plan plan = ev.evade(new Evasion.Plan(from, created, pf, country, c), sim.end);
      double sessions = Evasion.keepVolume(perDay / 2.0, from, plan.start(), sim.end);
      SimAccount a = account(p, null, 1, plan.created(), t, false, plan.payment(), email, plan.country(),
          plan.client());
      actors.add(
          new HarvestWorker(sim, nextActor(), a, HarvestWorker.Style.LOW_AND_SLOW, rhythm, sessions, plan.start(),
              sim.end, maxTokens, budget, 0.005));
    }
    p.extra.put("waves", List.of(iso(waves[0]), iso(waves[1]), iso(waves[2]), iso(waves[3])));
    p.extra.put("requests_per_account_per_day", 25);
    ev.describe(p);
  }

  private void paraphrasedCot(SplittableRandom r) {
    long from = sim.at(2 / WEEK_DAYS);
    Evasion ev = evasion(6);
    String what =
        "Reasoning-trace coercion with heavy paraphrase: each wrapper is composed from interchangeable"
            + " fragments in shuffled order and varied layouts; about 30% in Spanish, German, French,"
            + " Portuguese, Chinese, Russian or Japanese, asking for the full reasoning in that language";
    Population p =
        sim.add(
            new Population(
                "paraphrased-cot", "paraphrased_cot", Population.Label.ATTACK, "high_volume", false,
                !ev.active() ? what + "; accounts spread over three hosting ASes." : what + ". " + EVADED,
                from, sim.end));
    int n = count(120, 2);
    long[] asns = {24940, 16276, 51167};
    Rhythm rhythm = Rhythm.aroundTheClock(r);
    double perAccountDay = rate(40000, 5, n);
    String[] countries = {"US", "DE", "GB", "SG", "BR", "ES", "FR"};
    for (int i = 0; i < n; i++) {
      Network.Asn asn = anyOf(r, asns);
      ClientInfo c = Clients.direct(asn, asn.ip(r), Network.pick(Network.PYTHON_SDKS, r));
      long created = from - 2 * D - r.nextLong(10 * D);
      Tier tier = r.nextInt(10) < 6 ? Tier.INDIVIDUAL : Tier.STARTUP;
      String pf = sim.newPayment();
      String email = pick(FREEMAIL, r);
      Evasion.Plan plan = ev.evade(new Evasion.Plan(from, created, pf, pick(countries, r), c), sim.end);
      Rhythm own = ev.rhythm(i, rhythm);
      double sessions = Evasion.keepVolume(perAccountDay / 3.0, from, plan.start(), sim.end);
      SimAccount a = account(p, null, 1, plan.created(), tier, false, plan.payment(), email, plan.country(),
          plan.client());
      boolean reasoning = r.nextInt(10) < 6;
      actors.add(
          new HarvestWorker(sim, nextActor(), a, HarvestWorker.Style.PARAPHRASED, own, sessions, plan.start(),
              sim.end, 32000, reasoning ? 16000 + 8000 * r.nextInt(3) : 0, 0.02));
    }
    p.extra.put("languages", List.of("en", "es", "de", "fr", "pt", "zh", "ru", "ja"));
    p.extra.put("non_english_share", 0.3);
    if (!ev.active()) {
      p.extra.put("asns", List.of(24940L, 16276L, 51167L));
    } else {
      ev.describe(p);
    }
  }

  // === benign population =========================================================================================

  private void general(SplittableRandom r) {
    Population p =
        sim.add(
            new Population(
                "general", null, Population.Label.BENIGN, null, false,
                "Ordinary customers: heavy-tailed volumes (median a few requests a day, a few heavy users at"
                    + " hundreds), a human daily and weekly cycle in their own time zone, diverse prompts including"
                    + " coding, math, some 'step by step' and occasional tools; residential, mobile and office"
                    + " networks; mostly frontier-large and frontier-mini, a few slowly adopting the new model.",
                sim.start, sim.end));
    int n = count(4000, 20);
    double adjust = (4000 * scale) / n;
    Rhythm rhythm = Rhythm.human(0.7);
    for (int i = 0; i < n; i++) {
      String country = pick(Network.COUNTRIES, r);
      Tier t = tier(r, Tier.INDIVIDUAL, 55, Tier.FREE, 30, Tier.STARTUP, 10, Tier.ENTERPRISE, 3, Tier.EDU, 2);
      boolean business = t == Tier.STARTUP || t == Tier.ENTERPRISE;
      boolean verified = r.nextInt(100) < (business ? 70 : t == Tier.FREE ? 5 : 40);
      String pf = t == Tier.FREE && r.nextInt(10) < 6 ? null : sim.newPayment();
      String email = business ? companyDomain(r) : pick(Network.emailDomains(country), r);
      Network.Asn home = r.nextInt(10) < 8 || !business ? Network.home(country, r)
          : Network.pick(Network.of(Network.Kind.BUSINESS), r);
      ClientInfo c = Clients.customer(home, r);
      boolean console = c.accessPath().equals("console");
      ClientInfo alt = null;
      if (r.nextInt(10) < 3 && c.accessPath().equals("direct")) {
        Network.Asn m = Network.home(country, r);
        alt = Clients.direct(m, m.ip(r), Clients.sdk(r));
      }
      long created;
      long from = sim.start;
      if (r.nextInt(100) < 4) {
        created = sim.start + r.nextLong(sim.end - sim.start);
        from = created + 2 * Simulation.MINUTE + r.nextLong(H);
      } else {
        created = sim.start - H - r.nextLong(900 * D);
      }
      SimAccount a = account(p, null, 1 + (r.nextInt(5) == 0 ? 1 : 0), created, t, verified, pf, email, country, c);
      double perDay = Math.min(600, Responder.lognormal(3.7, 1.3, r)) * adjust;
      boolean coder = r.nextInt(10) < 3;
      ChatUser.Habits h =
          new ChatUser.Habits(
              r.nextInt(10) < 6 ? Responder.LARGE : Responder.MINI,
              r.nextInt(100) < 20 ? sim.release + (long) Responder.exponential(1.5 * D, r) : Long.MAX_VALUE,
              0.7,
              new Integer[] {null, 1024, 2048, 4096, 8192, 16000}[r.nextInt(6)],
              new Double[] {null, 0.7, 1.0, 0.2, 0.0}[r.nextInt(5)],
              console ? Boolean.TRUE : r.nextBoolean(),
              r.nextInt(100) < 8 ? new int[] {2048, 4096, 8000, 16000}[r.nextInt(4)] : 0,
              r.nextInt(4) == 0 ? BenignTexts.generalSystem(r) : null,
              coder ? 35 : 8,
              0,
              t == Tier.STARTUP && r.nextInt(10) < 3 ? 50 + r.nextInt(2000) : 0,
              alt);
      actors.add(new ChatUser(sim, nextActor(), a, h, rhythm, perDay / 2.2, from, sim.end, 0.004));
    }
  }

  private void ragApp(SplittableRandom r) {
    Population p =
        sim.add(
            new Population(
                "rag-app", null, Population.Label.BENIGN, null, true,
                "A startup's retrieval app: one prompt template ('answer using only the context below') filled with"
                    + " retrieved help-center passages and end users' questions, at high volume with many end user"
                    + " ids, following its users' daily cycle, from cloud egress.",
                sim.start, sim.end));
    int inst = instances();
    double perDay = 60000 * scale / inst / WEEK_DAYS;
    String[] countries = {"US", "GB", "DE", "SG"};
    for (int i = 0; i < inst; i++) {
      String country = pick(countries, r);
      Network.Asn aws = Network.byNumber(16509);
      ClientInfo c = Clients.direct(aws, Clients.poolIp(aws, r.nextInt(1000)), Clients.sdk(r));
      SimAccount a =
          account(p, null, 2, sim.start - 100 * D - r.nextLong(300 * D), Tier.STARTUP, true, sim.newPayment(),
              companyDomain(r), country, c);
      String system = r.nextBoolean() ? null : "You are the help assistant of an online service. Be brief.";
      actors.add(
          new RagApp(sim, nextActor(), a, Rhythm.human(0.8), perDay, BenignTexts.ragTemplate(r), system,
              r.nextInt(BenignTexts.ragDomains()), r.nextInt(10) < 7 ? Responder.MINI : Responder.LARGE, 5000));
    }
  }

  private void codingAgentProduct(SplittableRandom r) {
    Population p =
        sim.add(
            new Population(
                "coding-agent-product", null, Population.Label.BENIGN, null, true,
                "An enterprise running a coding-agent product: agentic coding with file, edit, command and search"
                    + " tools at volume over several keys, many developer end users, verified, on developers' daily"
                    + " cycle, diverse real code tasks; moves a small share to the new model after evaluating it.",
                sim.start, sim.end));
    int inst = instances();
    int per = perInstance(5, 1);
    double perAccountDay = 60000 * scale / (inst * per * WEEK_DAYS);
    for (int i = 0; i < inst; i++) {
      String org = sim.newOrg();
      String pf = sim.newPayment();
      String domain = companyDomain(r);
      Network.Asn gcp = Network.byNumber(396982);
      Network.Software sw = Network.pick(Network.NODE_SDKS, r);
      long created = sim.start - 200 * D - r.nextLong(600 * D);
      for (int k = 0; k < per; k++) {
        ClientInfo c = Clients.direct(gcp, Clients.poolIp(gcp, r.nextInt(1000)), sw);
        SimAccount a =
            account(p, org, 2, created + k * 3 * D + r.nextLong(D), Tier.ENTERPRISE, true, pf, domain, "US", c);
        AgentActor.Setup setup =
            new AgentActor.Setup(
                AgentActor.Style.CODING_PRODUCT, 3, 15, 5000, 16384, 40, 8000, false, Long.MAX_VALUE,
                sim.release + 36 * H, 0.2, 2000, 0.005);
        actors.add(
            new AgentActor(sim, nextActor(), a, setup, Rhythm.developers(), perAccountDay / 9.0, sim.start,
                sim.end));
      }
    }
  }

  private void sharedToolUsers(SplittableRandom r) {
    Population p =
        sim.add(
            new Population(
                "shared-tool-users", null, Population.Label.BENIGN, null, true,
                "Developers, unrelated to each other, who each run the same open-source coding agent with their own"
                    + " key: one system prompt and one set of tool schemas, agentic coding at developers' volumes on"
                    + " their own daily cycle, from their own networks, each paying for itself.",
                sim.start, sim.end));
    int n = count(200, 10);
    Network.Software sw = new Network.Software("OpenAI/JS 4.96.0 opencoder/0.9", Network.TLS_NODE);
    for (int i = 0; i < n; i++) {
      String country = pick(Network.COUNTRIES, r);
      Tier t = tier(r, Tier.INDIVIDUAL, 70, Tier.STARTUP, 20, Tier.FREE, 10);
      String pf = t == Tier.FREE && r.nextBoolean() ? null : sim.newPayment();
      Network.Asn home = Network.home(country, r);
      ClientInfo c = Clients.direct(home, home.ip(r), sw);
      long created = sim.start - 20 * D - r.nextLong(700 * D);
      SimAccount a = account(p, null, 1, created, t, r.nextInt(100) < 30, pf, pick(FREEMAIL, r), country, c);
      double perDay = Math.min(400, Responder.lognormal(3.6, 0.8, r));
      AgentActor.Setup setup =
          new AgentActor.Setup(
              AgentActor.Style.CODING_PRODUCT, 3, 15, 5000, 32000, 30, r.nextBoolean() ? 16000 : 0, false,
              Long.MAX_VALUE, r.nextInt(4) == 0 ? sim.release + r.nextLong(48 * H) : Long.MAX_VALUE, 0.5, 0, 0.005);
      actors.add(new AgentActor(sim, nextActor(), a, setup, Rhythm.developers(), perDay / 9.0, sim.start, sim.end));
    }
  }

  private void universityClass(SplittableRandom r) {
    Population p =
        sim.add(
            new Population(
                "university-class", null, Population.Label.BENIGN, null, true,
                "A university class: new edu accounts all opened on the same day behind one campus address, doing"
                    + " the same homework (GSM8K-style problems with 'show your work step by step'), at low volume"
                    + " in class hours and evenings.",
                sim.start, sim.end));
    int inst = instances();
    int per = perInstance(60, 3);
    double perAccountDay = 8.0 * (scale >= 1 ? 1 : 60 * scale / per);
    String[] campusCountries = {"US", "GB", "DE", "AU", "JP"};
    String[] schools = {"northbridge", "lakeside", "eastfield", "westbrook", "rivertown", "hillcrest", "oakmont"};
    List<String> campusIps = new ArrayList<>();
    for (int i = 0; i < inst; i++) {
      String country = pick(campusCountries, r);
      Network.Asn edu = Network.pick(Network.of(Network.Kind.EDU, country), r);
      String campusIp = edu.ip(r);
      campusIps.add(campusIp);
      String domain = "students." + pick(schools, r) + (country.equals("GB") ? ".ac.uk" : ".edu");
      long classDay = sim.start - (3 + r.nextInt(8)) * D;
      long classStart = classDay - Math.floorMod(classDay, D) + (14 - Network.utcOffset(country)) * H;
      List<String> homework = new ArrayList<>();
      for (int k = 0; k < 40; k++) {
        homework.add(PromptPools.pick(sim.pools.gsm8k, r).text());
      }
      Rhythm rhythm = Rhythm.students();
      for (int k = 0; k < per; k++) {
        Network.Software sw = r.nextInt(10) < 7 ? Network.pick(Network.BROWSERS, r) : Clients.sdk(r);
        ClientInfo c = sw.userAgent().startsWith("Mozilla") ? Clients.console(edu, campusIp, sw)
            : Clients.direct(edu, campusIp, sw);
        SimAccount a =
            account(p, null, 1, classStart + r.nextLong(2 * H), Tier.EDU, false, null, domain, country, c);
        actors.add(new Student(sim, nextActor(), a, rhythm, perAccountDay / 2.0, homework, 8));
      }
    }
    p.extra.put("campus_ips", campusIps);
  }

  private void evalTeam(SplittableRandom r) {
    Population p =
        sim.add(
            new Population(
                "eval-team", null, Population.Label.BENIGN, null, true,
                "A research organisation's evaluation team: benchmark runs (BBH few-shot CoT, FLAN CoT templates,"
                    + " simple-evals 'think step by step') in dense bursts at temperature 0 with high limits,"
                    + " verified, pointed at the new model within hours of its release.",
                sim.start, sim.end));
    int inst = instances();
    int per = perInstance(3, 1);
    double perAccountDay = 30000 * scale / (inst * per * WEEK_DAYS);
    double meanRun = Math.max(30, Math.min(700, perAccountDay / 2));
    for (int i = 0; i < inst; i++) {
      String org = sim.newOrg();
      String pf = sim.newPayment();
      String domain = companyDomain(r);
      String country = r.nextBoolean() ? "US" : "GB";
      Network.Asn gcp = Network.byNumber(396982);
      for (int k = 0; k < per; k++) {
        ClientInfo c = Clients.direct(gcp, Clients.poolIp(gcp, r.nextInt(1000)), Network.pick(Network.PYTHON_SDKS, r));
        SimAccount a =
            account(p, org, 1, sim.start - 60 * D - r.nextLong(400 * D), Tier.RESEARCH, true, pf, domain, country, c);
        actors.add(
            new EvalRunner(sim, nextActor(), a, Rhythm.office(), perAccountDay / (meanRun * 1.13), (int) meanRun,
                sim.release + 2 * H + r.nextLong(6 * H)));
      }
    }
  }

  private void sharedPaymentCompany(SplittableRandom r) {
    Population p =
        sim.add(
            new Population(
                "shared-payment-company", null, Population.Label.BENIGN, null, true,
                "A company whose teams opened separate enterprise accounts with one corporate card behind one office"
                    + " egress address: diverse ordinary prompts and office tasks in office hours.",
                sim.start, sim.end));
    int inst = instances();
    int per = perInstance(30, 2);
    double perAccountDay = 6000 * scale / (inst * per * WEEK_DAYS);
    Rhythm rhythm = Rhythm.office();
    for (int i = 0; i < inst; i++) {
      String pf = sim.newPayment();
      String domain = companyDomain(r);
      String country = r.nextBoolean() ? "DE" : "US";
      Network.Asn office = Network.pick(Network.of(Network.Kind.BUSINESS), r);
      String ip = office.ip(r);
      for (int k = 0; k < per; k++) {
        boolean browser = r.nextBoolean();
        ClientInfo c = browser ? Clients.console(office, ip, Network.pick(Network.BROWSERS, r))
            : Clients.direct(office, ip, Clients.sdk(r));
        SimAccount a =
            account(p, null, 1, sim.start - 30 * D - r.nextLong(700 * D), Tier.ENTERPRISE, true, pf, domain,
                country, c);
        ChatUser.Habits h =
            new ChatUser.Habits(
                r.nextBoolean() ? Responder.LARGE : Responder.MINI, Long.MAX_VALUE, 0, 4096, null, browser, 0,
                r.nextInt(3) == 0 ? BenignTexts.generalSystem(r) : null, 10, 50, 0, null);
        actors.add(new ChatUser(sim, nextActor(), a, h, rhythm, perAccountDay / 2.2, sim.start, sim.end, 0.003));
      }
    }
  }

  private void allowedPartner(SplittableRandom r) {
    Population p =
        sim.add(
            new Population(
                "allowed-partner", null, Population.Label.ALLOWED, null, false,
                "A partner distilling under agreement: published distillation prompts (reasoning system prompts,"
                    + " R1-style templates, OSS-Instruct code prompts) at volume from a few accounts, partly through"
                    + " the batch path; on the allowlist by organisation.",
                sim.start, sim.end));
    int inst = instances();
    int per = perInstance(4, 1);
    double perAccountDay = 40000 * scale / (inst * per * WEEK_DAYS);
    Rhythm rhythm = Rhythm.aroundTheClock(r);
    for (int i = 0; i < inst; i++) {
      String org = sim.newOrg();
      String pf = sim.newPayment();
      String domain = companyDomain(r);
      Network.Asn aws = Network.byNumber(16509);
      String ip = Clients.poolIp(aws, r.nextInt(1000));
      Network.Software sw = Network.pick(Network.PYTHON_SDKS, r);
      allowlist.add("org:" + org);
      for (int k = 0; k < per; k++) {
        ClientInfo c = Clients.direct(aws, ip, sw);
        ClientInfo batch = new ClientInfo(ip, aws.number(), aws.org(), sw.userAgent(), sw.tls(), "batch");
        SimAccount a =
            account(p, org, 2, sim.start - 90 * D - r.nextLong(300 * D), Tier.ENTERPRISE, true, pf, domain, "US", c);
        actors.add(
            new Partner(sim, nextActor(), a, batch, rhythm, perAccountDay / 80.0, sim.release + D + r.nextLong(D)));
      }
    }
    p.extra.put("allowlist", List.copyOf(allowlist));
  }
}
