package io.pocketdock;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A project file ({@code .pocket-dock/pocket-dock.yaml}, an {@code instance.toml}) is malformed or
 * holds a bad value. The message and {@link #line()} name the file and line.
 */
public final class ConfigException extends PocketDockException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  private ConfigException(String operation, Path file, int line, String message, @Nullable String hint) {
    super(operation, null, file + (line > 0 ? ":" + line : "") + ": " + message, hint, null);
    this.file = file.toString();
    this.line = line;
  }

  /**
   * The error for {@code file} at {@code line} (1-based; 0 when it is about the file as a whole).
   */
  public static ConfigException of(
      String operation, Path file, int line, String message, @Nullable String hint) {
    return new ConfigException(operation, file, line, message, hint);
  }

  /** The file that is malformed. */
  public Path file() {
    return Path.of(file);
  }

  /** The 1-based line, or empty when the error is about the whole file. */
  public Optional<Integer> line() {
    return line > 0 ? Optional.of(line) : Optional.empty();
  }
}
