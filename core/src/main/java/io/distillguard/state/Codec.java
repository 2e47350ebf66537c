package io.distillguard.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Small helpers shared by the sketches' versioned byte formats. */
final class Codec {

  private Codec() {}

  static void checkVersion(int found, int expected, String what) throws IOException {
    if (found != expected) {
      throw new IOException(what + " format version " + found + ", this build reads " + expected);
    }
  }

  static void writeNullable(DataOutput out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  static String readNullable(DataInput in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  static void writeBytes(DataOutput out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  static byte[] readBytes(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 24) {
      throw new IOException("implausible length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }
}
