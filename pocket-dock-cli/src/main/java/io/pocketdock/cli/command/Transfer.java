package io.pocketdock.cli.command;

import io.pocketdock.cli.terminal.HumanFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What push and pull show on a terminal: the SDK's copies report no progress, so a copy of more
 * than {@link #LARGE} bytes gets a start line with its size and a summary with the time; small
 * copies and piped runs stay silent (scripts see only errors).
 */
final class Transfer {
  /** Copies at least this big are announced. */
  static final long LARGE = 8L << 20;

  private final DockCommand command;
  private final long start = System.nanoTime();
  private final boolean shown;

  private Transfer(DockCommand command, boolean shown) {
    this.command = command;
    this.shown = shown;
  }

  static Transfer start(DockCommand command, String what, long size) {
    boolean show = command.terminal().interactive() && (size < 0 || size >= LARGE);
    if (show) {
      command.err().println(what + (size < 0 ? "" : " (" + HumanFormat.bytes(size) + ")") + "...");
      command.err().flush();
    }
    return new Transfer(command, show);
  }

  void done(String summary) {
    if (shown) {
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      command.err().println(summary + " in " + ms + " ms");
      command.err().flush();
    }
  }

  /** Bytes in a file or tree (symlinks not followed); -1 when it cannot be read. */
  static long size(@Nullable Path path) {
    if (path == null || !Files.exists(path)) {
      return -1;
    }
    try (Stream<Path> all = Files.walk(path)) {
      return all.filter(Files::isRegularFile).mapToLong(Transfer::sizeOf).sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
