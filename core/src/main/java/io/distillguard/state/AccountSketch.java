package io.distillguard.state;

import io.distillguard.event.AccountInfo;
import io.distillguard.event.ClientInfo;
import io.distillguard.event.Event;
import io.distillguard.event.Request;
import io.distillguard.event.Tier;
import io.distillguard.features.Capability;
import io.distillguard.features.CotDetector;
import io.distillguard.features.CotSignal;
import io.distillguard.features.RequestFeatures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the detector keeps about one account, in bounded space (about 4 KB plus two small HyperLogLogs): volume
 * and span, activity by hour of day and a synchronization signature, capability mix, chain-of-thought counts,
 * template-family mix, infrastructure (IP /24 ranges, ASNs, TLS and SDK fingerprints, payment fingerprints), models
 * and when each was first used, end-user diversity, request-parameter counts, and the account's declared identity
 * (the values of the newest event win).
 *
 * <p>Merge adds counts, unions sets and keeps the newer identity; it is commutative and associative while the top-k
 * summaries stay within capacity (see {@link TopK}).
 */
public final class AccountSketch {

  static final byte FORMAT_VERSION = 9;
  static final int FAMILY_CAPACITY = 16;
  static final int INFRA_CAPACITY = 8;
  static final int MODEL_CAPACITY = 8;

  private final String accountId;

  // identity, from the newest event that carried it
  private long identityAt = Long.MIN_VALUE;
  private String orgId;
  private String paymentFingerprint;
  private Tier tier;
  private Boolean verified;
  private long createdAt = Long.MIN_VALUE;
  private String country;
  private String emailDomain;

  // volume and time
  private long requests;
  private long firstSeen = Long.MAX_VALUE;
  private long lastSeen = Long.MIN_VALUE;
  private final long[] hourOfDay = new long[24];
  private final Distinct activeDays = new Distinct();
  private final ActivitySignature activity = new ActivitySignature();

  // content
  private final long[] capabilities = new long[Capability.values().length];
  private long cotHigh;
  private long cotAsked;
  private long cotWorded;
  /**
   * One bit per task (of 64 buckets of its key) among the requests counted in {@link #cotAsked} or
   * {@link #cotWorded} or reconstructing.
   */
  private long askedTasks;
  private long reconstruction;
  private long templated;
  /** One bit per task (of 64 buckets of its key) among the requests assigned a template family. */
  private long templatedTasks;
  /** One bit per task (of 64 buckets of its key) among all requests. */
  private long tasks;
  private final TopK families = new TopK(FAMILY_CAPACITY);

  // parameters
  private long largeReasoningBudget;
  private long largeMaxTokens;
  private long fromHosting;
  /** The first task seen ({@link RequestFeatures#taskKey}; 0: none yet), until another is: {@code severalTasks}. */
  private long firstTask;
  private boolean severalTasks;
  private long withTools;
  private long withImages;

  // infrastructure
  private final TopK ip24 = new TopK(INFRA_CAPACITY);
  private final TopK asns = new TopK(INFRA_CAPACITY);
  private final TopK tls = new TopK(INFRA_CAPACITY);
  private final TopK userAgents = new TopK(INFRA_CAPACITY);
  private final TopK payments = new TopK(INFRA_CAPACITY);
  private final TopK accessPaths = new TopK(INFRA_CAPACITY);
  private final TopK configurations = new TopK(INFRA_CAPACITY);
  private final Distinct endUsers = new Distinct();
  private final Distinct distinctIpRanges = new Distinct();

  // models: requests per model, and the first time each was used
  private final TopK models = new TopK(MODEL_CAPACITY);
  /** Model -> first use (epoch millis); at most MODEL_CAPACITY models, the earliest used kept on merge. */
  private final TreeMap<String, Long> modelFirstUse = new TreeMap<>();

  public AccountSketch(String accountId) {
    this.accountId = Objects.requireNonNull(accountId, "accountId");
  }

  /**
   * Counts one of the requests already folded in, free-form then, as a request of template family {@code family} and
   * task {@code taskKey}.
   */
  public void lateFamily(String family, long taskKey) {
    templated = Math.min(requests, templated + 1);
    templatedTasks |= taskBit(taskKey);
    families.update(family);
  }

  /** A task's bit in the task sets ({@link #cotAskedTasks}, {@link #templatedTasks}): one of 64 buckets of its key. */
  private static long taskBit(long taskKey) {
    return 1L << (taskKey >>> 58);
  }

