package io.distillguard.state;

import io.distillguard.event.Event;
import io.distillguard.features.Capability;
import io.distillguard.features.CotSignal;
import io.distillguard.features.RequestFeatures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the detector keeps about one template family, in bounded space: volume, first and last use, how many
 * accounts and how many unrelated owners (declared organisation, else the account itself) use it,
 * on how many IP ranges and ASNs, its capability mix, chain-of-thought counts, models, and up to
 * {@value #SAMPLES} example prompts truncated to {@value #SAMPLE_CHARS} characters (evidence for an analyst; raw
 * text, escaped wherever it is rendered).
 */
public final class FamilySketch {

  static final byte FORMAT_VERSION = 1;
  public static final int SAMPLES = 3;
  public static final int SAMPLE_CHARS = 300;

  private final String familyId;
  private long requests;
  private long firstSeen = Long.MAX_VALUE;
  private long lastSeen = Long.MIN_VALUE;
  private final Distinct accounts = new Distinct();
  private final Distinct owners = new Distinct();
  private final Distinct ipRanges = new Distinct();
  private final Distinct asns = new Distinct();
  private final long[] capabilities = new long[Capability.values().length];
  private long cotHigh;
  private long reconstruction;
  private final TopK models = new TopK(8);
  private final long[] hourOfDay = new long[24];
  /** Bottom-k sample: the {@value #SAMPLES} requests with the smallest event-id hashes, sorted by hash. */
  private final List<Long> sampleKeys = new ArrayList<>(SAMPLES);
  private final List<String> samples = new ArrayList<>(SAMPLES);

  public FamilySketch(String familyId) {
    this.familyId = Objects.requireNonNull(familyId, "familyId");
  }

