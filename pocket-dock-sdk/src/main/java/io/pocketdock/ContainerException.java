package io.pocketdock;

import org.jspecify.annotations.Nullable;

/** An operation failed because of the state of a specific container. */
public abstract sealed class ContainerException extends PocketDockException
    permits ContainerNotFoundException,
        ContainerNotRunningException,
        ContainerGoneException,
        NameConflictException,
        FileNotFoundInContainerException,
        UnsafeArchiveException {
  private static final long serialVersionUID = 1L;

  ContainerException(
      String operation,
      String container,
      String message,
      @Nullable String hint,
      @Nullable Throwable cause) {
    super(operation, container, message, hint, cause);
  }
}