  /** Folds in one request; {@code family} is its template family id, or {@code null} when it has none. */
  public void update(RequestFeatures f, String family) {
    Event e = f.event();
    long ts = e.ts().toEpochMilli();
    requests++;
    firstSeen = Math.min(firstSeen, ts);
    lastSeen = Math.max(lastSeen, ts);
    hourOfDay[(int) Math.floorMod(Math.floorDiv(ts, 3_600_000L), 24L)]++;
    activeDays.update(Math.floorDiv(ts, 86_400_000L));
    activity.update(ts);

    tasks |= taskBit(f.taskKey());
    if (!severalTasks) {
      if (firstTask == 0) {
        firstTask = f.taskKey();
      } else if (firstTask != f.taskKey()) {
        severalTasks = true;
      }
    }
    capabilities[f.capability().ordinal()]++;
    if (f.cot().score() >= CotSignal.HIGH) {
      cotHigh++;
    }
    if (f.cot().asked()) {
      cotAsked++;
    }
    if (f.cot().worded() && !f.cot().asked()) {
      cotWorded++;
    }
    if (f.cot().worded() || f.cot().reconstruction()) {
      askedTasks |= taskBit(f.taskKey());
    }
    if (f.cot().reconstruction()) {
      reconstruction++;
    }
    if (family != null) {
      templated++;
      templatedTasks |= taskBit(f.taskKey());
      families.update(family);
    }

    Request q = e.request();
    if (q.reasoning() != null && q.reasoning().budgetTokens() != null
        && q.reasoning().budgetTokens() >= CotDetector.LARGE_BUDGET) {
      largeReasoningBudget++;
    }
    if (q.maxTokens() != null && q.maxTokens() >= 16_000) {
      largeMaxTokens++;
    }
    if (f.toolCount() > 0) {
      withTools++;
    }
    if (f.hasImages()) {
      withImages++;
    }

    ClientInfo c = e.clientOrEmpty();
    ip24.update(f.ipRange());
    asns.update(c.asn() == null ? null : String.valueOf(c.asn()));
    if (f.fromHosting()) {
      fromHosting++;
    }
    tls.update(c.tlsFingerprint());
    userAgents.update(c.userAgent());
    accessPaths.update(c.accessPath());
    configurations.update(f.clientConfiguration());
    endUsers.update(e.endUserId());
    if (f.ipRange() != null) {
      distinctIpRanges.update(f.ipRangeKey());
    }

    models.update(q.model());
    Long firstUse = modelFirstUse.get(q.model());
    if (firstUse == null || ts < firstUse) {
      modelFirstUse.put(boundedKey(q.model()), ts);
      capFirstUse();
    }

    AccountInfo a = e.accountOrEmpty();
    payments.update(a.paymentFingerprint());
    if (ts >= identityAt) {
      identityAt = ts;
      if (e.orgId() != null) {
        orgId = e.orgId();
      }
      if (a.paymentFingerprint() != null) {
        paymentFingerprint = a.paymentFingerprint();
      }
      if (a.tier() != null) {
        tier = a.tier();
      }
      if (a.verified() != null) {
        verified = a.verified();
      }
      if (a.createdAt() != null) {
        createdAt = a.createdAt().toEpochMilli();
      }
      if (a.country() != null) {
        country = a.country();
      }
      if (a.emailDomain() != null) {
        emailDomain = a.emailDomain();
      }
    }
  }

