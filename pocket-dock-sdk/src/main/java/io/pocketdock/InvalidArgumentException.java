package io.pocketdock;

import org.jspecify.annotations.Nullable;

/** A caller-supplied value is malformed or out of range; nothing was changed on the engine. */
public final class InvalidArgumentException extends PocketDockException {
  private static final long serialVersionUID = 1L;

  InvalidArgumentException(String operation, String message, @Nullable String hint) {
    super(operation, null, message, hint, null);
  }

  /** Creates the error for a malformed or out-of-range value given to {@code operation}. */
  public static InvalidArgumentException of(String operation, String message) {
    return new InvalidArgumentException(operation, message, null);
  }
}
