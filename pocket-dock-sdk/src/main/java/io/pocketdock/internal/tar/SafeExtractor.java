package io.pocketdock.internal.tar;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Extracts a tar archive into a directory without ever writing outside it, however hostile the
 * archive.
 *
 * <p>Refused with an {@link UnsafeArchiveException} naming the entry and the reason: absolute
 * names; names with a {@code ..} component or a NUL; entries whose parent path goes through a
 * symlink, whether created earlier by the archive or already in the destination; a symlink already
 * in the destination at an entry's own path; symlinks whose target is absolute, climbs out of the
 * destination, or has a {@code ..} after a name; hard links whose target is not a regular file this
 * extraction created; device nodes, FIFOs and unknown types; a name that equals an earlier one
 * after case folding or Unicode (NFC) normalization, unless both are directories; an existing
 * directory where a non-directory goes, or the reverse; and going over the options' byte or entry
 * limit. Malformed archives fail with the reader's {@link TarFormatException}.
 *
 * <p>Files are created with {@code CREATE_NEW} and no link following. A regular file already in the
 * destination at an entry's path is replaced (unlinked first, so a hard link to a file elsewhere is
 * never written through); a directory already there is merged into and keeps its mode.
 *
 * <p><b>On failure</b>, whatever the cause, everything this extraction created is deleted (newest
 * first) and the exception is rethrown; what was in the destination before stays, except regular
 * files that were already replaced by then, which are gone. Directory modes and times are applied
 * at the end, so a read-only directory in the archive does not block its own children.
 *
 * <p>The checks assume no other process changes the destination during extraction.
 */
public final class SafeExtractor {
  private SafeExtractor() {}

  /**
   * Extracts every entry {@code in} has left into {@code destination}, creating it if needed.
   *
   * @throws UnsafeArchiveException if an entry is refused; nothing of this extraction remains
   * @throws TarFormatException if the archive is malformed; nothing of this extraction remains
   */
  public static void extract(TarReader in, Path destination, ExtractOptions options)
      throws IOException {
    Extraction extraction = Extraction.begin(destination, options);
    try {
      for (TarEntry entry = in.next(); entry != null; entry = in.next()) {
        extraction.add(entry, in);
      }
      extraction.finish();
    } catch (IOException | RuntimeException e) {
      extraction.rollBack(e);
      throw e;
    }
  }
}
