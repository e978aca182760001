package io.pocketdock.internal.http;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Sends HTTP/1.1 requests to the engine over its Unix-domain socket.
 *
 * <p>Each request gets its own connection, closed with its response: engine calls are few, local
 * and cheap to connect, and a fresh connection can never be left in a half-read state by an earlier
 * caller or be poisoned by a hijacked stream.
 *
 * <p>Each exchange has a deadline covering connect, send, and reading the response until it is
 * fully read or closed, so a silent engine never hangs a caller. One daemon thread per transport,
 * {@code pocket-dock-watchdog}, closes connections whose deadline passes. Thread-safe.
 */
public final class UnixSocketTransport implements AutoCloseable {

  /** The name of the thread that enforces deadlines. */
  public static final String WATCHDOG_THREAD = "pocket-dock-watchdog";

  private final Path socketPath;
  private final UnixDomainSocketAddress address;
  private final ScheduledThreadPoolExecutor watchdog;
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private volatile java.util.function.@Nullable Consumer<String> requestLog;

  /**
   * Creates a transport; nothing is connected until the first request.
   *
   * @param socketPath the engine's socket, e.g. {@code /run/user/1000/podman/podman.sock}
   */
  public UnixSocketTransport(Path socketPath) {
    this.socketPath = Objects.requireNonNull(socketPath, "socketPath");
    this.address = UnixDomainSocketAddress.of(socketPath);
    this.watchdog =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, WATCHDOG_THREAD);
              thread.setDaemon(true);
              return thread;
            });
    // Most deadlines are cancelled long before they fire; do not let them pile up in the queue.
    watchdog.setRemoveOnCancelPolicy(true);
  }

  /**
   * Reports every request, once its response head arrived (or it failed), as one line: {@code
   * POST /v1.41/containers/create?name=box -> 201 (12 ms)}. For a CLI's {@code --verbose}.
   */
  public void requestLog(java.util.function.@Nullable Consumer<String> log) {
    requestLog = log;
  }

  private void logRequest(HttpRequest request, long startNanos, String outcome) {
    java.util.function.Consumer<String> log = requestLog;
    if (log != null) {
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      log.accept(request.method() + " " + request.pathAndQuery() + " -> " + outcome + " (" + ms + " ms)");
    }
  }

  /**
   * Returns the socket this transport connects to.
   *
   * @return the socket path
   */
  public Path socketPath() {
    return socketPath;
  }

  /**
   * Sends a request and reads the response head.
   *
   * @param request the request
   * @param timeout the deadline for the whole exchange; zero or negative for none (attach streams)
   * @return the response, whose body is still to be read; the caller must close it
   * @throws HttpConnectException if the socket cannot be reached
   * @throws HttpTimeoutException if the deadline passes before the response head arrives
   * @throws HttpProtocolException if the engine's response is malformed
   * @throws IOException if sending or receiving fails otherwise, or the body writer fails
   * @throws IllegalStateException if the transport is closed
   */
  public HttpResponse execute(HttpRequest request, Duration timeout) throws IOException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(timeout, "timeout");
    if (closed) {
      throw new IllegalStateException("the transport for " + socketPath + " is closed");
    }
    Connection connection =
        new Connection(
            SocketChannel.open(StandardProtocolFamily.UNIX), request.describe(), watchdog);
    open.add(connection);
    boolean handedOver = false;
    long start = System.nanoTime();
    try {
      connect(connection, timeout);
      ConnectionInput input = new ConnectionInput(connection);
      IOException sendFailure = RequestWriter.write(connection, request);
      ResponseHead head;
      try {
        head = readHead(input, sendFailure);
      } catch (IOException | RuntimeException e) {
        logRequest(request, start, "failed: " + e.getMessage());
        throw e;
      }
      logRequest(request, start, String.valueOf(head.status()));
      HttpResponse response =
          new HttpResponse(connection, input, head, request, () -> open.remove(connection));
      handedOver = true;
      return response;
    } finally {
      if (!handedOver) {
        connection.close();
        open.remove(connection);
      }
    }
  }

  /** Closes every open response's connection and stops the watchdog thread; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Connection connection : open) {
      connection.close();
    }
    open.clear();
    watchdog.shutdownNow();
    try {
      watchdog.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void connect(Connection connection, Duration timeout) throws IOException {
    try {
      connection.connect(address, timeout);
    } catch (HttpTimeoutException | ClosedByInterruptException e) {
      throw e;
    } catch (IOException e) {
      throw new HttpConnectException(socketPath, e);
    }
  }

  private static ResponseHead readHead(ConnectionInput input, @Nullable IOException sendFailure)
      throws IOException {
    try {
      return ResponseHead.read(input);
    } catch (IOException e) {
      if (sendFailure != null && !(e instanceof HttpTimeoutException)) {
        // No response explains the failed send, so the send failure is the real story.
        sendFailure.addSuppressed(e);
        throw sendFailure;
      }
      throw e;
    }
  }
}
