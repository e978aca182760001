package io.pocketdock;

/** The container exists but is stopped or paused, so commands cannot run in it. */
public final class ContainerNotRunningException extends ContainerException {
  private static final long serialVersionUID = 1L;

  ContainerNotRunningException(String operation, String container, String state) {
    super(
        operation,
        container,
        "container is not running (" + state + ")",
        "resume it, or reboot() it",
        null);
  }
}
