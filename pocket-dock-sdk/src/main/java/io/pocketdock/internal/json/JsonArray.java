package io.pocketdock.internal.json;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON array.
 *
 * @param values the elements, in order; copied and unmodifiable
 */
public record JsonArray(List<JsonValue> values) implements JsonValue {

  private static final JsonArray EMPTY = new JsonArray(List.of());

  /** Copies the elements, rejecting null ones (use {@link JsonNull#INSTANCE}). */
  public JsonArray {
    values = List.copyOf(values);
  }

  /**
   * Returns an array of the given elements.
   *
   * @param values the elements
   * @return the array
   */
  public static JsonArray of(JsonValue... values) {
    return values.length == 0 ? EMPTY : new JsonArray(List.of(values));
  }

  /**
   * Returns an array of strings, e.g. for a command line or an environment list.
   *
   * @param strings the strings
   * @return the array
   */
  public static JsonArray ofStrings(List<String> strings) {
    List<JsonValue> values = new ArrayList<>(strings.size());
    for (String s : strings) {
      values.add(new JsonString(s));
    }
    return new JsonArray(values);
  }

  /**
   * Returns the number of elements.
   *
   * @return the size
   */
  public int size() {
    return values.size();
  }

  /**
   * Returns one element.
   *
   * @param index zero-based index
   * @return the element
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public JsonValue get(int index) {
    return values.get(index);
  }

  /**
   * Returns the elements as strings; JSON {@code null} elements are skipped.
   *
   * @return the strings, in order
   * @throws JsonException if an element is neither a string nor null
   */
  public List<String> strings() {
    List<String> result = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      JsonValue value = values.get(i);
      if (value instanceof JsonString string) {
        result.add(string.value());
      } else if (value != JsonNull.INSTANCE) {
        throw new JsonException(
            "element " + i + " has type " + value.typeName() + ", expected string");
      }
    }
    return List.copyOf(result);
  }

  /**
   * Returns the elements as objects; JSON {@code null} elements are skipped.
   *
   * @return the objects, in order
   * @throws JsonException if an element is neither an object nor null
   */
  public List<JsonObject> objects() {
    List<JsonObject> result = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      JsonValue value = values.get(i);
      if (value instanceof JsonObject object) {
        result.add(object);
      } else if (value != JsonNull.INSTANCE) {
        throw new JsonException(
            "element " + i + " has type " + value.typeName() + ", expected object");
      }
    }
    return List.copyOf(result);
  }
}
