package io.pocketdock;

import org.jspecify.annotations.Nullable;

/**
 * The connection to the engine broke or went silent past its deadline in the middle of an
 * operation (for example the engine was restarted during a stream).
 */
public final class EngineCommunicationException extends EngineException {
  private static final long serialVersionUID = 1L;

  EngineCommunicationException(
      String operation, @Nullable String targetId, String message, @Nullable Throwable cause) {
    super(operation, targetId, message, "check that the engine is still running", cause);
  }
}
