package io.distillguard.service.detect;

import io.distillguard.event.Event;
import io.distillguard.event.EventFormatException;
import io.distillguard.event.EventParser;
import io.distillguard.linking.Campaign;
import io.distillguard.pipeline.DetectionPipeline;
import io.distillguard.scoring.AccountVerdict;
import io.distillguard.service.store.EventLog;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streaming detection over the event log: one thread reads acknowledged events in log order and feeds them to a
 * {@link DetectionPipeline}; every grid evaluation is published as an immutable {@link Snapshot} that decisions read
 * without locking. On start it replays the whole log, so after a restart its state, and so its verdicts, equal those
 * of a run without the restart; it is ready once it has caught up with the log as it was at start.
 */
public final class Detector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Detector.class);

  /**
   * The verdicts and campaigns of one evaluation, by account, with the log position they include. {@code
   * campaignOfAccount} names each linked account's campaign, whatever its verdict (an account's verdict names only an
   * enforced campaign).
   */
  public record Snapshot(Instant at, Map<String, AccountVerdict> verdicts, List<Campaign> campaigns,
      Map<String, Campaign> campaignsById, Map<String, String> campaignOfAccount, long seq) {
    /** No evaluation yet. */
    public static final Snapshot EMPTY = new Snapshot(Instant.EPOCH, Map.of(), List.of(), Map.of(), Map.of(), 0);

    /** The campaign an account is linked into in this evaluation, or null. */
    public Campaign campaignOf(String accountId) {
      String id = campaignOfAccount.get(accountId);
      return id == null ? null : campaignsById.get(id);
    }
  }

  /** Counts of one evaluation, kept for the overview's charts. */
  public record Point(Instant at, long seq, int accounts, int attack, int suspicious, int campaigns) {}

  /** A campaign's requests by model as of one evaluation (cumulative over its members at that time). */
  public record ModelPoint(Instant at, long events, Map<String, Long> byModel) {}

  /** How many evaluations {@link #history} keeps (older ones are thinned to every other one). */
  static final int HISTORY = 2000;

  private final EventLog log;
  private DetectionPipeline pipeline;
  private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> queries =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.ArrayDeque<Point> history = new java.util.ArrayDeque<>();
  private final Map<String, java.util.ArrayDeque<ModelPoint>> campaignModels = new HashMap<>();
  private final java.util.function.Supplier<DetectionPipeline> factory;
  private final int batch;
  private final EventParser parser = new EventParser();
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.EMPTY);
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong evaluations = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();
  private final AtomicLong pruned = new AtomicLong();
  private final Object wake = new Object();
  private final long startSeq;
  private volatile boolean ready;
  private volatile boolean stop;
  private volatile Throwable failure;
  private volatile java.util.function.Consumer<DetectionPipeline.Evaluation> listener = e -> {};
  private Thread thread;
  /** Accounts to treat as allowlisted once the log position (key) has been processed: analysts' labels. */
  private final java.util.concurrent.ConcurrentSkipListMap<Long, List<String>> allowAfter =
      new java.util.concurrent.ConcurrentSkipListMap<>();

  /** Where and how often the pipeline is checkpointed (every {@code everyEvaluations} evaluations; 0: never). */
  public record Checkpoints(java.nio.file.Path file, int everyEvaluations) {
    public static final Checkpoints NONE = new Checkpoints(null, 0);
  }

  private static final int CHECKPOINT_MAGIC = 0x44474350; // "DGCP"
  private Checkpoints checkpoints = Checkpoints.NONE;
  private long sinceCheckpoint;
  private final AtomicLong checkpointSeq = new AtomicLong(-1);
  private final AtomicLong olderCheckpointSeq = new AtomicLong(-1);
  private boolean fileIsGood; // the checkpoint file holds checkpointSeq (detector thread only)

  /** A detector over {@code log}; {@code factory} makes the (fresh) pipeline, again if a checkpoint is unusable. */
  public Detector(EventLog log, java.util.function.Supplier<DetectionPipeline> factory, int batch) {
    this.log = log;
    this.factory = factory;
    this.pipeline = factory.get();
    this.batch = batch;
    this.startSeq = log.lastSeq();
    this.ready = startSeq == 0;
    pipeline.onEvaluation(this::publish);
  }

  /**
   * Checkpoints the pipeline to {@code c.file()} every {@code c.everyEvaluations()} evaluations (written to a
   * temporary file, synced, then moved in place; the one before is kept as {@code <file>.prev}); a start resumes
   * from the newest usable checkpoint and replays only the events after it. Call before {@link #start}.
   */
  public void checkpoints(Checkpoints c) {
    this.checkpoints = c;
  }

  /** The log position of the checkpoint written or loaded last, or -1. */
  public long checkpointSeq() {
    return checkpointSeq.get();
  }

  /**
   * Loads the newest usable checkpoint (the file, else the one before it); returns the log position to replay from.
   */
  private long restoreCheckpoint() {
    java.nio.file.Path f = checkpoints.file();
    if (f == null) {
      return 0;
    }
    for (java.nio.file.Path candidate : List.of(f, previous(f))) {
      if (!java.nio.file.Files.exists(candidate)) {
        continue;
      }
      try (java.io.DataInputStream in = new java.io.DataInputStream(
          new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(candidate), 1 << 16))) {
        if (in.readInt() != CHECKPOINT_MAGIC) {
          throw new java.io.IOException("not a distillguard checkpoint");
        }
        long seq = in.readLong();
        if (seq > log.lastSeq()) {
          throw new java.io.IOException("checkpoint is ahead of the event log (" + seq + " > " + log.lastSeq() + ")");
        }
        pipeline.restore(in);
        checkpointSeq.set(seq);
        olderCheckpointSeq.set(candidate.equals(f) ? headerSeq(previous(f)) : -1);
        fileIsGood = candidate.equals(f);
        processed.set(seq);
        pipeline.resume(); // republishes the checkpointed evaluation
        LOG.info("resumed from checkpoint {} at seq {}", candidate.getFileName(), seq);
        return seq;
      } catch (java.io.IOException | RuntimeException e) {
        LOG.warn("checkpoint {} not usable ({})", candidate.getFileName(), e.toString());
        pipeline = factory.get(); // the old one may be half restored
        pipeline.onEvaluation(this::publish);
        processed.set(0);
        checkpointSeq.set(-1);
        snapshot.set(Snapshot.EMPTY);
      }
    }
    LOG.warn("no usable checkpoint; replaying the whole event log");
    return 0;
  }

  private static java.nio.file.Path previous(java.nio.file.Path f) {
    return f.resolveSibling(f.getFileName() + ".prev");
  }

  /** The log position in a checkpoint file's header, or -1 when there is no readable one. */
  private static long headerSeq(java.nio.file.Path f) {
    try (java.io.DataInputStream in = new java.io.DataInputStream(java.nio.file.Files.newInputStream(f))) {
      return in.readInt() == CHECKPOINT_MAGIC ? in.readLong() : -1;
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  /**
   * The log position behind which no restart needs events any more: that of the older of the two checkpoints kept
   * (a damaged newest checkpoint falls back to it), or -1 while there are fewer than two.
   */
  public long replayNotNeededThrough() {
    return olderCheckpointSeq.get();
  }

  private void maybeCheckpoint() {
    if (checkpoints.file() == null || checkpoints.everyEvaluations() <= 0
        || ++sinceCheckpoint < checkpoints.everyEvaluations()) {
      return;
    }
    sinceCheckpoint = 0;
    long seq = processed.get(); // the event being applied when this evaluation ran is not in it yet
    java.nio.file.Path f = checkpoints.file();
    java.nio.file.Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
    try {
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
              java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
              java.nio.file.StandardOpenOption.WRITE);
          java.io.DataOutputStream out = new java.io.DataOutputStream(
              new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16))) {
        out.writeInt(CHECKPOINT_MAGIC);
        out.writeLong(seq);
        pipeline.checkpoint(out);
        out.flush();
        ch.force(true);
      }
      long older = -1;
      if (fileIsGood && java.nio.file.Files.exists(f)) { // a damaged file never becomes the fallback
        older = checkpointSeq.get();
        // the current file stays in place until the new one replaces it (a kill at any point leaves the newest
        // complete checkpoint under its name): the fallback is a second link to it, or a copy
        java.nio.file.Path prev = previous(f);
        java.nio.file.Files.deleteIfExists(prev);
        try {
          java.nio.file.Files.createLink(prev, f);
        } catch (UnsupportedOperationException | java.io.IOException noLinks) {
          java.nio.file.Files.copy(f, prev, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      java.nio.file.Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      olderCheckpointSeq.set(older);
      checkpointSeq.set(seq);
      fileIsGood = true;
    } catch (java.io.IOException e) {
      LOG.error("cannot write checkpoint: {}", e.toString());
    }
  }

  /** Also receives every evaluation (on the detector thread; keep it short). */
  public void onEvaluation(java.util.function.Consumer<DetectionPipeline.Evaluation> l) {
    this.listener = l;
  }

  public synchronized void start() {
    if (thread != null) {
      return;
    }
    thread = new Thread(this::run, "detector");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Treats {@code accountId} as allowlisted once event {@code seq} of the log has been processed (and before the next
   * one), on this run and on every replay of the log given the same labels.
   */
  public void allowAfter(long seq, String accountId) {
    allowAfter.compute(seq, (k, v) -> {
      List<String> l = v == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(v);
      l.add(accountId);
      return l;
    });
    appended();
  }

  /** Applies the labels whose position is before {@code nextSeq} (detector thread only). */
  private void applyLabelsBefore(long nextSeq) {
    while (true) {
      Map.Entry<Long, List<String>> e = allowAfter.firstEntry();
      if (e == null || e.getKey() >= nextSeq) {
        return;
      }
      allowAfter.remove(e.getKey());
      e.getValue().forEach(pipeline::allow);
    }
  }

  /** Wakes the detector: new events were appended. */
  public void appended() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  private void run() {
    long seq = restoreCheckpoint();
    try {
      while (!stop) {
        runQueries();
        List<EventLog.Stored> events = log.read(seq, batch);
        if (events.isEmpty()) {
          applyLabelsBefore(seq + 1);
          if (!ready && seq >= startSeq) {
            ready = true;
            LOG.info("replayed the event log up to seq {}; ready", seq);
          }
          synchronized (wake) {
            if (log.lastSeq() <= seq && !stop && allowAfter.isEmpty() && queries.isEmpty()) {
              wake.wait(200);
            }
          }
          continue;
        }
        for (EventLog.Stored s : events) {
          applyLabelsBefore(s.seq());
          if (s.json().isEmpty()) {
            pruned.incrementAndGet(); // blanked by retention: only a replay without a checkpoint gets here
            seq = s.seq();
            continue;
          }
          Event e;
          try {
            byte[] b = s.json().getBytes(StandardCharsets.UTF_8);
            e = parser.parse(b, 0, b.length);
          } catch (EventFormatException ex) {
            unreadable.incrementAndGet(); // validated on ingest: only a schema change could do this
            seq = s.seq();
            continue;
          }
          pipeline.accept(e);
          seq = s.seq();
          processed.set(seq);
        }
        processed.set(seq);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException | RuntimeException e) {
      failure = e;
      LOG.error("detector stopped: {}", e.toString());
    }
  }

  /**
   * Runs {@code view} on the detector thread between two events (the pipeline's state is that thread's alone) and
   * returns its result; waits at most {@code timeout}. Views must be quick and must not change the pipeline.
   */
  public <T> T query(java.util.function.Function<DetectionPipeline, T> view, java.time.Duration timeout)
      throws java.util.concurrent.TimeoutException, InterruptedException {
    java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
    queries.add(() -> {
      try {
        f.complete(view.apply(pipeline));
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    appended();
    try {
      return f.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  private void runQueries() {
    Runnable q;
    while ((q = queries.poll()) != null) {
      q.run();
    }
  }

  /** The counts of recent evaluations, oldest first (at most {@link #HISTORY}; older ones thinned out). */
  public List<Point> history() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }

  private void remember(Snapshot s) {
    int attack = 0;
    int suspicious = 0;
    for (AccountVerdict v : s.verdicts().values()) {
      switch (v.verdict()) {
        case ATTACK -> attack++;
        case SUSPICIOUS -> suspicious++;
        default -> { }
      }
    }
    Point p = new Point(s.at(), s.seq(), s.verdicts().size(), attack, suspicious, s.campaigns().size());
    synchronized (history) {
      append(history, p, HISTORY);
      campaignModels.keySet().retainAll(s.campaignsById().keySet());
      for (Campaign c : s.campaigns()) {
        Map<String, Long> byModel = new java.util.TreeMap<>();
        c.models().forEach((m, share) -> byModel.put(m, Math.round(share * c.events())));
        append(campaignModels.computeIfAbsent(c.campaignId(), k -> new java.util.ArrayDeque<>()),
            new ModelPoint(s.at(), c.events(), byModel), HISTORY / 4);
      }
    }
  }

  /** Appends, keeping the whole span within {@code max} points: past it, every other point of the older half goes. */
  private static <T> void append(java.util.ArrayDeque<T> q, T point, int max) {
    q.addLast(point);
    if (q.size() > max) {
      List<T> all = new java.util.ArrayList<>(q);
      q.clear();
      for (int i = 0; i < all.size(); i++) {
        if (i >= all.size() / 2 || i % 2 == 0) {
          q.addLast(all.get(i));
        }
      }
    }
  }

  /** A current campaign's requests by model at each remembered evaluation, oldest first (empty if unknown). */
  public List<ModelPoint> campaignModels(String campaignId) {
    synchronized (history) {
      java.util.ArrayDeque<ModelPoint> q = campaignModels.get(campaignId);
      return q == null ? List.of() : List.copyOf(q);
    }
  }

  private void publish(DetectionPipeline.Evaluation e) {
    Map<String, AccountVerdict> byAccount = new HashMap<>(e.verdicts().size() * 2);
    for (AccountVerdict v : e.verdicts()) {
      byAccount.put(v.accountId(), v);
    }
    Map<String, Campaign> campaigns = new HashMap<>();
    Map<String, String> campaignOf = new HashMap<>();
    for (Campaign c : e.campaigns()) {
      campaigns.put(c.campaignId(), c);
      for (String a : c.accounts()) {
        campaignOf.put(a, c.campaignId());
      }
    }
    Snapshot next = new Snapshot(e.at(), java.util.Collections.unmodifiableMap(byAccount), e.campaigns(),
        java.util.Collections.unmodifiableMap(campaigns), java.util.Collections.unmodifiableMap(campaignOf),
        processed.get());
    snapshot.set(next);
    remember(next);
    evaluations.incrementAndGet();
    listener.accept(e);
    maybeCheckpoint();
  }

  /** The latest evaluation. */
  public Snapshot snapshot() {
    return snapshot.get();
  }

  /** Whether the log as it was at start has been replayed. */
  public boolean ready() {
    return ready && failure == null;
  }

  /** Whether the detector thread died (the service reports not ready). */
  public Throwable failure() {
    return failure;
  }

  /** The log position up to which events were processed. */
  public long processedSeq() {
    return processed.get();
  }

  public long evaluations() {
    return evaluations.get();
  }

  /** Events replayed after retention had blanked them (skipped: their effect is lost without a checkpoint). */
  public long prunedSkipped() {
    return pruned.get();
  }

  public long unreadable() {
    return unreadable.get();
  }

  /** Event time of the newest event processed. */
  public Instant watermark() {
    return pipeline.watermark();
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    appended();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      t.join(10_000);
    }
  }
}
