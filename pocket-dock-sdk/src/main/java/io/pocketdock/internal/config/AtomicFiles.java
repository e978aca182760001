package io.pocketdock.internal.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Whole-file writes that readers see either entirely old or entirely new: the bytes go to a temp
 * file in the same directory (same file system, so the rename is atomic), are forced to disk, and
 * the temp file is renamed over the target. A crash leaves at worst a stray {@code .tmp} file.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Atomically replaces (or creates) {@code target} with {@code content}. */
  public static void write(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (var channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Same directory, so this only happens on exotic file systems; a plain replace is the best left.
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Atomically creates {@code target}; fails with {@link java.nio.file.FileAlreadyExistsException} if present. */
  public static void create(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.write(tmp, content);
      // A hard link fails when the target exists, which makes "create if absent" race-free.
      Files.createLink(target, tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
