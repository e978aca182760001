package io.pocketdock.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes a request body in chunked transfer coding. Bytes are gathered into chunks of up to 32 KiB;
 * {@link #flush()} sends what is gathered; {@link #close()} sends the last chunk.
 */
final class ChunkedOutputStream extends OutputStream {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final Connection connection;
  private final byte[] buffer = new byte[32 * 1024];
  private int count;
  private boolean finished;
  private boolean socketFailed;

  ChunkedOutputStream(Connection connection) {
    this.connection = connection;
  }

  /** Tells whether a write to the socket failed, as opposed to the code producing the body. */
  boolean socketFailed() {
    return socketFailed;
  }

  @Override
  public void write(int b) throws IOException {
    checkOpen();
    if (count == buffer.length) {
      flush();
    }
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, bytes.length);
    checkOpen();
    if (len >= buffer.length) {
      flush();
      sendChunk(bytes, off, len);
    } else {
      if (count + len > buffer.length) {
        flush();
      }
      System.arraycopy(bytes, off, buffer, count, len);
      count += len;
    }
  }

  @Override
  public void flush() throws IOException {
    if (count > 0) {
      int n = count;
      count = 0;
      sendChunk(buffer, 0, n);
    }
  }

  /** Sends the gathered bytes and the last chunk; idempotent. */
  @Override
  public void close() throws IOException {
    if (!finished) {
      flush();
      finished = true;
      send(ByteBuffer.wrap(LAST_CHUNK));
    }
  }

  private void checkOpen() throws IOException {
    if (finished) {
      throw new IOException("the request body is already complete");
    }
  }

  private void sendChunk(byte[] bytes, int off, int len) throws IOException {
    byte[] size = (Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    send(ByteBuffer.wrap(size), ByteBuffer.wrap(bytes, off, len), ByteBuffer.wrap(CRLF));
  }

  private void send(ByteBuffer... buffers) throws IOException {
    try {
      connection.write(buffers);
    } catch (IOException e) {
      socketFailed = true;
      throw e;
    }
  }
}
