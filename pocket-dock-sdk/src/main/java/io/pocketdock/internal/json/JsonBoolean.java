package io.pocketdock.internal.json;

/**
 * A JSON {@code true} or {@code false}.
 *
 * @param value the boolean
 */
public record JsonBoolean(boolean value) implements JsonValue {

  /** The JSON literal {@code true}. */
  public static final JsonBoolean TRUE = new JsonBoolean(true);

  /** The JSON literal {@code false}. */
  public static final JsonBoolean FALSE = new JsonBoolean(false);

  /**
   * Returns the shared instance for a boolean.
   *
   * @param value the boolean
   * @return {@link #TRUE} or {@link #FALSE}
   */
  public static JsonBoolean of(boolean value) {
    return value ? TRUE : FALSE;
  }
}
