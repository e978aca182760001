package io.pocketdock.internal.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A log file in a directory that rotates by size and is pruned by count and age.
 *
 * <p>Entries are appended to {@code <base>.log}. When an entry would push it past {@code maxBytes},
 * the file is first renamed to {@code <base>-<UTC timestamp>.log} and a new one started; an entry
 * larger than {@code maxBytes} on its own is cut to fit, with a note. After each append, the
 * directory keeps at most {@code maxFiles} {@code .log} files (the newest, the live ones included)
 * and none whose last write is older than {@code retention}. Every step happens under a lock on
 * {@code .lock} in the directory, so two JVMs writing the same log take turns.
 */
public final class RotatingLog {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final byte[] CUT = "\n[... cut: entry larger than max_log_size ...]\n".getBytes(StandardCharsets.UTF_8);

  private final Path dir;
  private final String base;
  private final long maxBytes;
  private final int maxFiles;
  private final Duration retention;
  private final Clock clock;

  /** A log named {@code base} in {@code dir}, with the given limits and clock. */
  public RotatingLog(Path dir, String base, long maxBytes, int maxFiles, Duration retention, Clock clock) {
    if (maxBytes < 256 || maxFiles < 1 || retention.isNegative()) {
      throw new IllegalArgumentException("log limits out of range");
    }
    this.dir = dir;
    this.base = base;
    this.maxBytes = maxBytes;
    this.maxFiles = maxFiles;
    this.retention = retention;
    this.clock = clock;
  }

  /** The live file entries are appended to. */
  public Path current() {
    return dir.resolve(base + ".log");
  }

  /** Appends one entry, rotating and pruning as needed. */
  public void append(byte[] entry) throws IOException {
    Files.createDirectories(dir);
    Path lockFile = dir.resolve(".lock");
    try (FileChannel lock =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLocks.withLock(
          lockFile,
          lock,
          () -> {
            byte[] bytes = fit(entry);
            Path live = current();
            long size = Files.exists(live) ? Files.size(live) : 0;
            if (size > 0 && size + bytes.length > maxBytes) {
              rotate(live);
            }
            try (FileChannel out =
                FileChannel.open(
                    live, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
              ByteBuffer buffer = ByteBuffer.wrap(bytes);
              while (buffer.hasRemaining()) {
                out.write(buffer);
              }
            }
            prune(live);
            return null;
          });
    }
  }

  private byte[] fit(byte[] entry) {
    if (entry.length <= maxBytes) {
      return entry;
    }
    byte[] cut = new byte[(int) maxBytes];
    int keep = cut.length - CUT.length;
    System.arraycopy(entry, 0, cut, 0, keep);
    System.arraycopy(CUT, 0, cut, keep, CUT.length);
    return cut;
  }

  private void rotate(Path live) throws IOException {
    String stamp = STAMP.format(clock.instant());
    for (int n = 0; ; n++) {
      Path target = dir.resolve(base + "-" + stamp + (n == 0 ? "" : "-" + n) + ".log");
      try {
        // createLink fails if the target exists, so two rotations in one millisecond never clobber.
        Files.createLink(target, live);
        Files.delete(live);
        return;
      } catch (FileAlreadyExistsException taken) {
        // Try the next suffix.
      }
    }
  }

  /** Deletes logs past the age limit, then the oldest beyond the count limit; never {@code keep}. */
  private void prune(Path keep) throws IOException {
    List<Path> logs = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.log")) {
      for (Path p : files) {
        if (!p.equals(keep)) {
          logs.add(p);
        }
      }
    }
    FileTime oldest = FileTime.from(clock.instant().minus(retention));
    List<Path> kept = new ArrayList<>();
    for (Path p : logs) {
      FileTime modified = modified(p);
      if (modified != null && modified.compareTo(oldest) < 0) {
        Files.deleteIfExists(p);
      } else if (modified != null) {
        kept.add(p);
      }
    }
    // Newest first; names break ties so the order is stable within one millisecond.
    kept.sort(
        Comparator.comparing((Path p) -> {
              FileTime t = modified(p);
              return t == null ? FileTime.fromMillis(0) : t;
            })
            .thenComparing(Path::toString)
            .reversed());
    for (int i = maxFiles - 1; i < kept.size(); i++) {
      Files.deleteIfExists(kept.get(i));
    }
  }

  private static @Nullable FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (NoSuchFileException gone) {
      return null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
