/**
 * The traffic simulator: consumes a prompt corpus and a {@link io.distillguard.sim.SimulationConfig}; produces
 * event-v1 JSON Lines of realistic API traffic (attack campaigns, ordinary customers, hard negatives and an allowed
 * partner) with ground truth ({@code labels.jsonl}, {@code scenario.json}, {@code allowlist.txt}). Actors generate
 * their next event lazily and a priority queue merges them in time order, so memory is O(accounts) and output is
 * reproducible from the seed. Start reading at {@link io.distillguard.sim.Simulator} and {@code ScenarioBuilder}.
 */
package io.distillguard.sim;
