package io.pocketdock.internal.tar;

import java.io.IOException;

/** {@link SafeExtractor} refused an entry that could write outside its destination. */
public final class UnsafeArchiveException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String entryName;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param entryName the refused entry's name, as the archive spells it
   * @param reason why it was refused
   */
  public UnsafeArchiveException(String entryName, String reason) {
    super("refused tar entry '" + entryName + "': " + reason);
    this.entryName = entryName;
    this.reason = reason;
  }

  /** The refused entry's name, as the archive spells it. */
  public String entryName() {
    return entryName;
  }

  /** Why the entry was refused. */
  public String reason() {
    return reason;
  }
}
