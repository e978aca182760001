package io.pocketdock.internal.engine;

/** The engine answered a request with a non-success status. */
public final class EngineResponseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String engineMessage;

  /** Creates the exception for {@code status} with the engine's own message text. */
  public EngineResponseException(int status, String engineMessage) {
    super(status + ": " + engineMessage);
    this.status = status;
    this.engineMessage = engineMessage;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The engine's message (the {@code message} field of its JSON error body, or the raw body). */
  public String engineMessage() {
    return engineMessage;
  }
}
