package io.distillguard.app;

import io.distillguard.event.Event;
import io.distillguard.event.EventStream;
import io.distillguard.event.StreamStats;
import io.distillguard.families.FamilyAssignment;
import io.distillguard.families.TemplateFamilies;
import io.distillguard.features.FeatureExtractor;
import io.distillguard.features.RequestFeatures;
import io.distillguard.pipeline.DetectionPipeline;
import io.distillguard.pipeline.ScanResult;
import io.distillguard.policy.Allowlist;
import io.distillguard.report.HtmlReport;
import io.distillguard.report.JsonFiles;
import io.distillguard.report.RejectsFile;
import io.distillguard.report.ScanSummary;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.scoring.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local batch engine behind {@code scan}: events from files, in event-time order, through one
 * {@link DetectionPipeline}, then every output file of {@code spec/scan-v1.md} into the output folder. A reader
 * thread decompresses, parses and orders the events; feature extraction, which is stateless, runs on all cores in
 * batches; a family thread assigns template families in stream order (they depend on event order only); the
 * pipeline applies the batches in stream order on the calling thread, so the result is the same as a
 * single-threaded run.
 */
final class ScanJob {

  /** What a run wrote and counted. */
  record Outcome(ScanSummary summary, ScanResult result) {}

  private final List<Path> inputs;
  private final Path out;
  private final Allowlist allowlist;
  private final ScanConfig config;
  private final Progress progress;

  ScanJob(List<Path> inputs, Path out, Allowlist allowlist, ScanConfig config, Progress progress) {
    this.inputs = List.copyOf(inputs);
    this.out = out;
    this.allowlist = allowlist;
    this.config = config;
    this.progress = progress;
  }

  /** A batch of requests with their template-family assignments, or what stopped the family stage. */
  private record Assigned(List<RequestFeatures> features, List<FamilyAssignment> families, Throwable failure) {
    static final Assigned END = new Assigned(List.of(), List.of(), null);
  }

  static final int BATCH = 512;
  static final int MAX_IN_FLIGHT = 16;

