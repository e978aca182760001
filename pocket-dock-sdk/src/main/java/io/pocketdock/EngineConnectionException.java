package io.pocketdock;

import org.jspecify.annotations.Nullable;

/** The engine's socket could not be connected to (missing, refused, or permission denied). */
public final class EngineConnectionException extends EngineException {
  private static final long serialVersionUID = 1L;

  EngineConnectionException(String operation, String socket, String message, @Nullable Throwable cause) {
    super(
        operation,
        null,
        "cannot connect to " + socket + ": " + message,
        "is the engine running? `podman system service --time=0 &` or `dockerd &`",
        cause);
  }
}