  /**
   * Folds in one request of this family; {@code sampleText} supplies its prompt text, and is called only when the
   * request enters the evidence sample.
   */
  public void update(RequestFeatures f, java.util.function.Supplier<String> sampleText) {
    Event e = f.event();
    long ts = e.ts().toEpochMilli();
    requests++;
    firstSeen = Math.min(firstSeen, ts);
    lastSeen = Math.max(lastSeen, ts);
    accounts.update(f.accountKey());
    owners.update(f.ownerKey());
    if (f.ipRange() != null) {
      ipRanges.update(f.ipRangeKey());
    }
    Long asn = e.clientOrEmpty().asn();
    if (asn != null) {
      asns.update(asn);
    }
    capabilities[f.capability().ordinal()]++;
    if (f.cot().score() >= CotSignal.HIGH) {
      cotHigh++;
    }
    if (f.cot().reconstruction()) {
      reconstruction++;
    }
    models.update(e.request().model());
    hourOfDay[(int) Math.floorMod(Math.floorDiv(ts, 3_600_000L), 24L)]++;
    long key = f.eventKey();
    if (samples.size() < SAMPLES || key < sampleKeys.get(sampleKeys.size() - 1)) {
      String text = sampleText.get();
      if (text != null) {
        addSample(key, text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) + "…" : text);
      }
    }
  }

  /** Folds in another sketch of the same family; samples keep the first {@value #SAMPLES} in sorted order. */
  public void merge(FamilySketch o) {
    if (!o.familyId.equals(familyId)) {
      throw new IllegalArgumentException("cannot merge family " + o.familyId + " into " + familyId);
    }
    requests += o.requests;
    firstSeen = Math.min(firstSeen, o.firstSeen);
    lastSeen = Math.max(lastSeen, o.lastSeen);
    accounts.merge(o.accounts);
    owners.merge(o.owners);
    ipRanges.merge(o.ipRanges);
    asns.merge(o.asns);
    for (int i = 0; i < capabilities.length; i++) {
      capabilities[i] += o.capabilities[i];
    }
    cotHigh += o.cotHigh;
    reconstruction += o.reconstruction;
    models.merge(o.models);
    for (int i = 0; i < 24; i++) {
      hourOfDay[i] += o.hourOfDay[i];
    }
    for (int i = 0; i < o.samples.size(); i++) {
      addSample(o.sampleKeys.get(i), o.samples.get(i));
    }
  }

  /** Keeps the {@value #SAMPLES} samples with the smallest keys: order-free, so merge is associative. */
  private void addSample(long key, String text) {
    int at = java.util.Collections.binarySearch(sampleKeys, key);
    if (at >= 0) {
      return;
    }
    int insert = -at - 1;
    if (insert >= SAMPLES) {
      return;
    }
    sampleKeys.add(insert, key);
    samples.add(insert, text);
    if (samples.size() > SAMPLES) {
      sampleKeys.remove(SAMPLES);
      samples.remove(SAMPLES);
    }
  }

  public String familyId() {
    return familyId;
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

  public long accounts() {
    return accounts.estimate();
  }

  public long owners() {
    return owners.estimate();
  }

  public long ipRanges() {
    return ipRanges.estimate();
  }

  public long asns() {
    return asns.estimate();
  }

  public long capability(Capability c) {
    return capabilities[c.ordinal()];
  }

  /** Requests in capabilities worth harvesting (all but general). */
  public long harvestCapabilityRequests() {
    return requests - capabilities[Capability.GENERAL.ordinal()];
  }

  public long cotHigh() {
    return cotHigh;
  }

  public long reconstruction() {
    return reconstruction;
  }

  public TopK models() {
    return models;
  }

  public long[] hourOfDay() {
    return hourOfDay.clone();
  }

  /** A copy of this sketch under another id: the union of families that turned out to be one template. */
  public FamilySketch copyAs(String newId) {
    return read(toBytes(), newId);
  }

  public List<String> samples() {
    return List.copyOf(samples);
  }

  public byte[] toBytes() {
    ByteArrayOutputStream bos = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(bos)) {
      out.writeByte(FORMAT_VERSION);
      out.writeUTF(familyId);
      out.writeLong(requests);
      out.writeLong(firstSeen);
      out.writeLong(lastSeen);
      for (Distinct d : new Distinct[] {accounts, owners, ipRanges, asns}) {
        Codec.writeBytes(out, d.toBytes());
      }
      out.writeByte(capabilities.length);
      for (long c : capabilities) {
        out.writeLong(c);
      }
      out.writeLong(cotHigh);
      out.writeLong(reconstruction);
      models.write(out);
      for (long h : hourOfDay) {
        out.writeLong(h);
      }
      out.writeByte(samples.size());
      for (int i = 0; i < samples.size(); i++) {
        out.writeLong(sampleKeys.get(i));
        out.writeUTF(samples.get(i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bos.toByteArray();
  }

  public static FamilySketch fromBytes(byte[] bytes) {
    return read(bytes, null);
  }

  /** Reads sketch bytes, under {@code id} instead of the stored id when it is not null. */
  private static FamilySketch read(byte[] bytes, String id) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      Codec.checkVersion(in.readByte(), FORMAT_VERSION, "FamilySketch");
      String stored = in.readUTF();
      FamilySketch s = new FamilySketch(id != null ? id : stored);
      s.requests = in.readLong();
      s.firstSeen = in.readLong();
      s.lastSeen = in.readLong();
      for (Distinct d : new Distinct[] {s.accounts, s.owners, s.ipRanges, s.asns}) {
        d.clearAndMerge(Distinct.fromBytes(Codec.readBytes(in)));
      }
      int n = in.readByte();
      if (n != s.capabilities.length) {
        throw new IOException("FamilySketch has " + n + " capabilities, this build knows " + s.capabilities.length);
      }
      for (int i = 0; i < n; i++) {
        s.capabilities[i] = in.readLong();
      }
      s.cotHigh = in.readLong();
      s.reconstruction = in.readLong();
      s.models.clearAndMerge(TopK.read(in));
      for (int i = 0; i < 24; i++) {
        s.hourOfDay[i] = in.readLong();
      }
      int k = in.readByte();
      for (int i = 0; i < k; i++) {
        s.sampleKeys.add(in.readLong());
        s.samples.add(in.readUTF());
      }
      return s;
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt FamilySketch bytes: " + e.getMessage(), e);
    }
  }

  String canonical() {
    return String.join("|", familyId, String.valueOf(requests), String.valueOf(firstSeen), String.valueOf(lastSeen),
        String.valueOf(accounts.estimate()), String.valueOf(owners.estimate()), String.valueOf(ipRanges.estimate()),
        String.valueOf(asns.estimate()), java.util.Arrays.toString(capabilities), String.valueOf(cotHigh),
        String.valueOf(reconstruction), models.toString(), java.util.Arrays.toString(hourOfDay), samples.toString());
  }
}