  private static List<RequestFeatures> await(Future<List<RequestFeatures>> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("feature extraction failed: " + e.getCause(), e.getCause());
    }
  }

  private static <T> T take(BlockingQueue<T> q) throws IOException {
    try {
      return q.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  Outcome run() throws IOException {
    Files.createDirectories(out);
    Path rejectsPath = out.resolve("rejects.jsonl");
    Files.deleteIfExists(rejectsPath);
    long started = System.nanoTime();
    FeatureExtractor extractor = FeatureExtractor.withBundledModel(config.hosting());
    DetectionPipeline pipeline = new DetectionPipeline(allowlist, config.detection(), extractor);
    Instant first = null;
    StreamStats stats;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "features");
      t.setDaemon(true);
      return t;
    });
    ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "reader");
      t.setDaemon(true);
      return t;
    });
    ExecutorService familyStage = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "families");
      t.setDaemon(true);
      return t;
    });
    try (RejectsFile rejects = new RejectsFile(rejectsPath);
        EventStream events = EventStream.open(inputs, config.reader(), rejects)) {
      // one thread reads (decompression, parsing, validation, ordering) and hands batches to the feature workers;
      // feature extraction is stateless, so batches run in parallel; the family thread takes them in stream order,
      // and this thread applies them to the pipeline in that order: the result is that of a single-threaded run
      BlockingQueue<Future<List<RequestFeatures>>> inFlight = new ArrayBlockingQueue<>(MAX_IN_FLIGHT);
      Future<List<RequestFeatures>> end = CompletableFuture.completedFuture(List.of());
      CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
        try {
          try {
            while (events.hasNext()) {
              List<Event> batch = new ArrayList<>(BATCH);
              while (batch.size() < BATCH && events.hasNext()) {
                batch.add(events.next());
              }
              inFlight.put(workers.submit(() -> {
                List<RequestFeatures> out = new ArrayList<>(batch.size());
                for (Event e : batch) {
                  out.add(extractor.extract(e));
                }
                return out;
              }));
            }
          } catch (RuntimeException | Error e) {
            inFlight.put(end); // the applying thread stops, then learns why from this future
            throw e;
          }
          inFlight.put(end);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // the applying thread gave up: nobody waits for the end marker
        }
      }, reader);
      // template families depend on event order only: one more thread assigns them, ahead of the applying thread
      BlockingQueue<Assigned> assigned = new ArrayBlockingQueue<>(MAX_IN_FLIGHT);
      TemplateFamilies stage = new TemplateFamilies();
      CompletableFuture.runAsync(() -> {
        try {
          try {
            for (Future<List<RequestFeatures>> next = inFlight.take(); next != end; next = inFlight.take()) {
              List<RequestFeatures> batch = await(next);
              List<FamilyAssignment> families = new ArrayList<>(batch.size());
              for (RequestFeatures f : batch) {
                families.add(stage.assignWithChanges(f));
              }
              assigned.put(new Assigned(batch, families, null));
            }
            assigned.put(Assigned.END);
          } catch (IOException | RuntimeException | Error e) {
            assigned.put(new Assigned(List.of(), List.of(), e)); // the applying thread stops and rethrows it
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // the applying thread gave up
        }
      }, familyStage);
      long n = 0;
      for (Assigned next = take(assigned); next != Assigned.END; next = take(assigned)) {
        if (next.failure() != null) {
          if (next.failure() instanceof IOException io) {
            throw io;
          }
          if (next.failure() instanceof RuntimeException r) {
            throw r;
          }
          throw (Error) next.failure();
        }
        for (int i = 0; i < next.features().size(); i++) {
          RequestFeatures f = next.features().get(i);
          if (first == null) {
            first = f.event().ts();
          }
          pipeline.accept(f, next.families().get(i));
          if ((++n & 0x3FFF) == 0) {
            double secs = (System.nanoTime() - started) / 1e9;
            progress.update(
                String.format(
                    "scan: %,d events, %,.0f events/s, %,d accounts, at %s",
                    n, n / secs, pipeline.accountCount(),
                    DateTimeFormatter.ISO_INSTANT.format(pipeline.watermark())));
          }
        }
      }
      try {
        reading.join(); // rethrows what stopped the reader (an unreadable file, say)
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof java.io.UncheckedIOException u) {
          throw u.getCause();
        }
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      stats = events.stats();
    } finally {
      workers.shutdownNow();
      reader.shutdownNow();
      familyStage.shutdownNow();
    }
    progress.done();
    ScanResult result = pipeline.result();
    double secs = (System.nanoTime() - started) / 1e9;
    Map<String, Long> byVerdict = new TreeMap<>();
    for (Verdict v : Verdict.values()) {
      byVerdict.put(v.wireName(), 0L);
    }
    for (AccountVerdict v : result.verdicts()) {
      byVerdict.merge(v.verdict().wireName(), 1L, Long::sum);
    }
    ScanSummary summary =
        new ScanSummary(
            stats.files(),
            stats.lines(),
            stats.bytes(),
            stats.events(),
            stats.rejected(),
            stats.duplicates(),
            stats.late(),
            result.verdicts().size(),
            result.campaigns().size(),
            byVerdict,
            secs,
            secs > 0 ? stats.events() / secs : 0,
            first == null ? null : DateTimeFormatter.ISO_INSTANT.format(first),
            stats.events() == 0 ? null : DateTimeFormatter.ISO_INSTANT.format(result.watermark()));
    JsonFiles.writeVerdicts(out.resolve("verdicts.jsonl"), result.verdicts());
    JsonFiles.writeCampaigns(out.resolve("campaigns.jsonl"), result.campaigns());
    JsonFiles.writeSummary(out.resolve("summary.json"), summary);
    HtmlReport.write(out.resolve("report.html"), result, summary);
    return new Outcome(summary, result);
  }
}
