package io.pocketdock;

/**
 * A container this handle was using no longer exists: it was shut down, or removed from outside
 * pocket-dock.
 */
public final class ContainerGoneException extends ContainerException {
  private static final long serialVersionUID = 1L;

  ContainerGoneException(String operation, String container) {
    super(
        operation,
        container,
        "container is gone (shut down or removed outside pocket-dock)",
        "create a new one",
        null);
  }
}
