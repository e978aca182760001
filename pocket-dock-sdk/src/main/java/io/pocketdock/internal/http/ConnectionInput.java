package io.pocketdock.internal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Buffered reading from a {@link Connection}: lines for the head and chunk sizes, bytes for bodies.
 * One buffer serves the whole exchange, so bytes read past the head (the start of a body or of a
 * hijacked stream) are never lost.
 */
final class ConnectionInput {

  private static final int BUFFER_SIZE = 16 * 1024;

  private final Connection connection;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int pos;
  private int limit;

  ConnectionInput(Connection connection) {
    this.connection = connection;
  }

  /** Returns how many bytes can be read without touching the socket. */
  int buffered() {
    return limit - pos;
  }

  /** Reads up to {@code len} bytes, blocking only if none are buffered; -1 at end of stream. */
  int read(byte[] target, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos == limit) {
      if (len >= buffer.length) {
        // Large reads skip the buffer rather than copy through it.
        return connection.read(ByteBuffer.wrap(target, off, len));
      }
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(buffer, pos, target, off, n);
    pos += n;
    return n;
  }

  /** Reads one byte, or -1 at end of stream. */
  int read() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buffer[pos++] & 0xFF;
  }

  /**
   * Reads a line ending in CRLF (or a bare LF, which RFC 9112 lets recipients accept), without the
   * terminator, decoded as ISO-8859-1.
   *
   * @param maxLength the longest line allowed, terminator included
   * @param what names the line for error messages, e.g. "header"
   * @return the line, or null if the stream ended before its first byte
   * @throws HttpProtocolException if the line is too long or the stream ends inside it
   */
  @Nullable String readLine(int maxLength, String what) throws IOException {
    StringBuilder line = null;
    int length = 0;
    while (true) {
      if (pos == limit && !fill()) {
        if (line == null) {
          return null;
        }
        throw new HttpProtocolException("connection closed inside a " + what + " line");
      }
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      boolean found = pos < limit;
      length += pos - start + (found ? 1 : 0);
      if (length > maxLength) {
        throw new HttpProtocolException(what + " line longer than " + maxLength + " bytes");
      }
      if (line == null) {
        line = new StringBuilder(Math.min(maxLength, 128));
      }
      line.append(new String(buffer, start, pos - start, StandardCharsets.ISO_8859_1));
      if (found) {
        pos++;
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        return line.toString();
      }
    }
  }

  private boolean fill() throws IOException {
    pos = 0;
    limit = 0;
    int n;
    do {
      n = connection.read(ByteBuffer.wrap(buffer));
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    limit = n;
    return true;
  }
}
