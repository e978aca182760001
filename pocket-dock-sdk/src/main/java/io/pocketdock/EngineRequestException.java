package io.pocketdock;

import org.jspecify.annotations.Nullable;

/** The engine refused a request for a reason pocket-dock has no more specific type for. */
public final class EngineRequestException extends EngineException {
  private static final long serialVersionUID = 1L;

  private final int status;

  EngineRequestException(
      String operation, @Nullable String targetId, int status, String engineMessage) {
    super(operation, targetId, "engine answered " + status + ": " + engineMessage, null, null);
    this.status = status;
  }

  /** The HTTP status the engine answered with. */
  public int status() {
    return status;
  }
}
