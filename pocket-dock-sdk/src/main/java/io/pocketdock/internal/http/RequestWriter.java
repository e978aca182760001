package io.pocketdock.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Serializes a request onto a connection. */
final class RequestWriter {

  /** Methods whose empty body is still announced, because some servers insist on a length. */
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

  private RequestWriter() {}

  /**
   * Sends the request.
   *
   * @return the failure of a socket write, if one happened: the engine may have answered early
   *     (e.g. rejected an upload) and closed, so the caller should still try to read a response
   * @throws IOException if the body's producer failed, or on a timeout or interrupt
   */
  static @Nullable IOException write(Connection connection, HttpRequest request)
      throws IOException {
    Body body = request.body();
    ByteBuffer head = ByteBuffer.wrap(head(request).getBytes(StandardCharsets.ISO_8859_1));
    try {
      if (body instanceof Body.Fixed fixed) {
        connection.write(head, ByteBuffer.wrap(fixed.content()));
      } else if (body instanceof Body.Streamed streamed) {
        connection.write(head);
        writeStreamed(connection, streamed);
      } else {
        connection.write(head);
      }
      return null;
    } catch (HttpTimeoutException | ClosedByInterruptException | InterruptedIOException e) {
      throw e;
    } catch (SocketWriteFailure e) {
      return (IOException) e.getCause();
    } catch (IOException e) {
      if (body instanceof Body.Streamed) {
        throw e; // only the producer's own failures get here; see writeStreamed
      }
      return e;
    }
  }

  private static void writeStreamed(Connection connection, Body.Streamed body) throws IOException {
    ChunkedOutputStream out = new ChunkedOutputStream(connection);
    try {
      body.writer().accept(out);
      out.close();
    } catch (IOException e) {
      if (out.socketFailed() && !(e instanceof HttpTimeoutException)) {
        throw new SocketWriteFailure(e);
      }
      throw e;
    }
  }

  static String head(HttpRequest request) {
    StringBuilder head = new StringBuilder(256);
    head.append(request.method())
        .append(' ')
        .append(request.pathAndQuery())
        .append(" HTTP/1.1\r\n");
    field(head, "Host", "localhost");
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      field(head, header.getKey(), header.getValue());
    }
    if (request.header("Connection") == null) {
      // One connection per request: tell the engine, so read-to-EOF bodies end promptly.
      field(head, "Connection", "close");
    }
    Body body = request.body();
    boolean typed = request.header("Content-Type") != null;
    if (body instanceof Body.Fixed fixed) {
      if (!typed) {
        field(head, "Content-Type", fixed.contentType());
      }
      field(head, "Content-Length", Integer.toString(fixed.content().length));
    } else if (body instanceof Body.Streamed streamed) {
      if (!typed) {
        field(head, "Content-Type", streamed.contentType());
      }
      field(head, "Transfer-Encoding", "chunked");
    } else if (BODY_METHODS.contains(request.method())) {
      field(head, "Content-Length", "0");
    }
    return head.append("\r\n").toString();
  }

  private static void field(StringBuilder head, String name, String value) {
    head.append(name).append(": ").append(value).append("\r\n");
  }

  /** Carries a socket failure out of a body producer, distinct from the producer's own failures. */
  private static final class SocketWriteFailure extends IOException {
    private static final long serialVersionUID = 1L;

    SocketWriteFailure(IOException cause) {
      super(cause);
    }
  }
}
