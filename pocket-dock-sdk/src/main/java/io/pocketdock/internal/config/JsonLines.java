package io.pocketdock.internal.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends whole lines to a JSON-lines file. Each line goes out in one write under an exclusive
 * file lock, so lines from several threads or JVMs never interleave or tear, whatever their length.
 * (O_APPEND alone would not promise that: its atomicity for regular files is a Linux habit for
 * small writes, not a guarantee, and a command line can be longer than any such limit.)
 */
public final class JsonLines {
  private JsonLines() {}

  /** Appends {@code line} (which must not contain a newline) and a newline to {@code file}. */
  public static void append(Path file, String line) throws IOException {
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a JSON line must not contain a line break");
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      FileLocks.withLock(
          file,
          ch,
          () -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
              ch.write(buffer);
            }
            return null;
          });
    }
  }

  /**
   * The complete lines of {@code file}, oldest first; an unfinished last line (a writer that died
   * mid-write) is left out. A missing file has no lines.
   */
  public static List<String> read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      String line = text.substring(start, nl);
      if (!line.isBlank()) {
        out.add(line);
      }
      start = nl + 1;
    }
    return out;
  }
}
