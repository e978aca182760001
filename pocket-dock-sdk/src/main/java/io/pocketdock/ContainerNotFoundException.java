package io.pocketdock;

/** No container with the given name or id exists on the engine. */
public final class ContainerNotFoundException extends ContainerException {
  private static final long serialVersionUID = 1L;

  ContainerNotFoundException(String operation, String container) {
    super(operation, container, "no such container", "`pocket-dock list` shows the containers", null);
  }
}
