package io.distillguard.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadAheadInputStreamTest {

  /** A source that hands out bytes in small random pieces, then ends or throws {@code failAtEnd}. */
  private static InputStream source(byte[] data, SplittableRandom r, Exception failAtEnd) {
    ByteArrayInputStream bytes = new ByteArrayInputStream(data);
    return new InputStream() {
      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = bytes.read(b, off, Math.min(len, 1 + r.nextInt(50_000)));
        if (n < 0 && failAtEnd instanceof IOException e) {
          throw e;
        }
        if (n < 0 && failAtEnd instanceof RuntimeException e) {
          throw e;
        }
        return n;
      }
    };
  }

  private static byte[] drain(InputStream in, SplittableRandom r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[70_000];
    int n;
    while ((n = in.read(buf, 0, 1 + r.nextInt(buf.length))) >= 0) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void read_givesTheSourceBytesInOrder(long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] data = new byte[r.nextInt(3 * ReadAheadInputStream.CHUNK * ReadAheadInputStream.DEPTH)];
    r.nextBytes(data);

    try (InputStream in = new ReadAheadInputStream(source(data, r.split(), null))) {
      assertThat(drain(in, r)).as("seed %d", seed).isEqualTo(data);
      assertThat(in.read(new byte[10], 0, 10)).isEqualTo(-1);
    }
  }

  @Test
  void read_errorComesAfterTheBytesReadBeforeIt() throws IOException {
    byte[] data = new byte[ReadAheadInputStream.CHUNK * 3 + 17];
    new SplittableRandom(1).nextBytes(data);
    InputStream failing =
        source(data, new SplittableRandom(2), new EOFException("Unexpected end of ZLIB input stream"));
    ByteArrayOutputStream got = new ByteArrayOutputStream();

    try (InputStream in = new ReadAheadInputStream(failing)) {
      byte[] buf = new byte[10_000];
      assertThatThrownBy(
              () -> {
                int n;
                while ((n = in.read(buf, 0, buf.length)) >= 0) {
                  got.write(buf, 0, n);
                }
              })
          .isInstanceOf(EOFException.class);
      assertThatThrownBy(() -> in.read(buf, 0, 1)).isInstanceOf(EOFException.class);
    }
    assertThat(got.toByteArray()).isEqualTo(data);
  }

  @Test
  void read_runtimeFailureInTheSource_becomesAnIOException() throws IOException {
    SplittableRandom r = new SplittableRandom(3);
    try (InputStream in = new ReadAheadInputStream(source(new byte[1000], r, new IllegalStateException("boom")))) {
      assertThatThrownBy(() -> drain(in, r)).isInstanceOf(IOException.class);
    }
  }

  @Test
  void close_whileReadingAhead_closesTheSourceOnce() throws IOException {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            assertThat(closed).isFalse();
            return len;
          }

          @Override
          public void close() {
            assertThat(closed.getAndSet(true)).isFalse();
          }
        };

    InputStream in = new ReadAheadInputStream(endless);
    in.read(new byte[100], 0, 100);
    in.close();

    assertThat(closed).isTrue();
    assertThatThrownBy(() -> in.read(new byte[ReadAheadInputStream.CHUNK * 4], 0, ReadAheadInputStream.CHUNK * 4))
        .isInstanceOf(IOException.class);
  }
}
