package io.pocketdock.internal.tar;

import java.io.IOException;
import java.io.InputStream;

/** The archive stream, counting bytes consumed so errors can name an offset. */
final class PositionedInput {
  private final InputStream in;
  private final byte[] scratch = new byte[8192];
  private long position;

  PositionedInput(InputStream in) {
    this.in = in;
  }

  long position() {
    return position;
  }

  /** Reads until {@code len} bytes or end of stream; returns how many were read. */
  int readFully(byte[] buf, int off, int len) throws IOException {
    int total = 0;
    while (total < len) {
      int n = in.read(buf, off + total, len - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    position += total;
    return total;
  }

  /** Reads at most {@code len} bytes, returning -1 only at end of stream. */
  int read(byte[] buf, int off, int len) throws IOException {
    int n = in.read(buf, off, len);
    if (n > 0) {
      position += n;
    }
    return n;
  }

  /**
   * Discards up to {@code count} bytes; returns how many were discarded. Reads rather than calls
   * {@link InputStream#skip}, whose zero return cannot tell a slow stream from its end.
   */
  long skipFully(long count) throws IOException {
    long done = 0;
    while (done < count) {
      int n = in.read(scratch, 0, (int) Math.min(scratch.length, count - done));
      if (n < 0) {
        break;
      }
      done += n;
      position += n;
    }
    return done;
  }

  void close() throws IOException {
    in.close();
  }
}