  /** Folds in another sketch of the same account. */
  public void merge(AccountSketch o) {
    if (!o.accountId.equals(accountId)) {
      throw new IllegalArgumentException("cannot merge account " + o.accountId + " into " + accountId);
    }
    if (o.identityAt > identityAt || (o.identityAt == identityAt && o.identityKey().compareTo(identityKey()) > 0)) {
      identityAt = o.identityAt;
      orgId = o.orgId != null ? o.orgId : orgId;
      paymentFingerprint = o.paymentFingerprint != null ? o.paymentFingerprint : paymentFingerprint;
      tier = o.tier != null ? o.tier : tier;
      verified = o.verified != null ? o.verified : verified;
      createdAt = o.createdAt != Long.MIN_VALUE ? o.createdAt : createdAt;
      country = o.country != null ? o.country : country;
      emailDomain = o.emailDomain != null ? o.emailDomain : emailDomain;
    }
    requests += o.requests;
    firstSeen = Math.min(firstSeen, o.firstSeen);
    lastSeen = Math.max(lastSeen, o.lastSeen);
    for (int i = 0; i < 24; i++) {
      hourOfDay[i] += o.hourOfDay[i];
    }
    activeDays.merge(o.activeDays);
    activity.merge(o.activity);
    for (int i = 0; i < capabilities.length; i++) {
      capabilities[i] += o.capabilities[i];
    }
    cotHigh += o.cotHigh;
    cotAsked += o.cotAsked;
    cotWorded += o.cotWorded;
    askedTasks |= o.askedTasks;
    reconstruction += o.reconstruction;
    templated += o.templated;
    templatedTasks |= o.templatedTasks;
    tasks |= o.tasks;
    families.merge(o.families);
    largeReasoningBudget += o.largeReasoningBudget;
    largeMaxTokens += o.largeMaxTokens;
    fromHosting += o.fromHosting;
    if (o.severalTasks || (firstTask != 0 && o.firstTask != 0 && firstTask != o.firstTask)) {
      severalTasks = true;
    } else if (firstTask == 0) {
      firstTask = o.firstTask;
    }
    withTools += o.withTools;
    withImages += o.withImages;
    ip24.merge(o.ip24);
    asns.merge(o.asns);
    tls.merge(o.tls);
    userAgents.merge(o.userAgents);
    payments.merge(o.payments);
    accessPaths.merge(o.accessPaths);
    configurations.merge(o.configurations);
    endUsers.merge(o.endUsers);
    distinctIpRanges.merge(o.distinctIpRanges);
    models.merge(o.models);
    mergeFirstUse(o.modelFirstUse);
  }

  private void mergeFirstUse(TreeMap<String, Long> other) {
    other.forEach((k, v) -> modelFirstUse.merge(k, v, Math::min));
    capFirstUse();
  }

  /** Keeps the MODEL_CAPACITY earliest-used models (ties by name): order-independent, so merge stays associative. */
  private void capFirstUse() {
    while (modelFirstUse.size() > MODEL_CAPACITY) {
      String latest = null;
      long lt = Long.MIN_VALUE;
      for (var e : modelFirstUse.entrySet()) {
        if (e.getValue() > lt || (e.getValue() == lt && e.getKey().compareTo(latest) > 0)) {
          latest = e.getKey();
          lt = e.getValue();
        }
      }
      modelFirstUse.remove(latest);
    }
  }

  private static String boundedKey(String k) {
    return k.length() > TopK.MAX_KEY_CHARS ? k.substring(0, TopK.MAX_KEY_CHARS) : k;
  }

  private String identityKey() {
    return String.valueOf(orgId) + '|' + paymentFingerprint + '|' + tier + '|' + verified + '|' + createdAt + '|'
        + country + '|' + emailDomain;
  }

  // --- reads -------------------------------------------------------------------------------------------------

  public String accountId() {
    return accountId;
  }

  public String orgId() {
    return orgId;
  }

  public String paymentFingerprint() {
    return paymentFingerprint;
  }

  /** Who owns the account for spread: its declared organisation, else the account itself. */
  public String owner() {
    return orgId != null ? "org:" + orgId : "acct:" + accountId;
  }

  public Tier tier() {
    return tier;
  }

  public Boolean verified() {
    return verified;
  }

  /** Account creation time in epoch milliseconds, or {@link Long#MIN_VALUE} when never declared. */
  public long createdAt() {
    return createdAt;
  }

  public String country() {
    return country;
  }

  public String emailDomain() {
    return emailDomain;
  }

  public long requests() {
    return requests;
  }

  public long firstSeen() {
    return firstSeen;
  }

  public long lastSeen() {
    return lastSeen;
  }

  public long[] hourOfDay() {
    return hourOfDay.clone();
  }

  public long activeDays() {
    return activeDays.estimate();
  }

  public ActivitySignature activity() {
    return activity;
  }

  public long capability(Capability c) {
    return capabilities[c.ordinal()];
  }

  public long cotHigh() {
    return cotHigh;
  }

  /** Requests whose text alone elicits reasoning at {@link CotSignal#HIGH}, without a reasoning budget's help. */
  public long cotAsked() {
    return cotAsked;
  }

  /**
   * Requests whose text alone elicits reasoning at {@link CotSignal#SOME} but not at {@link CotSignal#HIGH}: one kind
   * of elicitation in words.
   */
  public long cotWorded() {
    return cotWorded;
  }

