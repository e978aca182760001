package io.pocketdock.internal.http;

import java.net.ConnectException;
import java.nio.file.Path;

/**
 * The engine socket could not be reached: the file is missing, nobody listens, or access is denied.
 * A {@link ConnectException}, so callers that already handle that type keep working.
 */
public final class HttpConnectException extends ConnectException {

  private static final long serialVersionUID = 1L;

  private final transient Path socketPath;

  /**
   * Creates the exception.
   *
   * @param socketPath the socket that could not be reached
   * @param cause the underlying failure
   */
  public HttpConnectException(Path socketPath, Throwable cause) {
    super("cannot connect to the engine socket " + socketPath + ": " + cause.getMessage());
    this.socketPath = socketPath;
    initCause(cause);
  }

  /**
   * Returns the socket that could not be reached.
   *
   * @return the socket path
   */
  public Path socketPath() {
    return socketPath;
  }
}
