package io.pocketdock.internal.config;

/** A config file line that the subset codecs cannot read; carries the 1-based line number. */
public final class ConfigSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  /** A syntax error at {@code line} (1-based). */
  public ConfigSyntaxException(int line, String message) {
    super("line " + line + ": " + message);
    this.line = line;
  }

  /** The message given at construction: never null. */
  @Override
  public String getMessage() {
    String m = super.getMessage();
    return m != null ? m : "";
  }

  /** The 1-based line number. */
  public int line() {
    return line;
  }
}
