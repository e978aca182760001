package io.pocketdock.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * The server's stdin, watched: end of input (or a read failure) means the client went away, which
 * is when the server removes its sandboxes.
 */
final class EofWatch extends FilterInputStream {
  private final CompletableFuture<Void> ended;

  EofWatch(InputStream in, CompletableFuture<Void> ended) {
    super(in);
    this.ended = ended;
  }

  @Override
  public int read() throws IOException {
    return check(() -> super.read());
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return check(() -> super.read(b, off, len));
  }

  @Override
  public void close() throws IOException {
    ended.complete(null);
    super.close();
  }

  private int check(Read read) throws IOException {
    try {
      int n = read.get();
      if (n < 0) {
        ended.complete(null);
      }
      return n;
    } catch (IOException e) {
      ended.complete(null);
      throw e;
    }
  }

  @FunctionalInterface
  private interface Read {
    int get() throws IOException;
  }
}
