package io.distillguard.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.distillguard.features.KeyHash;
import java.util.Objects;

/**
 * Who sits behind one infrastructure key (an IP /24, a payment fingerprint, a client configuration):
 * requests, distinct accounts and distinct owners. A key shared by many unrelated owners (a large NAT, a popular
 * SDK, a cloud egress range) says little about any one of them; linking weighs shared keys down by this count.
 */
public final class InfraSketch {

  static final byte FORMAT_VERSION = 1;

  private final String key;
  private long requests;
  private long lastSeen = Long.MIN_VALUE;
  private final Distinct accounts = new Distinct();
  private final Distinct owners = new Distinct();

  public InfraSketch(String key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  public void update(String accountId, String owner, long epochMillis) {
    update(KeyHash.of(accountId), KeyHash.of(owner), epochMillis);
  }

  /** One request, its account and owner given as their {@link KeyHash#of} hashes. */
  public void update(long accountKey, long ownerKey, long epochMillis) {
    requests++;
    lastSeen = Math.max(lastSeen, epochMillis);
    accounts.update(accountKey);
    owners.update(ownerKey);
  }

  public void merge(InfraSketch o) {
    if (!o.key.equals(key)) {
      throw new IllegalArgumentException("cannot merge infrastructure key " + o.key + " into " + key);
    }
    requests += o.requests;
    lastSeen = Math.max(lastSeen, o.lastSeen);
    accounts.merge(o.accounts);
    owners.merge(o.owners);
  }

  public String key() {
    return key;
  }

  public long requests() {
    return requests;
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

  public byte[] toBytes() {
    ByteArrayOutputStream bos = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bos)) {
      out.writeByte(FORMAT_VERSION);
      out.writeUTF(key);
      out.writeLong(requests);
      out.writeLong(lastSeen);
      Codec.writeBytes(out, accounts.toBytes());
      Codec.writeBytes(out, owners.toBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bos.toByteArray();
  }

  public static InfraSketch fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      Codec.checkVersion(in.readByte(), FORMAT_VERSION, "InfraSketch");
      InfraSketch s = new InfraSketch(in.readUTF());
      s.requests = in.readLong();
      s.lastSeen = in.readLong();
      s.accounts.clearAndMerge(Distinct.fromBytes(Codec.readBytes(in)));
      s.owners.clearAndMerge(Distinct.fromBytes(Codec.readBytes(in)));
      return s;
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt InfraSketch bytes: " + e.getMessage(), e);
    }
  }

  String canonical() {
    return key + "|" + requests + "|" + lastSeen + "|" + accounts.estimate() + "|" + owners.estimate();
  }
}
