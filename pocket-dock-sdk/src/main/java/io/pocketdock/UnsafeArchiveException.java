package io.pocketdock;

/**
 * A pull was refused because the container's files could write outside the destination on the
 * host: an entry with {@code ..} or an absolute name, a symlink or hard link pointing outside the
 * copied tree, a device node, or names that collide through case or Unicode normalization. Nothing
 * of the pull is left on the host. A container running untrusted code may plant such files on
 * purpose.
 */
public final class UnsafeArchiveException extends ContainerException {
  private static final long serialVersionUID = 1L;

  private final String entryName;
  private final String reason;

  UnsafeArchiveException(String operation, String container, String entryName, String reason) {
    super(
        operation,
        container,
        "refused '" + entryName + "': " + reason + "; nothing was written",
        "remove or replace that entry in the container, or pull a narrower path",
        null);
    this.entryName = entryName;
    this.reason = reason;
  }

  /** The refused entry's path inside the pulled tree, e.g. {@code project/escape}. */
  public String entryName() {
    return entryName;
  }

  /** Why it was refused, e.g. {@code symlink target is absolute}. */
  public String reason() {
    return reason;
  }
}
