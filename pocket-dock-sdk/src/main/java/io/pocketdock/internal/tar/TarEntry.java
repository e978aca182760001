package io.pocketdock.internal.tar;

import java.time.Instant;
import java.util.Objects;

/**
 * One member of a tar archive, as a header describes it (after pax and GNU extensions are applied).
 *
 * @param name the path inside the archive, without the trailing slash a directory carries on disk
 * @param type what kind of file the entry is
 * @param mode the permission bits, including setuid, setgid and sticky ({@code 07777} at most)
 * @param uid the owner's numeric id
 * @param gid the group's numeric id
 * @param uname the owner's name, empty when the archive has none
 * @param gname the group's name, empty when the archive has none
 * @param size the number of content bytes that follow the header; zero for everything but files
 * @param mtime the modification time
 * @param linkName the target of a symbolic or hard link, empty for other types
 */
public record TarEntry(
    String name,
    Type type,
    int mode,
    long uid,
    long gid,
    String uname,
    String gname,
    long size,
    Instant mtime,
    String linkName) {

  /** The kinds of entry a tar archive can hold. */
  public enum Type {
    /** A regular file with content. */
    FILE,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link; {@link TarEntry#linkName()} is its target. */
    SYMLINK,
    /** A hard link to an earlier entry named by {@link TarEntry#linkName()}. */
    HARDLINK,
    /** A character device node. */
    CHAR_DEVICE,
    /** A block device node. */
    BLOCK_DEVICE,
    /** A named pipe. */
    FIFO,
    /** Anything else (GNU sparse files, volume labels, vendor types); it may carry content. */
    OTHER
  }

  /** Validates the values: a non-empty name, non-negative numbers, mode within {@code 07777}. */
  public TarEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(uname, "uname");
    Objects.requireNonNull(gname, "gname");
    Objects.requireNonNull(mtime, "mtime");
    Objects.requireNonNull(linkName, "linkName");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty entry name");
    }
    if ((mode & ~07777) != 0) {
      throw new IllegalArgumentException("mode out of range: " + Integer.toOctalString(mode));
    }
    if (uid < 0 || gid < 0 || size < 0) {
      throw new IllegalArgumentException("negative uid, gid or size in entry " + name);
    }
  }

  /** Whether this entry is a regular file. */
  public boolean isFile() {
    return type == Type.FILE;
  }

  /** Whether this entry is a directory. */
  public boolean isDirectory() {
    return type == Type.DIRECTORY;
  }
}
