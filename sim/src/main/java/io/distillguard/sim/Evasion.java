package io.distillguard.sim;

import io.distillguard.event.ClientInfo;
import java.util.SplittableRandom;

/**
 * What an adaptive campaign operator changes once the obvious tells are known ({@code --evasive}), one instance per
 * campaign: each attack account gets an ordinary customer's client (user agent, TLS fingerprint, access path, see
 * {@link Clients#customer}) and home address in a country drawn as the customers' are, its own payment instrument, a
 * creation date spread over the {@value #CREATION_SPREAD_DAYS} days before it may start and a start shifted by up to
 * {@value #START_JITTER_HOURS} hours; where the campaign ran around the clock, every second account follows a
 * person's daily cycle in its own time zone. It draws only from the stream it is given, never from the campaign's,
 * so the campaign's other draws (tiers, prompts, budgets, pivot times) stay what they are without the option.
 */
final class Evasion {

  /** What a campaign planned for one account: when it starts, when it was created, its payment, country, client. */
  record Plan(long start, long created, String payment, String country, ClientInfo client) {}

  static final int CREATION_SPREAD_DAYS = 60;
  static final int START_JITTER_HOURS = 12;
  private static final Rhythm HUMAN = Rhythm.human(0.7);

  /** No evasion: plans and rhythms pass through unchanged and nothing is drawn (a plain run's campaigns). */
  static final Evasion NONE = new Evasion(null, null);

  private final Simulation sim;
  private final SplittableRandom r;
  private final int phase;
  private boolean cycles;
  private int human;
  private boolean shifts;

  Evasion(Simulation sim, SplittableRandom r) {
    this.sim = sim;
    this.r = r;
    this.phase = r == null ? 0 : r.nextInt(2);
  }

  /** Whether this campaign evades at all ({@code false} only for {@link #NONE}). */
  boolean active() {
    return r != null;
  }

  /**
   * {@code planned} evaded for an account active until {@code to}: a shifted start, a creation date before it, a
   * payment of its own (none stays none), a customer's country and a customer's client from there.
   */
  Plan evade(Plan planned, long to) {
    if (!active()) {
      return planned;
    }
    long start = planned.start() + r.nextLong(Math.max(1, Math.min(START_JITTER_HOURS * Simulation.HOUR,
        (to - planned.start()) / 4)));
    String country = country();
    shifts = true;
    return new Plan(start, created(start), payment(planned.payment()), country,
        Clients.customer(Network.home(country, r), r));
  }

  /**
   * {@code planned} evaded for an account whose requests already arrive through rotating residential proxies, held
   * for customers in {@code country}: its start stays; it gets a creation date before it, a payment of its own (none
   * stays none) and the client of a customer calling from home (SDK or console, as customers split them).
   */
  Plan evadeBehindProxies(Plan planned, String country) {
    if (!active()) {
      return planned;
    }
    Network.Asn home = Network.home(country, r);
    return new Plan(planned.start(), created(planned.start()), payment(planned.payment()), country,
        Clients.fromHome(home, r.nextInt(84) < 72, r));
  }

  /** A country, weighted as the customers' are. */
  String country() {
    return Network.COUNTRIES[r.nextInt(Network.COUNTRIES.length)];
  }

  /** An operator's flat rhythm with its own hour-to-hour wobble. */
  Rhythm aroundTheClock() {
    return Rhythm.aroundTheClock(r);
  }

  private String payment(String planned) {
    return planned == null ? null : sim.newPayment();
  }

  private long created(long start) {
    return start - Simulation.MINUTE - r.nextLong(CREATION_SPREAD_DAYS * Simulation.DAY);
  }

  /**
   * {@code perDay} raised so that starting at {@code start} instead of {@code from} keeps the expected volume
   * ({@code perDay} itself for a start at or before {@code from}, as an unevaded plan's is).
   */
  static double keepVolume(double perDay, long from, long start, long to) {
    return start <= from || start >= to ? perDay : perDay * (to - from) / (to - start);
  }

  /**
   * A person's daily cycle for every second {@code i} (from a drawn first one), else {@code planned}; {@code planned}
   * when not {@link #active}.
   */
  Rhythm rhythm(int i, Rhythm planned) {
    if (!active()) {
      return planned;
    }
    cycles = true;
    if ((i + phase) % 2 == 0) {
      human++;
      return HUMAN;
    }
    return planned;
  }

  /** Adds what was evaded to the campaign's scenario facts (nothing when not {@link #active}). */
  void describe(Population p) {
    if (!active()) {
      return;
    }
    p.extra.put("creation_spread_days", CREATION_SPREAD_DAYS);
    if (shifts) {
      p.extra.put("start_jitter_hours", START_JITTER_HOURS);
    }
    if (cycles) {
      p.extra.put("human_cycle_accounts", human);
    }
  }
}
