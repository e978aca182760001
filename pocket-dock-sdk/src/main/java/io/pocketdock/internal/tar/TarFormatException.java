package io.pocketdock.internal.tar;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** A tar stream is malformed: a bad checksum, a bad field, a truncated or oversized record. */
public final class TarFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String entryName;
  private final long offset;

  /**
   * Creates the exception.
   *
   * @param reason what is wrong, in a few words
   * @param entryName the entry being read, or null when no name is known yet
   * @param offset the byte offset of the header that introduced the problem
   */
  public TarFormatException(String reason, @Nullable String entryName, long offset) {
    super(
        reason
            + (entryName == null ? "" : " (entry '" + entryName + "'")
            + (entryName == null ? " (" : ", ")
            + "offset "
            + offset
            + ")");
    this.entryName = entryName;
    this.offset = offset;
  }

  /** The entry being read when the problem was found, or null if its name was not known. */
  public @Nullable String entryName() {
    return entryName;
  }

  /** The byte offset in the archive of the header that introduced the problem. */
  public long offset() {
    return offset;
  }
}
