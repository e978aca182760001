package io.pocketdock.internal.json;

import java.util.Objects;

/**
 * A JSON string.
 *
 * @param value the decoded text, which may contain any UTF-16 code units including lone surrogates
 */
public record JsonString(String value) implements JsonValue {

  /** Rejects a null value. */
  public JsonString {
    Objects.requireNonNull(value, "value");
  }
}
