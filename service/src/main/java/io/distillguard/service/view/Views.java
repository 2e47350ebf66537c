package io.distillguard.service.view;

import io.distillguard.features.Capability;
import io.distillguard.linking.Campaign;
import io.distillguard.pipeline.DetectionPipeline;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.service.detect.Detector;
import io.distillguard.state.AccountSketch;
import io.distillguard.state.FamilySketch;
import io.distillguard.state.KeyedState;
import io.distillguard.state.TopK;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Read-only views of the detector's state for the analyst dashboard: a campaign's account graph with the evidence on
 * each edge, an account's profile, and search. Each runs on the detector thread ({@link Detector#query}) and returns
 * plain maps and lists, bounded in size; prompt text appears only as the families' bounded samples.
 */
public final class Views {

  /** Most accounts drawn in a campaign graph (the highest scores), and most edges. */
  public static final int MAX_NODES = 300;
  public static final int MAX_EDGES = 3000;
  /** Members of a shared key beyond which the key is drawn as a chain instead of all pairs. */
  static final int CLIQUE = 6;
  /** Timing edges: Jaccard of active 10-minute windows from this value, between members with this many windows. */
  static final double SYNC_EDGE = 0.3;
  static final int MIN_ACTIVE_BINS = 8;
  static final int SYNC_NEIGHBOURS = 25;
  private static final java.util.regex.Pattern IP =
      java.util.regex.Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:]+");

  private Views() {}

  /**
   * A campaign: its members as nodes and, between two members, every key they share (payment fingerprint, IP range,
   * TLS fingerprint, client configuration, template family) and synchronized activity; its template families with
   * their samples.
   */
  public static Map<String, Object> campaign(DetectionPipeline p, Detector.Snapshot s, Campaign c) {
    KeyedState st = p.state();
    List<String> members = new ArrayList<>(c.accounts());
    members.sort(Comparator.comparingDouble((String a) -> score(s, a)).reversed().thenComparing(a -> a));
    if (members.size() > MAX_NODES) {
      members = members.subList(0, MAX_NODES);
    }
    List<Map<String, Object>> nodes = new ArrayList<>();
    Map<String, List<String>> groups = new LinkedHashMap<>();
    Map<String, Long> familyUse = new HashMap<>();
    for (String m : members) {
      AccountSketch a = st.account(m);
      AccountVerdict v = s.verdicts().get(m);
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("id", m);
      n.put("verdict", v == null ? "unknown" : v.verdict().wireName());
      n.put("score", v == null ? 0 : round(v.score()));
      n.put("requests", a == null ? 0 : a.requests());
      nodes.add(n);
      if (a == null) {
        continue;
      }
      if (a.paymentFingerprint() != null) {
        groups.computeIfAbsent("payment " + a.paymentFingerprint(), k -> new ArrayList<>()).add(m);
      }
      top(a.ipRanges(), 2).forEach(k -> groups.computeIfAbsent("ip range " + k, x -> new ArrayList<>()).add(m));
      top(a.tlsFingerprints(), 1).forEach(k -> groups.computeIfAbsent("tls " + k, x -> new ArrayList<>()).add(m));
      top(a.clientConfigurations(), 1).forEach(k -> groups.computeIfAbsent("client configuration " + k,
          x -> new ArrayList<>()).add(m));
      Set<String> topFamilies = new LinkedHashSet<>(); // the member's three largest families link it
      int rank = 0;
      for (Map.Entry<String, Long> f : a.families().sorted()) {
        String id = p.canonicalFamily(f.getKey());
        familyUse.merge(id, f.getValue(), Long::sum);
        if (rank++ < 3) {
          topFamilies.add(id);
        }
      }
      topFamilies.forEach(k -> groups.computeIfAbsent("family " + k, x -> new ArrayList<>()).add(m));
    }
    Map<String, Set<String>> edges = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      List<String> ms = g.getValue();
      if (ms.size() < 2) {
        continue;
      }
      if (ms.size() <= CLIQUE) {
        for (int i = 0; i < ms.size(); i++) {
          for (int j = i + 1; j < ms.size(); j++) {
            edge(edges, ms.get(i), ms.get(j), g.getKey());
          }
        }
      } else {
        for (int i = 1; i < ms.size(); i++) {
          edge(edges, ms.get(i - 1), ms.get(i), g.getKey());
        }
      }
    }
    // synchronized activity (as the campaign score's SynchroTrap signal): each member against the next few
    for (int i = 0; i < members.size(); i++) {
      AccountSketch a = st.account(members.get(i));
      if (a == null || a.activity().filledBins() < MIN_ACTIVE_BINS) {
        continue;
      }
      for (int j = i + 1; j < Math.min(members.size(), i + 1 + SYNC_NEIGHBOURS); j++) {
        AccountSketch b = st.account(members.get(j));
        if (b == null || b.activity().filledBins() < MIN_ACTIVE_BINS) {
          continue;
        }
        double sim = a.activity().similarity(b.activity());
        if (sim >= SYNC_EDGE) {
          edge(edges, members.get(i), members.get(j), String.format(Locale.ROOT,
              "timing: active in the same 10-minute windows (Jaccard %.2f)", sim));
        }
      }
    }
    List<Map<String, Object>> edgeList = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : edges.entrySet()) {
      if (edgeList.size() == MAX_EDGES) {
        break;
      }
      String[] ab = e.getKey().split("\u0000", 2);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", ab[0]);
      m.put("target", ab[1]);
      m.put("shared", List.copyOf(e.getValue()));
      edgeList.add(m);
    }
    List<Map<String, Object>> families = new ArrayList<>();
    familyUse.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
        .forEach(f -> families.add(family(st.family(f.getKey()), f.getKey(), f.getValue())));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("nodes", nodes);
    out.put("edges", edgeList);
    out.put("nodes_truncated", c.accounts().size() > members.size());
    out.put("families", families);
    return out;
  }

  /** An account's profile: activity by hour of day (UTC), capabilities, models, infrastructure, families. */
  public static Map<String, Object> account(DetectionPipeline p, Detector.Snapshot s, String accountId) {
    AccountSketch a = p.state().account(accountId);
    if (a == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("account_id", accountId);
    out.put("org_id", a.orgId());
    out.put("country", a.country());
    out.put("tier", a.tier() == null ? null : a.tier().toString().toLowerCase(Locale.ROOT));
    out.put("payment_fingerprint", a.paymentFingerprint());
    out.put("created_at", a.createdAt() > 0 ? Instant.ofEpochMilli(a.createdAt()).toString() : null);
    out.put("requests", a.requests());
    out.put("first_seen", Instant.ofEpochMilli(a.firstSeen()).toString());
    out.put("last_seen", Instant.ofEpochMilli(a.lastSeen()).toString());
    out.put("active_days", a.activeDays());
    out.put("hour_of_day_utc", a.hourOfDay().clone());
    Map<String, Long> caps = new TreeMap<>();
    for (Capability c : Capability.values()) {
      if (a.capability(c) > 0) {
        caps.put(c.wireName(), a.capability(c));
      }
    }
    out.put("capabilities", caps);
    out.put("chain_of_thought_high", a.cotHigh());
    out.put("reasoning_reconstruction", a.reconstruction());
    out.put("templated", a.templated());
    out.put("models", counts(a.models()));
    out.put("ip_ranges", counts(a.ipRanges()));
    out.put("asns", counts(a.asns()));
    out.put("tls_fingerprints", counts(a.tlsFingerprints()));
    out.put("client_configurations", counts(a.clientConfigurations()));
    out.put("user_agents", counts(a.userAgents()));
    List<Map<String, Object>> families = new ArrayList<>();
    Map<String, Long> own = new LinkedHashMap<>();
    for (Map.Entry<String, Long> f : a.families().sorted()) {
      own.merge(p.canonicalFamily(f.getKey()), f.getValue(), Long::sum);
    }
    own.entrySet().stream().limit(10).forEach(f -> families.add(family(p.state().family(f.getKey()), f.getKey(),
        f.getValue())));
    out.put("families", families);
    return out;
  }

  /**
   * Accounts whose id, organisation, payment fingerprint, IP range or TLS fingerprint contains {@code query}
   * (case-insensitive; an IP address matches its range), and template families whose samples contain it, with
   * accounts that use them.
   */
  public static Map<String, Object> search(DetectionPipeline p, Detector.Snapshot s, String query, int limit) {
    String q = query.toLowerCase(Locale.ROOT);
    // an address finds the accounts seen in its range (ranges are what the state keeps)
    String range = IP.matcher(query).matches() ? io.distillguard.features.InfraKeys.ipRange(query) : null;
    String rq = range == null ? q : range.toLowerCase(Locale.ROOT);
    List<Map<String, Object>> accounts = new ArrayList<>();
    List<AccountSketch> all = new ArrayList<>(p.state().accounts());
    all.sort(Comparator.comparing(AccountSketch::accountId));
    for (AccountSketch a : all) {
      if (accounts.size() == limit) {
        break;
      }
      String field = matches(a.accountId(), q) ? "account"
          : matches(a.orgId(), q) ? "org"
          : matches(a.paymentFingerprint(), q) ? "payment"
          : a.ipRanges().sorted().stream().anyMatch(e -> matches(e.getKey(), rq)) ? "ip range"
          : a.tlsFingerprints().sorted().stream().anyMatch(e -> matches(e.getKey(), q)) ? "tls" : null;
      if (field != null) {
        accounts.add(hit(s, a.accountId(), field));
      }
    }
    List<FamilySketch> fams = new ArrayList<>(p.state().families());
    fams.sort(Comparator.comparingLong(FamilySketch::requests).reversed().thenComparing(FamilySketch::familyId));
    Map<String, Map<String, Object>> found = new LinkedHashMap<>();
    for (FamilySketch f : fams) {
      if (found.size() == limit) {
        break;
      }
      if (f.samples().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).contains(q)) || matches(f.familyId(), q)) {
        Map<String, Object> m = family(f, f.familyId(), f.requests());
        m.put("used_by", new ArrayList<String>());
        found.put(f.familyId(), m);
      }
    }
    if (!found.isEmpty()) { // one pass over the accounts for the users of every family found
      for (AccountSketch a : all) {
        for (Map.Entry<String, Long> e : a.families().sorted()) {
          Map<String, Object> m = found.get(p.canonicalFamily(e.getKey()));
          @SuppressWarnings("unchecked")
          List<String> users = m == null ? null : (List<String>) m.get("used_by");
          if (users != null && users.size() < 20 && (users.isEmpty()
              || !users.get(users.size() - 1).equals(a.accountId()))) {
            users.add(a.accountId());
          }
        }
      }
    }
    List<Map<String, Object>> families = new ArrayList<>(found.values());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accounts", accounts);
    out.put("families", families);
    return out;
  }

  private static Map<String, Object> hit(Detector.Snapshot s, String id, String field) {
    AccountVerdict v = s.verdicts().get(id);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_id", id);
    m.put("matched", field);
    m.put("verdict", v == null ? "unknown" : v.verdict().wireName());
    m.put("score", v == null ? 0 : round(v.score()));
    m.put("campaign_id", v == null ? null : v.campaignId());
    return m;
  }

  private static boolean matches(String field, String q) {
    return field != null && field.toLowerCase(Locale.ROOT).contains(q);
  }

  private static Map<String, Object> family(FamilySketch f, String id, long uses) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("family_id", id);
    m.put("requests_here", uses);
    m.put("requests", f == null ? 0 : f.requests());
    m.put("accounts", f == null ? 0 : f.accounts());
    m.put("samples", f == null ? List.of() : List.copyOf(f.samples()));
    return m;
  }

  private static List<Map<String, Object>> counts(TopK k) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : k.sorted()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", e.getKey());
      m.put("count", e.getValue());
      out.add(m);
    }
    return out;
  }

  private static List<String> top(TopK k, int n) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : k.sorted()) {
      if (out.size() == n) {
        break;
      }
      out.add(e.getKey());
    }
    return out;
  }

  private static void edge(Map<String, Set<String>> edges, String a, String b, String kind) {
    String key = a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
    Set<String> kinds = edges.get(key);
    if (kinds == null) {
      if (edges.size() >= MAX_EDGES) {
        return;
      }
      kinds = new LinkedHashSet<>();
      edges.put(key, kinds);
    }
    if (kinds.size() < 8) {
      kinds.add(kind);
    }
  }

  private static double score(Detector.Snapshot s, String account) {
    AccountVerdict v = s.verdicts().get(account);
    return v == null ? 0 : v.score();
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
