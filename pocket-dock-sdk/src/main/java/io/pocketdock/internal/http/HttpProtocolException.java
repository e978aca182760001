package io.pocketdock.internal.http;

import java.io.IOException;

/** The peer sent something that is not valid HTTP/1.1, or too much of it. */
public final class HttpProtocolException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, phrased for a log
   */
  public HttpProtocolException(String message) {
    super(message);
  }
}
