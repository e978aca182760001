package io.pocketdock.internal.tar;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Entry names and link targets checked for safety and split into components. */
final class ArchivePath {
  private ArchivePath() {}

  /**
   * The components of an entry name, without empty and {@code .} ones.
   *
   * @throws UnsafeArchiveException for a NUL, an absolute name or any {@code ..} component
   */
  static List<String> components(String entryName, String name) throws UnsafeArchiveException {
    if (name.indexOf('\0') >= 0) {
      throw new UnsafeArchiveException(entryName, "name contains a NUL byte");
    }
    if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
      throw new UnsafeArchiveException(entryName, "absolute path '" + name + "'");
    }
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/", -1)) {
      if (part.equals("..")) {
        throw new UnsafeArchiveException(entryName, "path contains a '..' component");
      }
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return parts;
  }

  /**
   * Checks a symbolic link's target against the link's depth below the destination.
   *
   * <p>Only leading {@code ..} components are allowed, and no more of them than the link's depth. A
   * {@code ..} after a name is refused even when it stays inside lexically, because the name could
   * be another symlink (say {@code d -> .}), and then {@code d/../x} climbs out for real. With
   * leading {@code ..} only, every link resolves inside provided every other link does.
   */
  static void checkSymlinkTarget(String entryName, String target, int linkDepth)
      throws UnsafeArchiveException {
    if (target.isEmpty() || target.indexOf('\0') >= 0) {
      throw new UnsafeArchiveException(entryName, "empty symlink target or one with a NUL byte");
    }
    if (target.startsWith("/") || target.matches("^[A-Za-z]:.*")) {
      throw new UnsafeArchiveException(entryName, "symlink target '" + target + "' is absolute");
    }
    int ups = 0;
    boolean sawName = false;
    for (String part : target.split("/", -1)) {
      if (part.equals("..")) {
        if (sawName) {
          throw new UnsafeArchiveException(
              entryName, "symlink target '" + target + "' has '..' after a name");
        }
        ups++;
      } else if (!part.isEmpty() && !part.equals(".")) {
        sawName = true;
      }
    }
    if (ups > linkDepth) {
      throw new UnsafeArchiveException(
          entryName, "symlink target '" + target + "' resolves outside the destination");
    }
  }

  /**
   * The key two names share when a case-insensitive or normalizing file system (macOS, Windows)
   * would treat them as the same file.
   */
  static String collisionKey(List<String> parts) {
    String nfc = Normalizer.normalize(String.join("/", parts), Normalizer.Form.NFC);
    String folded = nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    return Normalizer.normalize(folded, Normalizer.Form.NFC);
  }
}
