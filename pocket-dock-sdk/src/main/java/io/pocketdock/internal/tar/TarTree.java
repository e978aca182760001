package io.pocketdock.internal.tar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Packs a host file or directory tree into a {@link TarWriter}, streaming file content.
 *
 * <p>Entries come in a deterministic order: a directory before its children, children sorted by
 * name. Symbolic links are archived as links with their target text unchanged and are never
 * followed, not even when {@code source} itself is one. Empty directories are kept. Modes are kept
 * (including setuid, setgid and sticky where the file system reports them). Hard-linked files are
 * archived as independent copies; sockets and device nodes are skipped, as they cannot be moved as
 * files.
 */
public final class TarTree {
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private TarTree() {}

  /**
   * Packs {@code source} under {@code archiveRootName}.
   *
   * @param source a file, directory or symbolic link on the host
   * @param archiveRootName the name {@code source} gets in the archive; empty to put a directory's
   *     children at the archive's top level
   * @param out where the entries go; not finished, so more can be added
   */
  public static void pack(Path source, String archiveRootName, TarWriter out) throws IOException {
    String root = trimSlashes(archiveRootName);
    BasicFileAttributes attrs = Files.readAttributes(source, BasicFileAttributes.class, NOFOLLOW);
    if (root.isEmpty() && !attrs.isDirectory()) {
      throw new IllegalArgumentException("only a directory can be packed without a root name");
    }
    pack(source, root, attrs, out);
  }

  private static void pack(Path path, String name, BasicFileAttributes attrs, TarWriter out)
      throws IOException {
    if (attrs.isSymbolicLink()) {
      String target = Files.readSymbolicLink(path).toString();
      out.writeSymlink(name, target, attrs.lastModifiedTime().toInstant());
    } else if (attrs.isDirectory()) {
      if (!name.isEmpty()) {
        out.writeDirectory(name, mode(path, 0755), attrs.lastModifiedTime().toInstant());
      }
      for (Path child : sortedChildren(path)) {
        BasicFileAttributes childAttrs =
            Files.readAttributes(child, BasicFileAttributes.class, NOFOLLOW);
        String childName = child.getFileName().toString();
        pack(child, name.isEmpty() ? childName : name + "/" + childName, childAttrs, out);
      }
    } else if (attrs.isRegularFile()) {
      try (InputStream content = Files.newInputStream(path, NOFOLLOW)) {
        out.writeFile(
            name, mode(path, 0644), attrs.size(), attrs.lastModifiedTime().toInstant(), content);
      }
    }
  }

  private static List<Path> sortedChildren(Path dir) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    }
    children.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return children;
  }

  /** The full mode where the "unix" view exists (it has the setuid bits), else POSIX perms. */
  private static int mode(Path path, int fallback) throws IOException {
    try {
      Object mode = Files.getAttribute(path, "unix:mode", NOFOLLOW);
      if (mode instanceof Integer m) {
        return m & 07777;
      }
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      // Not a Unix file system: fall through to the portable views.
    }
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path, NOFOLLOW);
      int mode = 0;
      for (PosixFilePermission p : perms) {
        mode |= bit(p);
      }
      return mode;
    } catch (UnsupportedOperationException e) {
      return fallback;
    }
  }

  private static String trimSlashes(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && name.charAt(start) == '/') {
      start++;
    }
    while (end > start && name.charAt(end - 1) == '/') {
      end--;
    }
    String trimmed = name.substring(start, end);
    return trimmed.equals(".") ? "" : trimmed;
  }

  /** The mode bit of one permission: 0400 for {@code OWNER_READ} down to 0001 for {@code OTHERS_EXECUTE}. */
  static int bit(PosixFilePermission p) {
    return switch (p) {
      case OWNER_READ -> 0400;
      case OWNER_WRITE -> 0200;
      case OWNER_EXECUTE -> 0100;
      case GROUP_READ -> 040;
      case GROUP_WRITE -> 020;
      case GROUP_EXECUTE -> 010;
      case OTHERS_READ -> 04;
      case OTHERS_WRITE -> 02;
      case OTHERS_EXECUTE -> 01;
    };
  }
}
