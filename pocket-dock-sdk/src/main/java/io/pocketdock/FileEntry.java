package io.pocketdock;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a directory in a container, as {@link Container#listFiles(String)} reports it. A
 * symbolic link is described itself, not its target.
 *
 * @param name the entry's name inside its directory (may contain spaces, newlines, any UTF-8)
 * @param type what kind of file it is
 * @param size the size in bytes ({@code lstat}'s; for a symlink, the length of its target)
 * @param mode the permission bits, including setuid, setgid and sticky ({@code 07777} at most)
 * @param symlinkTarget the link's target text when {@code type} is {@link Type#SYMLINK}, else null
 * @param modified the last modification time, to the second
 */
public record FileEntry(
    String name, Type type, long size, int mode, @Nullable String symlinkTarget, Instant modified) {

  /** The kinds of directory entry. */
  public enum Type {
    /** A regular file. */
    FILE,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link (not followed). */
    SYMLINK,
    /** Anything else: a FIFO, socket or device node. */
    OTHER
  }

  /** Validates the values. */
  public FileEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(modified, "modified");
    if (name.isEmpty() || name.indexOf('/') >= 0) {
      throw new IllegalArgumentException("not a directory entry name: '" + name + "'");
    }
    if ((mode & ~07777) != 0) {
      throw new IllegalArgumentException("mode out of range: " + Integer.toOctalString(mode));
    }
    if ((type == Type.SYMLINK) != (symlinkTarget != null)) {
      throw new IllegalArgumentException("only a symlink has a target: " + name);
    }
  }

  /** Whether this entry is a directory (a symlink to one is not). */
  public boolean isDirectory() {
    return type == Type.DIRECTORY;
  }

  /** The symlink's target, when this entry is a symlink. */
  public Optional<String> linkTarget() {
    return Optional.ofNullable(symlinkTarget);
  }
}
