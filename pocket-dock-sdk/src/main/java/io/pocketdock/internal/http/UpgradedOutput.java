package io.pocketdock.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Writes to a hijacked connection, e.g. an exec's stdin. Unbuffered: every write reaches the
 * socket. {@link #close()} half-closes the connection, so the process reads end of input while its
 * output can still be read.
 */
final class UpgradedOutput extends OutputStream {

  private final Connection connection;

  UpgradedOutput(Connection connection) {
    this.connection = connection;
  }

  @Override
  public void write(int b) throws IOException {
    connection.write(ByteBuffer.wrap(new byte[] {(byte) b}));
  }

  @Override
  public void write(byte[] bytes, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, bytes.length);
    connection.write(ByteBuffer.wrap(bytes, off, len));
  }

  @Override
  public void close() throws IOException {
    if (connection.isOpen()) {
      connection.shutdownOutput();
    }
  }
}
