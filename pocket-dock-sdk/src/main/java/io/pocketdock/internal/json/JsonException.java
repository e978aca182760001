package io.pocketdock.internal.json;

/**
 * Malformed JSON, or a value of the wrong type where a caller expected another.
 *
 * <p>Parse errors carry the position of the offending character; {@link #offset()} is {@code -1}
 * for errors that do not come from parsing.
 */
public final class JsonException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int offset;
  private final int line;
  private final int column;

  /**
   * Creates an error without a position, e.g. for a type mismatch in an accessor.
   *
   * @param message what went wrong
   */
  public JsonException(String message) {
    super(message);
    this.offset = -1;
    this.line = -1;
    this.column = -1;
  }

  /**
   * Creates a parse error at a position in the input.
   *
   * @param message what went wrong
   * @param offset zero-based character (or, for invalid UTF-8, byte) offset
   * @param line one-based line
   * @param column one-based column
   */
  public JsonException(String message, int offset, int line, int column) {
    super(message + " at line " + line + ", column " + column + " (offset " + offset + ")");
    this.offset = offset;
    this.line = line;
    this.column = column;
  }

  /**
   * Returns where parsing failed.
   *
   * @return the zero-based offset, or {@code -1} when this is not a parse error
   */
  public int offset() {
    return offset;
  }

  /**
   * Returns the line where parsing failed.
   *
   * @return the one-based line, or {@code -1} when this is not a parse error
   */
  public int line() {
    return line;
  }

  /**
   * Returns the column where parsing failed.
   *
   * @return the one-based column, or {@code -1} when this is not a parse error
   */
  public int column() {
    return column;
  }
}
