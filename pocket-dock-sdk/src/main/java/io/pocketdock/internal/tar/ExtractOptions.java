package io.pocketdock.internal.tar;

/**
 * How {@link SafeExtractor} extracts.
 *
 * @param preserveModes whether files and directories get the archive's permission bits; setuid,
 *     setgid and sticky are always dropped. When false, the file system's defaults apply.
 * @param stripFirstComponent whether to drop each name's first component, as {@code tar
 *     --strip-components=1} does (entries left with no name are skipped)
 * @param maxTotalBytes the most content bytes to write; an entry that would exceed it is refused
 * @param maxEntries the most entries to accept; one more is refused
 */
public record ExtractOptions(
    boolean preserveModes, boolean stripFirstComponent, long maxTotalBytes, long maxEntries) {

  /** Validates the limits. */
  public ExtractOptions {
    if (maxTotalBytes < 0 || maxEntries < 0) {
      throw new IllegalArgumentException("negative limit");
    }
  }

  /** Modes preserved, nothing stripped, no limits. */
  public static ExtractOptions defaults() {
    return new ExtractOptions(true, false, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /** A copy with {@link #preserveModes()} set. */
  public ExtractOptions withPreserveModes(boolean preserve) {
    return new ExtractOptions(preserve, stripFirstComponent, maxTotalBytes, maxEntries);
  }

  /** A copy with {@link #stripFirstComponent()} set. */
  public ExtractOptions withStripFirstComponent(boolean strip) {
    return new ExtractOptions(preserveModes, strip, maxTotalBytes, maxEntries);
  }

  /** A copy with {@link #maxTotalBytes()} set. */
  public ExtractOptions withMaxTotalBytes(long max) {
    return new ExtractOptions(preserveModes, stripFirstComponent, max, maxEntries);
  }

  /** A copy with {@link #maxEntries()} set. */
  public ExtractOptions withMaxEntries(long max) {
    return new ExtractOptions(preserveModes, stripFirstComponent, maxTotalBytes, max);
  }
}
