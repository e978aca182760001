package io.pocketdock.internal.tar;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** One entry's content: exactly its size, then the padding to the next block is skipped. */
final class EntryContent extends InputStream {
  private final PositionedInput in;
  private final NumericField.Context at;
  private long remaining;
  private long paddingLeft;

  EntryContent(PositionedInput in, long size, long paddedSize, NumericField.Context at) {
    this.in = in;
    this.remaining = size;
    this.paddingLeft = paddedSize - size;
    this.at = at;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, buf.length);
    if (remaining == 0) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int n = in.read(buf, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw at.error("archive truncated inside entry content");
    }
    remaining -= n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long wanted = Math.min(Math.max(n, 0), remaining);
    long done = in.skipFully(wanted);
    remaining -= done;
    if (done < wanted) {
      throw at.error("archive truncated inside entry content");
    }
    return done;
  }

  @Override
  public int available() {
    return 0;
  }

  /** Consumes unread content and padding so the stream is at the next header. */
  void skipRest() throws IOException {
    long wanted = remaining + paddingLeft;
    remaining = 0;
    paddingLeft = 0;
    if (in.skipFully(wanted) < wanted) {
      throw at.error("archive truncated inside entry content");
    }
  }

  /** Does nothing: the archive stays open for the next entry. */
  @Override
  public void close() {}
}
