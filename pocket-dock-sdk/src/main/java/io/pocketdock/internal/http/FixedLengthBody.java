package io.pocketdock.internal.http;

import java.io.Closeable;
import java.io.IOException;

/** A body of exactly {@code Content-Length} bytes. */
final class FixedLengthBody extends BodyStream {

  private final long length;
  private long remaining;

  FixedLengthBody(ConnectionInput in, long length, Runnable onEnd, Closeable response) {
    super(in, onEnd, response);
    this.length = length;
    this.remaining = length;
  }

  @Override
  int readBody(byte[] target, int off, int len) throws IOException {
    if (remaining == 0) {
      return -1;
    }
    int n = in.read(target, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new HttpProtocolException(
          "connection closed after " + (length - remaining) + " of " + length + " body bytes");
    }
    remaining -= n;
    return n;
  }

  @Override
  boolean complete() {
    return remaining == 0;
  }

  @Override
  int bufferedBody() {
    return (int) Math.min(in.buffered(), remaining);
  }
}
