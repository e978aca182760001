package io.pocketdock.mcp;

import org.jspecify.annotations.Nullable;

/**
 * A tool call the model can fix: bad arguments, an unknown id, a limit reached. It comes back as
 * a tool result with {@code isError: true}, never as a protocol error, so the model reads it.
 */
final class ToolError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String hint;

  ToolError(String message, @Nullable String hint) {
    super(message);
    this.hint = hint;
  }

  ToolError(String message) {
    this(message, null);
  }

  @Nullable String hint() {
    return hint;
  }
}
