package io.pocketdock.internal.config;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to a file across threads and processes. An OS file lock excludes other
 * processes, but the JVM holds it for the whole process: a second channel in the same JVM gets
 * {@link java.nio.channels.OverlappingFileLockException} instead of waiting. So threads first
 * queue on an in-process lock per file, then take the OS lock. That per-file table is process-wide
 * state on purpose: it mirrors the OS lock, which is process-wide too. Entries are a few bytes per
 * distinct log file and are never removed.
 */
public final class FileLocks {
  private static final ConcurrentMap<String, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

  private FileLocks() {}

  /** Work done while holding the lock. */
  @FunctionalInterface
  public interface LockedAction<T extends @Nullable Object> {
    /** Runs with the lock held. */
    T run() throws IOException;
  }

  /** Runs {@code action} holding the in-process lock and the OS lock on {@code channel}'s file. */
  public static <T extends @Nullable Object> T withLock(java.nio.file.Path file, FileChannel channel, LockedAction<T> action)
      throws IOException {
    ReentrantLock local =
        LOCAL.computeIfAbsent(file.toAbsolutePath().normalize().toString(), k -> new ReentrantLock());
    local.lock();
    try {
      FileLock os = channel.lock();
      try {
        return action.run();
      } finally {
        os.release();
      }
    } finally {
      local.unlock();
    }
  }
}
