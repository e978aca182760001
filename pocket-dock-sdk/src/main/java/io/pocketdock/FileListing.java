package io.pocketdock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists one directory of a container by running a small POSIX {@code sh} script in it.
 *
 * <p>Why not the archive API: {@code GET archive} of a directory streams the whole tree with every
 * file's content, so listing a home directory with a virtualenv in it would move hundreds of
 * megabytes to read one level. The script reads one level only. Why not {@code ls}: its output is
 * for humans and mangles odd names. The script prints each name NUL-terminated, followed by the
 * symlink target (also NUL-terminated, empty for non-links); an empty name ends that part. Then
 * {@code stat -c '%f %s %Y %n'} (GNU coreutils and busybox agree on these) prints raw mode, size and
 * mtime for the same names, fed through {@code xargs -0} so no argument list grows too long. The
 * parser pairs each stat line with the known name, so names with newlines cannot confuse it, and a
 * name that vanished between the two steps is skipped.
 */
final class FileListing {
  /** Exit code of the script when the path does not exist. */
  static final int MISSING = 3;

  /** Exit code of the script when the path is not a directory. */
  static final int NOT_A_DIRECTORY = 4;

  /** Exit code of the script when the user may not enter the directory. */
  static final int NOT_PERMITTED = 5;

  private static final String SCRIPT =
      """
      d="$1"; nl='
      '
      [ -e "$d" ] || [ -L "$d" ] || exit 3
      [ -d "$d" ] || exit 4
      cd -- "$d" 2>/dev/null && [ -r . ] || exit 5
      set --
      for f in .[!.]* ..?* *; do
        if [ -e "$f" ] || [ -L "$f" ]; then set -- "$@" "$f"; fi
      done
      for f in "$@"; do
        printf '%s\\0' "$f"
        if [ -L "$f" ]; then t=$(readlink -- "$f"; echo .); t=${t%.}; printf '%s' "${t%"$nl"}"; fi
        printf '\\0'
      done
      printf '\\0'
      [ $# -eq 0 ] || printf '%s\\0' "$@" | xargs -0 stat -c '%f %s %Y %n' --
      """;

  private FileListing() {}

  /** The exec command that lists {@code directory}. */
  static List<String> command(String directory) {
    return List.of("/bin/sh", "-c", SCRIPT, "pocket-dock-ls", directory);
  }

  /**
   * Parses the script's output.
   *
   * @throws IllegalArgumentException when the output does not have the script's shape
   */
  static List<FileEntry> parse(String out) {
    List<String> names = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    int p = 0;
    while (true) {
      int end = out.indexOf('\0', p);
      if (end < 0) {
        throw new IllegalArgumentException("listing ends inside the names");
      }
      if (end == p) {
        p++;
        break;
      }
      names.add(out.substring(p, end));
      int targetEnd = out.indexOf('\0', end + 1);
      if (targetEnd < 0) {
        throw new IllegalArgumentException("listing ends inside a link target");
      }
      targets.add(out.substring(end + 1, targetEnd));
      p = targetEnd + 1;
    }
    List<FileEntry> entries = new ArrayList<>(names.size());
    for (int i = 0; i < names.size() && p < out.length(); i++) {
      int next = statLine(out, p, names.get(i), targets.get(i), entries);
      if (next >= 0) {
        p = next;
      } // else: the name vanished before stat saw it; the same line is tried for the next name
    }
    return entries;
  }

  /** Parses one stat line for {@code name} at {@code p}; returns the next offset, or -1. */
  private static int statLine(String out, int p, String name, String target, List<FileEntry> into) {
    int s1 = out.indexOf(' ', p);
    int s2 = s1 < 0 ? -1 : out.indexOf(' ', s1 + 1);
    int s3 = s2 < 0 ? -1 : out.indexOf(' ', s2 + 1);
    if (s3 < 0 || !out.startsWith(name + "\n", s3 + 1)) {
      return -1;
    }
    try {
      int raw = Integer.parseInt(out.substring(p, s1), 16);
      long size = Long.parseLong(out.substring(s1 + 1, s2));
      long mtime = Long.parseLong(out.substring(s2 + 1, s3));
      FileEntry.Type type =
          switch (raw & 0170000) {
            case 0040000 -> FileEntry.Type.DIRECTORY;
            case 0100000 -> FileEntry.Type.FILE;
            case 0120000 -> FileEntry.Type.SYMLINK;
            default -> FileEntry.Type.OTHER;
          };
      into.add(
          new FileEntry(
              name,
              type,
              size,
              raw & 07777,
              type == FileEntry.Type.SYMLINK ? target : null,
              Instant.ofEpochSecond(mtime)));
    } catch (NumberFormatException e) {
      return -1;
    }
    return s3 + 1 + name.length() + 1;
  }
}
