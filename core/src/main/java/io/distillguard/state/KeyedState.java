package io.distillguard.state;

import io.distillguard.event.AccountInfo;
import io.distillguard.event.Event;
import io.distillguard.features.RequestFeatures;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * All keyed state of one detector: sketches per account, per template family and per infrastructure key (IP range,
 * payment fingerprint and client configuration: the keys linking reads), plus when
 * each model was first seen at all (a newly released model shows up as a late first appearance). Bounded by idle
 * eviction ({@link #evictIdle}): families and infrastructure keys unused for {@link #IDLE_KEYS}, accounts unused for
 * {@link #IDLE_ACCOUNTS} of event time, are dropped. Not thread-safe.
 */
public final class KeyedState {

  public static final long IDLE_KEYS = 14L * 86_400_000L;
  public static final long IDLE_ACCOUNTS = 30L * 86_400_000L;
  static final int MAX_MODELS = 64;

  private final Map<String, AccountSketch> accounts = new HashMap<>();
  private final Map<String, FamilySketch> families = new HashMap<>();
  /** Infrastructure sketches by kind ({@link InfraKey#ordinal}), each map keyed by the bounded value. */
  @SuppressWarnings("unchecked")
  private final Map<String, InfraSketch>[] infra = new Map[InfraKey.values().length];

  {
    for (int i = 0; i < infra.length; i++) {
      infra[i] = new HashMap<>();
    }
  }
  private final TreeMap<String, Long> modelFirstSeen = new TreeMap<>();
  private long accountSetVersion;

  /**
   * Folds one request (with its family, or null, and its prompt text for evidence samples, asked for only when
   * needed) into all sketches, and returns the account's sketch. Its {@link AccountSketch#accountId()} is the very
   * string this state is keyed by: callers that key their own maps by it make every lookup here an identity match.
   */
  public AccountSketch update(RequestFeatures f, String family, java.util.function.Supplier<String> sampleText) {
    // family ids given here must be current (canonical): merged families live under the surviving id
    Event e = f.event();
    long ts = e.ts().toEpochMilli();
    AccountSketch sketch = accounts.get(e.accountId());
    if (sketch == null) {
      sketch = new AccountSketch(e.accountId());
      accounts.put(e.accountId(), sketch);
      accountSetVersion++;
    }
    if (family != null) {
      FamilySketch fs = families.computeIfAbsent(family, FamilySketch::new);
      fs.update(f, sampleText);
      family = fs.familyId(); // the account counts the family under the string the family is keyed by
    }
    sketch.update(f, family);
    AccountInfo a = e.accountOrEmpty();
    infra(InfraKey.IP_RANGE, f.ipRange(), f, ts);
    // only the keys linking reads: ASN, TLS and SDK sharing is kept per account (AccountSketch) and per client
    // configuration (which includes the TLS fingerprint) and its harness, not in sketches of their own that nothing
    // reads
    infra(InfraKey.PAYMENT, a.paymentFingerprint(), f, ts);
    infra(InfraKey.CLIENT_CONFIG, f.clientConfiguration(), f, ts);
    infra(InfraKey.HARNESS, f.harness(), f, ts);
    String model = e.request().model();
    if (!modelFirstSeen.containsKey(model) && modelFirstSeen.size() < MAX_MODELS) {
      modelFirstSeen.put(model.length() > TopK.MAX_KEY_CHARS ? model.substring(0, TopK.MAX_KEY_CHARS) : model, ts);
    }
    return sketch;
  }

  /**
   * Counts an earlier request of account {@code accountId} and task {@code taskKey} in (canonical) family
   * {@code family}: a request that had no family when it arrived (its template's text was not known yet) and has one
   * now. Only the account's view
   * changes (its family counts and templated requests); the family's sketch keeps the requests it saw on time.
   * Returns the account's sketch, or null when the account is no longer tracked.
   */
  public AccountSketch lateFamily(String accountId, String family, long taskKey) {
    AccountSketch sketch = accounts.get(accountId);
    if (sketch == null || family == null) {
      return null;
    }
    FamilySketch fs = families.get(family);
    sketch.lateFamily(fs == null ? family : fs.familyId(), taskKey);
    return sketch;
  }

  private void infra(InfraKey kind, String value, RequestFeatures f, long ts) {
    if (value == null || value.isEmpty()) {
      return;
    }
    String v = InfraKey.bounded(value);
    Map<String, InfraSketch> m = infra[kind.ordinal()];
    InfraSketch s = m.get(v);
    if (s == null) {
      s = new InfraSketch(kind.key(v));
      m.put(v, s);
    }
    s.update(f.accountKey(), f.ownerKey(), ts);
  }

  /**
   * Folds the state of family {@code absorbed} into family {@code into}: the families were found to be wordings of
   * one template. Accounts keep counting under old ids; readers map ids with the family stage's canonical names.
   */
  public void mergeFamily(String absorbed, String into) {
    FamilySketch gone = families.remove(absorbed);
    if (gone == null) {
      return;
    }
    FamilySketch keep = families.get(into);
    if (keep == null) {
      families.put(into, gone.copyAs(into));
    } else {
      keep.merge(gone.copyAs(into));
    }
  }

  /** Drops a family's sketch (a family that can receive no more requests and shows nothing across accounts). */
  public void dropFamily(String id) {
    families.remove(id);
  }

  /** Drops sketches idle for longer than their bound at event time {@code now}; returns how many were dropped. */
  public int evictIdle(long now) {
    int dropped = 0;
    for (Iterator<AccountSketch> it = accounts.values().iterator(); it.hasNext(); ) {
      if (now - it.next().lastSeen() > IDLE_ACCOUNTS) {
        it.remove();
        dropped++;
        accountSetVersion++;
      }
    }
    for (Iterator<FamilySketch> it = families.values().iterator(); it.hasNext(); ) {
      if (now - it.next().lastSeen() > IDLE_KEYS) {
        it.remove();
        dropped++;
      }
    }
    for (Map<String, InfraSketch> m : infra) {
      for (Iterator<InfraSketch> it = m.values().iterator(); it.hasNext(); ) {
        if (now - it.next().lastSeen() > IDLE_KEYS) {
          it.remove();
          dropped++;
        }
      }
    }
    return dropped;
  }

  public AccountSketch account(String id) {
    return accounts.get(id);
  }

  public Collection<AccountSketch> accounts() {
    return accounts.values();
  }

  public int accountCount() {
    return accounts.size();
  }

  /** Changes whenever an account is added or evicted: a caller may cache lists of account ids by it. */
  public long accountSetVersion() {
    return accountSetVersion;
  }

  public FamilySketch family(String id) {
    return families.get(id);
  }

  public Collection<FamilySketch> families() {
    return families.values();
  }

  /** The sketch of a state key ({@code prefix:value}, as {@link InfraKey#key} writes it), or null. */
  public InfraSketch infra(String key) {
    InfraKey kind = key == null ? null : InfraKey.of(key);
    return kind == null ? null : infra(kind, key.substring(kind.prefixLength()));
  }

  /** The sketch of one kind's value (truncated as {@link InfraKey#key} truncates it), or null. */
  public InfraSketch infra(InfraKey kind, String value) {
    return value == null ? null : infra[kind.ordinal()].get(InfraKey.bounded(value));
  }

  /** When a model was first seen in the stream (epoch millis), or {@link Long#MIN_VALUE}. */
  public long modelFirstSeen(String model) {
    Long v = modelFirstSeen.get(model);
    return v == null ? Long.MIN_VALUE : v;
  }

  public Map<String, Long> modelsFirstSeen() {
    return java.util.Collections.unmodifiableMap(modelFirstSeen);
  }

  /** Writes every sketch (sorted by key) and the model first-seen times; {@link #read} restores them. */
  public void write(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(1); // format version
    writeMap(out, accounts, AccountSketch::toBytes);
    writeMap(out, families, FamilySketch::toBytes);
    Map<String, InfraSketch> all = new HashMap<>();
    for (Map<String, InfraSketch> m : infra) {
      for (InfraSketch sketch : m.values()) {
        all.put(sketch.key(), sketch);
      }
    }
    writeMap(out, all, InfraSketch::toBytes);
    out.writeInt(modelFirstSeen.size());
    for (Map.Entry<String, Long> e : modelFirstSeen.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeLong(e.getValue());
    }
    out.writeLong(accountSetVersion);
  }

  public static KeyedState read(java.io.DataInput in) throws java.io.IOException {
    Codec.checkVersion(in.readInt(), 1, "keyed state");
    KeyedState s = new KeyedState();
    Map<String, AccountSketch> accounts = new HashMap<>();
    readMap(in, accounts, AccountSketch::fromBytes);
    for (AccountSketch a : accounts.values()) {
      s.accounts.put(a.accountId(), a); // keyed by the sketch's own id string, as update keys it
    }
    readMap(in, s.families, FamilySketch::fromBytes);
    Map<String, InfraSketch> all = new HashMap<>();
    readMap(in, all, InfraSketch::fromBytes);
    for (InfraSketch sketch : all.values()) {
      InfraKey kind = InfraKey.of(sketch.key());
      if (kind == null) {
        throw new java.io.IOException("unknown infrastructure key kind: " + sketch.key());
      }
      s.infra[kind.ordinal()].put(sketch.key().substring(kind.prefixLength()), sketch);
    }
    int m = in.readInt();
    for (int i = 0; i < m; i++) {
      s.modelFirstSeen.put(in.readUTF(), in.readLong());
    }
    s.accountSetVersion = in.readLong();
    return s;
  }

  private static <T> void writeMap(java.io.DataOutput out, Map<String, T> map,
      java.util.function.Function<T, byte[]> bytes) throws java.io.IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, T> e : new TreeMap<>(map).entrySet()) {
      out.writeUTF(e.getKey());
      Codec.writeBytes(out, bytes.apply(e.getValue()));
    }
  }

  private static <T> void readMap(java.io.DataInput in, Map<String, T> map,
      java.util.function.Function<byte[], T> read) throws java.io.IOException {
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      String k = in.readUTF();
      map.put(k, read.apply(Codec.readBytes(in)));
    }
  }
}
