package io.pocketdock.cli;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failure the CLI itself detects (a refused confirmation, a missing setup script), printed like
 * an SDK error: one {@code error:} line, a {@code hint:} line, exit code 1.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String hint;

  /** An error with a message and an optional hint. */
  public CliException(String message, @Nullable String hint) {
    super(message);
    this.hint = hint;
  }

  /** What to do about it, when known. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}
