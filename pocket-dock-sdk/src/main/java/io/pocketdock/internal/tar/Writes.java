package io.pocketdock.internal.tar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The file-system side of an extraction: every path it creates is recorded for roll-back. */
final class Writes {
  private final boolean preserveModes;
  private final List<Path> created = new ArrayList<>();
  private final Set<Path> createdSet = new HashSet<>();

  Writes(boolean preserveModes) {
    this.preserveModes = preserveModes;
  }

  /**
   * Resolves one name component under {@code dir}, refusing anything the file system would read as
   * more than one plain component (a separator, a drive or a root on some platforms).
   */
  static Path child(String entryName, Path dir, String component) throws UnsafeArchiveException {
    Path child;
    try {
      child = dir.resolve(component);
    } catch (java.nio.file.InvalidPathException e) {
      throw new UnsafeArchiveException(entryName, "invalid name component '" + component + "'");
    }
    Path fileName = child.getFileName();
    if (!dir.equals(child.getParent())
        || fileName == null
        || !fileName.toString().equals(component)) {
      throw new UnsafeArchiveException(entryName, "invalid name component '" + component + "'");
    }
    return child;
  }

  /** What is at {@code path} without following a link, or null if nothing is. */
  static @Nullable BasicFileAttributes attributes(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  void created(Path path) {
    created.add(path);
    createdSet.add(path);
  }

  boolean isCreated(Path path) {
    return createdSet.contains(path);
  }

  void directory(Path path) throws IOException {
    Files.createDirectory(path);
    created(path);
  }

  void symlink(Path path, String target) throws IOException {
    Files.createSymbolicLink(path, path.getFileSystem().getPath(target));
    created(path);
  }

  /** Sets permission bits (never setuid, setgid or sticky) and mtime on a file or directory. */
  void setModeAndTime(Path path, TarEntry entry) throws IOException {
    if (preserveModes) {
      try {
        Files.setPosixFilePermissions(path, permissions(entry.mode()));
      } catch (UnsupportedOperationException e) {
        // No POSIX permissions on this file system (Windows): there is nothing to preserve into.
      }
    }
    Files.setLastModifiedTime(path, FileTime.from(entry.mtime()));
  }

  /** Deletes what was created, newest first; failures are attached to {@code cause}. */
  void deleteCreated(Throwable cause) {
    for (int i = created.size() - 1; i >= 0; i--) {
      Path path = created.get(i);
      try {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          // A read-only directory from the archive would refuse to lose its children.
          path.toFile().setWritable(true, true);
        }
        Files.deleteIfExists(path);
      } catch (IOException | RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
    created.clear();
    createdSet.clear();
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission p : PosixFilePermission.values()) {
      if ((mode & TarTree.bit(p)) != 0) {
        perms.add(p);
      }
    }
    return perms;
  }
}
