package io.pocketdock;

/**
 * A path in the container does not exist: the file to read or pull, the directory to list, or the
 * directory a write or push goes into.
 */
public final class FileNotFoundInContainerException extends ContainerException {
  private static final long serialVersionUID = 1L;

  private final String path;

  FileNotFoundInContainerException(String operation, String container, String path, String hint) {
    super(operation, container, "no such file or directory in the container: " + path, hint, null);
    this.path = path;
  }

  /** The missing path, absolute, as pocket-dock asked the engine for it. */
  public String path() {
    return path;
  }
}
