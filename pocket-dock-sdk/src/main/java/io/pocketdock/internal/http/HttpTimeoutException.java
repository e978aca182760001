package io.pocketdock.internal.http;

import java.io.IOException;

/** An exchange passed its deadline; the transport closed its connection. */
public final class HttpTimeoutException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the request and the deadline
   * @param cause the I/O failure the closed connection caused, if any
   */
  public HttpTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
