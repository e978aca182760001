package io.pocketdock.internal.json;

/**
 * One JSON value: an object, array, string, number, boolean or {@code null}.
 *
 * <p>The interface is sealed so that a {@code switch} over a value is exhaustive.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /**
   * Names this value's kind for error messages, e.g. {@code "string"} or {@code "object"}.
   *
   * @return a lower-case JSON type name
   */
  default String typeName() {
    if (this instanceof JsonObject) {
      return "object";
    } else if (this instanceof JsonArray) {
      return "array";
    } else if (this instanceof JsonString) {
      return "string";
    } else if (this instanceof JsonNumber) {
      return "number";
    } else if (this instanceof JsonBoolean) {
      return "boolean";
    }
    return "null";
  }
}
