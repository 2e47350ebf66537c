package io.distillguard.features;

/**
 * Locality-sensitive banding of a MinHash signature: {@code bands} keys, each hashing {@code rows} consecutive bins.
 * Two texts with Jaccard similarity {@code s} share at least one key with probability {@code 1 - (1 - s^rows)^bands},
 * an S-curve whose threshold is about {@code (1/bands)^(1/rows)}.
 */
public final class LshBands {

  private final int bands;
  private final int rows;

  public LshBands(int bands, int rows) {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be positive: " + bands + " x " + rows);
    }
    this.bands = bands;
    this.rows = rows;
  }

  public int bands() {
    return bands;
  }

  public int rows() {
    return rows;
  }

  /** The similarity at which a pair becomes more likely than not to share a band. */
  public double threshold() {
    return Math.pow(1.0 / bands, 1.0 / rows);
  }

  /** Band keys of a signature; the band index is mixed in, so keys of different bands never collide by design. */
  public long[] keys(int[] signature) {
    if (signature.length < bands * rows) {
      throw new IllegalArgumentException(
          "signature has " + signature.length + " bins, bands need " + bands * rows);
    }
    long[] keys = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = 0x632BE59BD9B4E019L + b;
      for (int r = 0; r < rows; r++) {
        h = Shingles.mix(h ^ signature[b * rows + r]);
      }
      keys[b] = h;
    }
    return keys;
  }
}
