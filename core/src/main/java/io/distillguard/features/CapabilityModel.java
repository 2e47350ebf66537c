package io.distillguard.features;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic regression over hashed token unigrams and bigrams (the hashing trick, Weinberger et al.,
 * ICML 2009), classifying prompt text into a few text classes. Immutable and thread-safe once built. The file format
 * is gzip over: the magic {@code DGCAP}, a format-version byte, the dimension bits, the class names, then per class
 * a bias and the weights as floats.
 */
public final class CapabilityModel {

  static final byte FORMAT_VERSION = 1;
  private static final byte[] MAGIC = {'D', 'G', 'C', 'A', 'P'};
  static final String RESOURCE = "/io/distillguard/features/capability-model.bin.gz";

  private final int bits;
  private final int mask;
  private final List<String> classes;
  private final float[][] weights;
  /** The weights interleaved by feature ({@code f * classes + c}), so one feature's weights share a cache line. */
  private final float[] byFeature;
  private final float[] bias;

  CapabilityModel(int bits, List<String> classes, float[][] weights, float[] bias) {
    if (bits < 8 || bits > 24) {
      throw new IllegalArgumentException("dimension bits must be in [8, 24]: " + bits);
    }
    if (classes.size() != weights.length || classes.size() != bias.length) {
      throw new IllegalArgumentException("classes, weights and biases differ in count");
    }
    for (float[] w : weights) {
      if (w.length != 1 << bits) {
        throw new IllegalArgumentException("weight vector of length " + w.length + ", expected " + (1 << bits));
      }
    }
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    this.classes = List.copyOf(classes);
    this.weights = weights;
    this.bias = bias;
    int k = classes.size();
    this.byFeature = new float[(1 << bits) * k];
    for (int c = 0; c < k; c++) {
      for (int f = 0; f < 1 << bits; f++) {
        byFeature[f * k + c] = weights[c][f];
      }
    }
  }

  /** The model shipped in the jar. */
  public static CapabilityModel bundled() {
    return Holder.BUNDLED;
  }

  private static final class Holder {
    static final CapabilityModel BUNDLED = load();

    private static CapabilityModel load() {
      try (InputStream in = CapabilityModel.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("capability model missing from the classpath: " + RESOURCE);
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled capability model", e);
      }
    }
  }

  public List<String> classes() {
    return classes;
  }

  int bits() {
    return bits;
  }

  /** Class probabilities for a token sequence (see {@link Tokens}), in the order of {@link #classes()}. */
  public double[] predict(long[] tokens) {
    int k = classes.size();
    double[] z = new double[k];
    if (k == 4) {
      scores4(tokens, z);
      return softmax(z);
    }
    for (int c = 0; c < k; c++) {
      z[c] = bias[c];
    }
    for (int i = 0; i < tokens.length; i++) {
      add(z, (int) (Shingles.mix(tokens[i]) & mask), k);
      if (i + 1 < tokens.length) {
        add(z, bigram(tokens[i], tokens[i + 1], mask), k);
      }
    }
    return softmax(z);
  }

  /**
   * The class scores of {@link #predict} for exactly four classes, summed in locals: the same additions in the same
   * order per class, so the same doubles.
   */
  private void scores4(long[] tokens, double[] z) {
    float[] w = byFeature;
    double z0 = bias[0];
    double z1 = bias[1];
    double z2 = bias[2];
    double z3 = bias[3];
    int n = tokens.length;
    for (int i = 0; i < n; i++) {
      int f = (int) (Shingles.mix(tokens[i]) & mask) << 2;
      z0 += w[f];
      z1 += w[f + 1];
      z2 += w[f + 2];
      z3 += w[f + 3];
      if (i + 1 < n) {
        int b = bigram(tokens[i], tokens[i + 1], mask) << 2;
        z0 += w[b];
        z1 += w[b + 1];
        z2 += w[b + 2];
        z3 += w[b + 3];
      }
    }
    z[0] = z0;
    z[1] = z1;
    z[2] = z2;
    z[3] = z3;
  }

  private void add(double[] z, int f, int k) {
    int base = f * k;
    for (int c = 0; c < k; c++) {
      z[c] += byFeature[base + c];
    }
  }

  static int bigram(long a, long b, int mask) {
    return (int) (Shingles.mix(a * 31 + b + 0x51ED27L) & mask);
  }

  static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      p[i] = Math.exp(z[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  /** Feature indices of a token sequence: every unigram and bigram, hashed into {@code mask + 1} buckets. */
  static void forEachFeature(long[] tokens, int mask, java.util.function.IntConsumer sink) {
    for (int i = 0; i < tokens.length; i++) {
      sink.accept((int) (Shingles.mix(tokens[i]) & mask));
      if (i + 1 < tokens.length) {
        sink.accept(bigram(tokens[i], tokens[i + 1], mask));
      }
    }
  }

  /** Serializes the model (gzip). */
  public void write(OutputStream out) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
    DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(gz, 1 << 16));
    d.write(MAGIC);
    d.writeByte(FORMAT_VERSION);
    d.writeByte(bits);
    d.writeByte(classes.size());
    for (String c : classes) {
      d.writeUTF(c);
    }
    for (int c = 0; c < classes.size(); c++) {
      d.writeFloat(bias[c]);
      for (float w : weights[c]) {
        d.writeFloat(w);
      }
    }
    d.flush();
    gz.finish();
  }

  /** Reads a model written by {@link #write}; rejects other formats and versions with a clear message. */
  public static CapabilityModel read(InputStream in) throws IOException {
    DataInputStream d =
        new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
    byte[] magic = new byte[MAGIC.length];
    d.readFully(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new IOException("not a capability model file");
    }
    int version = d.readByte();
    if (version != FORMAT_VERSION) {
      throw new IOException("capability model format version " + version + ", this build reads " + FORMAT_VERSION);
    }
    int bits = d.readByte();
    int n = d.readByte();
    String[] classes = new String[n];
    for (int c = 0; c < n; c++) {
      classes[c] = d.readUTF();
    }
    float[][] w = new float[n][1 << bits];
    float[] b = new float[n];
    for (int c = 0; c < n; c++) {
      b[c] = d.readFloat();
      for (int i = 0; i < w[c].length; i++) {
        w[c][i] = d.readFloat();
      }
    }
    return new CapabilityModel(bits, List.of(classes), w, b);
  }

  byte[] toBytes() {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try {
      write(bos);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bos.toByteArray();
  }
}
