package io.pocketdock;

import org.jspecify.annotations.Nullable;

/**
 * The container engine could not be reached, stopped answering, or answered with an error that is
 * not about a specific container or image.
 */
public abstract sealed class EngineException extends PocketDockException
    permits EngineNotFoundException,
        EngineConnectionException,
        EngineCommunicationException,
        EngineRequestException {

  private static final long serialVersionUID = 1L;

  EngineException(
      String operation,
      @Nullable String targetId,
      String message,
      @Nullable String hint,
      @Nullable Throwable cause) {
    super(operation, targetId, message, hint, cause);
  }
}
