package io.pocketdock.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A response whose body is read from the still-open connection. Must be closed, which closes the
 * connection; reading the body to its end also releases it.
 *
 * <p>For a hijacked exchange (status 101, or a request that asked to upgrade and got a streaming
 * 200, as Podman answers exec), {@link #body()} is the raw stream from the engine and {@link
 * #upgradedOutput()} writes to it. The exchange's deadline keeps running until the body is fully
 * read or the response is closed; move it with {@link #extendDeadline(Duration)}.
 */
public final class HttpResponse implements AutoCloseable {

  /** The most {@link #bodyString()} reads. */
  public static final int MAX_STRING_BODY = 16 * 1024 * 1024;

  private final Connection connection;
  private final ResponseHead head;
  private final boolean hijacked;
  private final BodyStream body;
  private final Runnable onClose;
  private final AtomicBoolean closed = new AtomicBoolean();
  private @Nullable UpgradedOutput output;

  HttpResponse(
      Connection connection,
      ConnectionInput input,
      ResponseHead head,
      HttpRequest request,
      Runnable onClose)
      throws HttpProtocolException {
    this.connection = connection;
    this.head = head;
    this.onClose = onClose;
    this.body = BodyFraming.open(request, head, input, this::bodyEnded, this::close);
    // Podman answers an upgrade request with a 200 that simply streams; an error answer to the
    // same request has a delimited body and leaves nothing to hijack.
    this.hijacked =
        head.status() == 101
            || (request.asksForUpgrade()
                && head.status() / 100 == 2
                && body instanceof UntilEofBody);
  }

  /**
   * Returns the status code.
   *
   * @return the code, e.g. 200 or 404
   */
  public int status() {
    return head.status();
  }

  /**
   * Returns the reason phrase.
   *
   * @return the phrase from the status line, possibly empty
   */
  public String reason() {
    return head.reason();
  }

  /**
   * Returns a header's first value.
   *
   * @param name the header name, in any case
   * @return the value, or empty when the header is absent
   */
  public Optional<String> header(String name) {
    List<String> values = head.headers().get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns all headers.
   *
   * @return an unmodifiable map whose lookups ignore the case of names
   */
  public Map<String, List<String>> headers() {
    return head.headers();
  }

  /**
   * Returns the decoded body; the same stream on every call. Closing it closes the response.
   *
   * @return the body stream
   */
  public InputStream body() {
    return body;
  }

  /**
   * Reads the whole body and closes the response.
   *
   * @param maxBytes the largest body accepted
   * @return the body bytes
   * @throws HttpProtocolException if the body is larger than {@code maxBytes}
   * @throws IOException if reading fails
   */
  public byte[] bodyBytes(int maxBytes) throws IOException {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes is negative: " + maxBytes);
    }
    try {
      // Reading one byte past the limit tells "exactly maxBytes" from "more", without buffering
      // more.
      byte[] bytes = body.readNBytes(Math.min(maxBytes, Integer.MAX_VALUE - 16) + 1);
      if (bytes.length > maxBytes) {
        throw new HttpProtocolException("response body is larger than " + maxBytes + " bytes");
      }
      return bytes;
    } finally {
      close();
    }
  }

  /**
   * Reads the whole body as UTF-8 text, up to {@link #MAX_STRING_BODY} bytes, and closes the
   * response. Malformed UTF-8 becomes replacement characters.
   *
   * @return the body text
   * @throws IOException if reading fails or the body is too large
   */
  public String bodyString() throws IOException {
    return new String(bodyBytes(MAX_STRING_BODY), StandardCharsets.UTF_8);
  }

  /**
   * Returns a stream that writes to the engine over the hijacked connection, e.g. an exec's stdin.
   * Unbuffered; closing it half-closes the connection like {@link #shutdownOutput()}.
   *
   * @return the output stream; the same one on every call
   * @throws IllegalStateException if the exchange was not hijacked
   */
  public synchronized OutputStream upgradedOutput() {
    if (!hijacked) {
      throw new IllegalStateException(
          "status " + status() + " response to a request without Upgrade cannot be written to");
    }
    UpgradedOutput current = output;
    if (current == null) {
      current = new UpgradedOutput(connection);
      output = current;
    }
    return current;
  }

  /**
   * Half-closes the connection: the engine reads end of input (an exec's stdin closes) while the
   * body can still be read. Idempotent.
   *
   * @throws IOException if the connection is already closed or shutting down fails
   */
  public void shutdownOutput() throws IOException {
    connection.shutdownOutput();
  }

  /**
   * Moves the deadline to {@code timeout} from now, e.g. for each chunk of a long exec's output.
   * Has no effect once the deadline has passed.
   *
   * @param timeout the new time limit; zero or negative removes the deadline
   */
  public void extendDeadline(Duration timeout) {
    connection.deadline().reset(timeout);
  }

  /** Removes the deadline, e.g. for an attach stream that lives as long as its container. */
  public void clearDeadline() {
    connection.deadline().clear();
  }

  /** Closes the connection; idempotent. Reads blocked on the body fail. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connection.close();
      onClose.run();
    }
  }

  private void bodyEnded() {
    connection.deadline().clear();
    if (!hijacked) {
      close(); // nothing more will come on this connection, so free it now
    }
  }
}
