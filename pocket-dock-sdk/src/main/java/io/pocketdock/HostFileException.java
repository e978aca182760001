package io.pocketdock;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A file or directory on the host could not be used for a push or pull: it is missing, of the
 * wrong kind, or reading or writing it failed (permissions, a full disk). A failed pull leaves
 * nothing of itself on the host.
 */
public final class HostFileException extends PocketDockException {
  private static final long serialVersionUID = 1L;

  private final String hostPath;

  HostFileException(
      String operation,
      @Nullable String container,
      Path hostPath,
      String message,
      @Nullable String hint,
      @Nullable Throwable cause) {
    super(operation, container, message + ": " + hostPath, hint, cause);
    this.hostPath = hostPath.toString();
  }

  /** The host path concerned. */
  public Path hostPath() {
    return Path.of(hostPath);
  }
}
