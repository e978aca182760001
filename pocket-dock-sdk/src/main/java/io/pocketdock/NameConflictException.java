package io.pocketdock;

/** A container with the requested name already exists. */
public final class NameConflictException extends ContainerException {
  private static final long serialVersionUID = 1L;

  NameConflictException(String operation, String name) {
    super(
        operation,
        name,
        "a container named '" + name + "' already exists",
        "pick another name, or remove the old one (`pocket-dock shutdown " + name + "`)",
        null);
  }
}
