package io.distillguard.sim;

import io.distillguard.event.AccountInfo;
import io.distillguard.event.ClientInfo;

/**
 * A simulated customer account: its fixed identity (ids, the billing block written on every event) and default
 * client, plus the count of events it produced, its only mutable part.
 */
final class SimAccount {

  final int index;
  final String id;
  final String orgId;
  final String[] apiKeys;
  final AccountInfo info;
  final Population population;
  /** Default client block; actors may send another per request (rotating proxies, batch path). */
  final ClientInfo client;
  /** UTC offset of the account holder's local time, for activity rhythms. */
  final int utcOffset;
  int events;
  /** Time of the account's first request (epoch millis), {@link Long#MAX_VALUE} before it. */
  long firstEvent = Long.MAX_VALUE;

  SimAccount(
      int index,
      String id,
      String orgId,
      String[] apiKeys,
      AccountInfo info,
      Population population,
      ClientInfo client,
      int utcOffset) {
    this.index = index;
    this.id = id;
    this.orgId = orgId;
    this.apiKeys = apiKeys;
    this.info = info;
    this.population = population;
    this.client = client;
    this.utcOffset = utcOffset;
  }
}
