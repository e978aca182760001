package io.pocketdock.internal.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A response body decoded from the connection. Subclasses decode one framing; this class tracks the
 * end of the body (which lifts the exchange's deadline) and makes {@link #close()} close the whole
 * response.
 */
abstract class BodyStream extends InputStream {

  /** The connection's buffered input that subclasses decode. */
  final ConnectionInput in;

  private final byte[] one = new byte[1];
  private final Runnable onEnd;
  private final Closeable response;
  private boolean ended;
  private boolean closed;

  BodyStream(ConnectionInput in, Runnable onEnd, Closeable response) {
    this.in = in;
    this.onEnd = onEnd;
    this.response = response;
  }

  /** Reads decoded body bytes; returns -1 at the end of the body. {@code len} is positive. */
  abstract int readBody(byte[] target, int off, int len) throws IOException;

  /** Tells whether the body is known to be complete without another read. */
  boolean complete() {
    return false;
  }

  /** Returns how many body bytes are buffered, given the subclass's framing. */
  abstract int bufferedBody();

  @Override
  public final int read() throws IOException {
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public final int read(byte[] target, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, target.length);
    if (closed) {
      throw new IOException("response body is closed");
    }
    if (ended) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int n = readBody(target, off, len);
    if (n < 0 || complete()) {
      end();
    }
    return n;
  }

  @Override
  public final int available() {
    return closed || ended ? 0 : bufferedBody();
  }

  @Override
  public final void close() throws IOException {
    closed = true;
    response.close();
  }

  /** Marks the body complete now, e.g. for a response that has none. */
  final void end() {
    if (!ended) {
      ended = true;
      onEnd.run();
    }
  }
}
