package io.distillguard.sim;

import io.distillguard.event.AccountInfo;
import io.distillguard.event.ClientInfo;
import io.distillguard.event.Event;
import io.distillguard.event.Request;
import io.distillguard.event.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The running state of one simulation: the time frame, the prompt pools, the account book (ids are handed out in
 * creation order, so they are reproducible) and the event sink that numbers, writes and counts every event.
 */
final class Simulation {

  static final long MINUTE = 60_000L;
  static final long HOUR = 3_600_000L;
  static final long DAY = 86_400_000L;

  final long seed;
  final double scale;
  /** Whether the attack campaigns use {@link Evasion}. */
  final boolean evasive;
  /** Whether the shared-tool developers (a benign persona) are simulated. */
  final boolean sharedToolUsers;
  final long start;
  final long end;
  /** When {@code frontier-large-2} is released. */
  final long release;
  final PromptPools pools;
  final Wording wording;
  final Ids ids;
  final List<SimAccount> accounts = new ArrayList<>();
  final List<Population> populations = new ArrayList<>();

  private int orgs;
  private int apiKeys;
  private int payments;
  private EventPipeline out;
  private long events;

  Simulation(long seed, double scale, boolean evasive, boolean sharedToolUsers, long start, long end,
      PromptPools pools, Wording wording) {
    this.seed = seed;
    this.scale = scale;
    this.evasive = evasive;
    this.sharedToolUsers = sharedToolUsers;
    this.start = start;
    this.end = end;
    this.release = start + Math.floorDiv((end - start) / 2, HOUR) * HOUR;
    this.pools = pools;
    this.wording = wording;
    this.ids = new Ids(seed);
  }

  /** The point {@code fraction} of the way through the simulated period, rounded down to the hour. */
  long at(double fraction) {
    return start + Math.floorDiv((long) ((end - start) * fraction), HOUR) * HOUR;
  }

  Population add(Population p) {
    populations.add(p);
    return p;
  }

  String newOrg() {
    return ids.org(orgs++);
  }

  String newPayment() {
    return ids.payment(payments++);
  }

  /** Registers an account of {@code p} with a fresh id and {@code keys} API keys. */
  SimAccount newAccount(
      Population p, String orgId, int keys, AccountInfo info, ClientInfo client, int utcOffset) {
    String[] k = new String[Math.max(1, keys)];
    for (int i = 0; i < k.length; i++) {
      k[i] = ids.apiKey(apiKeys++);
    }
    SimAccount a =
        new SimAccount(accounts.size(), ids.account(accounts.size()), orgId == null ? newOrg() : orgId, k, info, p,
            client, utcOffset);
    accounts.add(a);
    p.accounts.add(a);
    return a;
  }

  void open(EventPipeline pipeline) {
    this.out = pipeline;
  }

  long events() {
    return events;
  }

  /** Writes one event of account {@code a} at {@code t} and counts it. */
  void send(SimAccount a, long t, String apiKey, String endUser, ClientInfo client, Request q, Response r) {
    Event e =
        new Event(ids.event(events), Instant.ofEpochMilli(t), a.id, a.orgId, apiKey, endUser, a.info,
            client != null ? client : a.client, q, r);
    try {
      out.accept(e);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    events++;
    a.events++;
    if (t < a.firstEvent) {
      a.firstEvent = t;
    }
    Population p = a.population;
    p.events++;
    if (t < p.firstEvent) {
      p.firstEvent = t;
    }
    if (t > p.lastEvent) {
      p.lastEvent = t;
    }
  }
}
