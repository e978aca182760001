package io.pocketdock.internal.http;

import java.io.Closeable;
import java.io.IOException;

/**
 * A body that runs until the engine closes the connection: a response without a length, or the raw
 * stream of a hijacked (exec, attach) connection.
 */
final class UntilEofBody extends BodyStream {

  UntilEofBody(ConnectionInput in, Runnable onEnd, Closeable response) {
    super(in, onEnd, response);
  }

  @Override
  int readBody(byte[] target, int off, int len) throws IOException {
    return in.read(target, off, len);
  }

  @Override
  int bufferedBody() {
    return in.buffered();
  }
}