  /**
   * How many different tasks the requests of {@link #cotAsked}, {@link #cotWorded} and {@link #reconstruction} came
   * from, at least
   * (distinct buckets of 64; exact for a few, an undercount for many): an agent run's turns repeat one task.
   */
  public int cotAskedTasks() {
    return Long.bitCount(askedTasks);
  }

  /**
   * How many different tasks the requests assigned a template family (on arrival or later) came from (distinct
   * buckets of 64, as {@link #cotAskedTasks}): the turns of one conversation that quotes a campaign's question land
   * in the campaign's families, but as one task.
   */
  public int templatedTasks() {
    return Long.bitCount(templatedTasks);
  }

  /**
   * How many different tasks the account's requests came from (distinct buckets of 64, as {@link #templatedTasks}).
   */
  public int tasks() {
    return Long.bitCount(tasks);
  }

  public long reconstruction() {
    return reconstruction;
  }

  public long templated() {
    return templated;
  }

  public TopK families() {
    return families;
  }

  public long largeReasoningBudget() {
    return largeReasoningBudget;
  }

  public long largeMaxTokens() {
    return largeMaxTokens;
  }

  /**
   * Whether the account sent more than one task ({@link RequestFeatures#taskKey}): the turns of one conversation or
   * agent run are one sample of what it asks for, however many requests they took.
   */
  public boolean severalTasks() {
    return severalTasks;
  }

  /** Requests sent directly from a hosting or cloud compute network ({@link RequestFeatures#fromHosting}). */
  public long fromHosting() {
    return fromHosting;
  }

  public long withTools() {
    return withTools;
  }

  public long withImages() {
    return withImages;
  }

  public TopK ipRanges() {
    return ip24;
  }

  public TopK asns() {
    return asns;
  }

  public TopK tlsFingerprints() {
    return tls;
  }

  public TopK userAgents() {
    return userAgents;
  }

  public TopK payments() {
    return payments;
  }

  /** Client configurations ({@link io.distillguard.features.InfraKeys#clientConfiguration}) by request count. */
  public TopK clientConfigurations() {
    return configurations;
  }

  public TopK accessPaths() {
    return accessPaths;
  }

  /** Distinct IP /24 (or /48) ranges the account has sent from. */
  public long distinctIpRanges() {
    return distinctIpRanges.estimate();
  }

  public long endUsers() {
    return endUsers.estimate();
  }

  public TopK models() {
    return models;
  }

  /** When the account first used {@code model} (epoch milliseconds), or {@link Long#MIN_VALUE} if unknown. */
  public long firstUse(String model) {
    Long v = modelFirstUse.get(model);
    return v == null ? Long.MIN_VALUE : v;
  }

  // --- bytes -------------------------------------------------------------------------------------------------

