package io.distillguard.families;

/**
 * Approximately how many recent requests contained each shingle: one row of saturating byte counters indexed by the
 * shingle hash (a count-min sketch of depth one, Cormode and Muthukrishnan 2005), halved every
 * {@code decayEvery} updates so that the counts follow recent traffic. Memory is {@code 2^bits} bytes. Collisions
 * only over-count, and the halving keeps the noise floor near {@code decayEvery / 2^bits}.
 */
final class ShingleFrequency {

  private final byte[] counters;
  private final int mask;
  private final int bits;
  private final long decayEvery;
  private long updates;

  ShingleFrequency(int bits, long decayEvery) {
    if (bits < 10 || bits > 28) {
      throw new IllegalArgumentException("bits must be in [10, 28]: " + bits);
    }
    this.bits = bits;
    this.counters = new byte[1 << bits];
    this.mask = (1 << bits) - 1;
    this.decayEvery = decayEvery;
  }

  /** Counts one more request containing {@code shingle} and returns the new count (at most 255). */
  int increment(long shingle) {
    int i = index(shingle);
    int c = counters[i] & 0xFF;
    if (c < 255) {
      counters[i] = (byte) ++c;
    }
    if (++updates % decayEvery == 0) {
      decay();
    }
    return c;
  }

  int count(long shingle) {
    return counters[index(shingle)] & 0xFF;
  }

  private int index(long shingle) {
    long h = shingle * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  private void decay() {
    for (int i = 0; i < counters.length; i++) {
      counters[i] = (byte) ((counters[i] & 0xFF) >>> 1);
    }
  }

  long updates() {
    return updates;
  }

  void write(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(bits);
    out.writeLong(decayEvery);
    out.writeLong(updates);
    out.write(counters);
  }

  static ShingleFrequency read(java.io.DataInput in) throws java.io.IOException {
    ShingleFrequency f = new ShingleFrequency(in.readInt(), in.readLong());
    f.updates = in.readLong();
    in.readFully(f.counters);
    return f;
  }
}
