package io.pocketdock.internal.tar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;

/** A pipe between a writer thread and the test thread, with a small fixed buffer. */
final class LoopbackPipe {
  private final PipedInputStream in = new PipedInputStream(1 << 20);
  private final PipedOutputStream out;
  private volatile IOException failure;

  LoopbackPipe() {
    try {
      out = new PipedOutputStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  OutputStream output() {
    return out;
  }

  InputStream input() {
    return in;
  }

  void fail(IOException e) {
    failure = e;
  }

  IOException failure() {
    return failure;
  }
}