  /** Versioned bytes: the format version first. */
  public byte[] toBytes() {
    ByteArrayOutputStream bos = new ByteArrayOutputStream(1024);
    try (DataOutputStream out = new DataOutputStream(bos)) {
      out.writeByte(FORMAT_VERSION);
      out.writeUTF(accountId);
      out.writeLong(identityAt);
      Codec.writeNullable(out, orgId);
      Codec.writeNullable(out, paymentFingerprint);
      out.writeByte(tier == null ? -1 : tier.ordinal());
      out.writeByte(verified == null ? -1 : verified ? 1 : 0);
      out.writeLong(createdAt);
      Codec.writeNullable(out, country);
      Codec.writeNullable(out, emailDomain);
      out.writeLong(requests);
      out.writeLong(firstSeen);
      out.writeLong(lastSeen);
      for (long h : hourOfDay) {
        out.writeLong(h);
      }
      Codec.writeBytes(out, activeDays.toBytes());
      activity.write(out);
      out.writeByte(capabilities.length);
      for (long c : capabilities) {
        out.writeLong(c);
      }
      out.writeLong(cotHigh);
      out.writeLong(cotAsked);
      out.writeLong(cotWorded);
      out.writeLong(askedTasks);
      out.writeLong(reconstruction);
      out.writeLong(templated);
      out.writeLong(templatedTasks);
      out.writeLong(tasks);
      families.write(out);
      out.writeLong(largeReasoningBudget);
      out.writeLong(largeMaxTokens);
      out.writeLong(fromHosting);
      out.writeLong(firstTask);
      out.writeBoolean(severalTasks);
      out.writeLong(withTools);
      out.writeLong(withImages);
      for (TopK t : new TopK[] {ip24, asns, tls, userAgents, payments, accessPaths, models, configurations}) {
        t.write(out);
      }
      out.writeShort(modelFirstUse.size());
      for (var e : modelFirstUse.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeLong(e.getValue());
      }
      Codec.writeBytes(out, endUsers.toBytes());
      Codec.writeBytes(out, distinctIpRanges.toBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bos.toByteArray();
  }

  /** Reads bytes written by {@link #toBytes}; rejects other format versions. */
  public static AccountSketch fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      Codec.checkVersion(in.readByte(), FORMAT_VERSION, "AccountSketch");
      AccountSketch s = new AccountSketch(in.readUTF());
      s.identityAt = in.readLong();
      s.orgId = Codec.readNullable(in);
      s.paymentFingerprint = Codec.readNullable(in);
      int t = in.readByte();
      s.tier = t < 0 ? null : Tier.values()[t];
      int v = in.readByte();
      s.verified = v < 0 ? null : v == 1;
      s.createdAt = in.readLong();
      s.country = Codec.readNullable(in);
      s.emailDomain = Codec.readNullable(in);
      s.requests = in.readLong();
      s.firstSeen = in.readLong();
      s.lastSeen = in.readLong();
      for (int i = 0; i < 24; i++) {
        s.hourOfDay[i] = in.readLong();
      }
      s.activeDays.clearAndMerge(Distinct.fromBytes(Codec.readBytes(in)));
      s.activity.merge(ActivitySignature.read(in));
      int n = in.readByte();
      if (n != s.capabilities.length) {
        throw new IOException("AccountSketch has " + n + " capabilities, this build knows " + s.capabilities.length);
      }
      for (int i = 0; i < n; i++) {
        s.capabilities[i] = in.readLong();
      }
      s.cotHigh = in.readLong();
      s.cotAsked = in.readLong();
      s.cotWorded = in.readLong();
      s.askedTasks = in.readLong();
      s.reconstruction = in.readLong();
      s.templated = in.readLong();
      s.templatedTasks = in.readLong();
      s.tasks = in.readLong();
      s.families.clearAndMerge(TopK.read(in));
      s.largeReasoningBudget = in.readLong();
      s.largeMaxTokens = in.readLong();
      s.fromHosting = in.readLong();
      s.firstTask = in.readLong();
      s.severalTasks = in.readBoolean();
      s.withTools = in.readLong();
      s.withImages = in.readLong();
      for (TopK k : new TopK[] {s.ip24, s.asns, s.tls, s.userAgents, s.payments, s.accessPaths, s.models, s.configurations}) {
        k.clearAndMerge(TopK.read(in));
      }
      int models = in.readShort();
      for (int i = 0; i < models; i++) {
        s.modelFirstUse.put(in.readUTF(), in.readLong());
      }
      s.endUsers.clearAndMerge(Distinct.fromBytes(Codec.readBytes(in)));
      s.distinctIpRanges.clearAndMerge(Distinct.fromBytes(Codec.readBytes(in)));
      return s;
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt AccountSketch bytes: " + e.getMessage(), e);
    }
  }

  /**
   * A canonical rendering of the state (distinct counts as estimates), equal for two sketches that hold the same
   * information whatever order they were built in; for tests and debugging.
   */
  String canonical() {
    return String.join("|", accountId, String.valueOf(identityAt), identityKey(), String.valueOf(requests),
        String.valueOf(firstSeen), String.valueOf(lastSeen), Arrays.toString(hourOfDay),
        String.valueOf(activeDays.estimate()), String.valueOf(activitySnapshot()), Arrays.toString(capabilities),
        String.valueOf(cotHigh), String.valueOf(cotAsked), String.valueOf(cotWorded), Long.toHexString(askedTasks),
        String.valueOf(reconstruction), String.valueOf(templated), Long.toHexString(templatedTasks), Long.toHexString(tasks),
        families.toString(),
        String.valueOf(largeReasoningBudget), String.valueOf(largeMaxTokens), String.valueOf(fromHosting),
        severalTasks ? "tasks:2+" : "task:" + firstTask, String.valueOf(withTools),
        String.valueOf(withImages), ip24.toString(), asns.toString(), tls.toString(), userAgents.toString(),
        payments.toString(), accessPaths.toString(), configurations.toString(), String.valueOf(endUsers.estimate()), String.valueOf(distinctIpRanges.estimate()), models.toString(),
        modelFirstUse.toString());
  }

  private int activitySnapshot() {
    return activity.hashCode();
  }
}
