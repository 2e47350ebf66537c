package io.distillguard.sim;

import io.distillguard.event.EventWriter;
import io.distillguard.sim.corpus.Corpus;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Generates realistic API traffic with ground truth: builds the scenario (campaigns, personas, accounts, actors),
 * merges the actors' lazily generated events in time order through a priority queue (ties by actor index) and
 * streams them through {@link EventWriter} to {@code events.jsonl[.gz]}, then writes {@code labels.jsonl},
 * {@code scenario.json} and {@code allowlist.txt}. Memory is O(accounts); the same configuration gives
 * byte-identical files. The wall clock is read only to report the rate, through the injected nano clock.
 */
public final class Simulator {

  private static final long PROGRESS_NANOS = 2_000_000_000L;
  private static final int GZIP_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final LongSupplier nanoClock;

  /** A simulator timing itself with {@code nanoClock} (e.g. {@code System::nanoTime}). */
  public Simulator(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** Runs {@code cfg} timed by {@link System#nanoTime()}, reporting progress about every two seconds. */
  public static SimulationResult run(SimulationConfig cfg, Consumer<SimulationProgress> progress) {
    return new Simulator(System::nanoTime).simulate(cfg, progress);
  }

  /** Runs {@code cfg}; {@code progress} receives periodic reports and a final one. */
  public SimulationResult simulate(SimulationConfig cfg, Consumer<SimulationProgress> progress) {
    long t0 = nanoClock.getAsLong();
    try {
      Files.createDirectories(cfg.out());
      PromptPools pools = new PromptPools(Corpus.load(cfg.corpus()));
      long start = cfg.start().toEpochMilli();
      long end = start + cfg.duration().toMillis();
      Simulation sim = new Simulation(cfg.seed(), cfg.scale(), cfg.evasive(), cfg.sharedToolUsers(), start, end, pools,
          Wording.load(cfg.wording()));
      ScenarioBuilder scenario = new ScenarioBuilder(sim);
      scenario.build();
      List<Actor> actors = scenario.actors;

      // generation (this thread) -> JSON (serializer thread) -> gzip (worker threads) and disk (writer thread)
      Path eventsFile = cfg.out().resolve(cfg.eventsFileName());
      OutputStream file = new FileOutputStream(eventsFile.toFile());
      OutputStream sink = cfg.gzip() ? new ParallelGzipOutputStream(file, GZIP_THREADS) : file;
      PipedOutputStream piped = new PipedOutputStream(sink, "distillguard-sim-writer");
      try (piped;
          EventWriter writer = new EventWriter(piped);
          EventPipeline pipeline = new EventPipeline(writer)) {
        sim.open(pipeline);
        ActorQueue queue = new ActorQueue(actors.size());
        for (Actor a : actors) {
          if (a.next != Actor.DONE) {
            queue.add(a.index, a.next);
          }
        }
        long cap = cfg.maxEvents() == 0 ? Long.MAX_VALUE : cfg.maxEvents();
        long lastReport = t0;
        while (queue.size() > 0 && sim.events() < cap) {
          Actor a = actors.get(queue.peekActor());
          a.emit(sim);
          queue.updateHead(a.next);
          if ((sim.events() & 0xffff) == 0) {
            long now = nanoClock.getAsLong();
            if (now - lastReport >= PROGRESS_NANOS) {
              lastReport = now;
              progress.accept(report(sim.events(), now - t0, Instant.ofEpochMilli(queue.size() > 0
                  ? queue.peekTime() : end)));
            }
          }
        }
      }
      long raw = piped.count();

      Path labels = cfg.out().resolve("labels.jsonl");
      Path scenarioFile = cfg.out().resolve("scenario.json");
      Path allowlist = cfg.out().resolve("allowlist.txt");
      GroundTruthWriter.writeLabels(sim, labels);
      GroundTruthWriter.writeScenario(cfg, sim, scenario.allowlist, scenarioFile);
      GroundTruthWriter.writeAllowlist(scenario.allowlist, allowlist);

      long nanos = Math.max(1, nanoClock.getAsLong() - t0);
      SimulationProgress last = report(sim.events(), nanos, Instant.ofEpochMilli(end));
      progress.accept(last);
      int accounts = 0;
      int attack = 0;
      for (SimAccount a : sim.accounts) {
        if (a.events > 0) {
          accounts++;
          if (a.population.label == Population.Label.ATTACK) {
            attack++;
          }
        }
      }
      return new SimulationResult(
          sim.events(), accounts, attack, List.of(eventsFile, labels, scenarioFile, allowlist),
          Files.size(eventsFile), raw, last.seconds(), last.eventsPerSecond());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SimulationProgress report(long events, long nanos, Instant simTime) {
    double s = nanos / 1e9;
    return new SimulationProgress(events, s, s > 0 ? events / s : 0, simTime);
  }
}
