package io.pocketdock.internal.frame;

import java.io.IOException;

/** A multiplexed output stream that ended inside a frame or carried a corrupt frame header. */
public final class FrameException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong with the stream
   */
  public FrameException(String message) {
    super(message);
  }
}
