package io.pocketdock.internal.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link JsonObject} member by member, keeping insertion order.
 *
 * <p>Putting a key twice replaces its value but keeps its first position, like {@link
 * java.util.LinkedHashMap}.
 */
public final class JsonObjectBuilder {

  private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

  JsonObjectBuilder() {}

  /**
   * Adds a member.
   *
   * @param key the member name
   * @param value the value; use {@link JsonNull#INSTANCE} for an explicit null
   * @return this builder
   */
  public JsonObjectBuilder put(String key, JsonValue value) {
    members.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Adds a string member.
   *
   * @param key the member name
   * @param value the string
   * @return this builder
   */
  public JsonObjectBuilder put(String key, String value) {
    return put(key, new JsonString(value));
  }

  /**
   * Adds an integer member.
   *
   * @param key the member name
   * @param value the integer
   * @return this builder
   */
  public JsonObjectBuilder put(String key, long value) {
    return put(key, JsonNumber.of(value));
  }

  /**
   * Adds a numeric member.
   *
   * @param key the member name
   * @param value a finite double
   * @return this builder
   */
  public JsonObjectBuilder put(String key, double value) {
    return put(key, JsonNumber.of(value));
  }

  /**
   * Adds a boolean member.
   *
   * @param key the member name
   * @param value the boolean
   * @return this builder
   */
  public JsonObjectBuilder put(String key, boolean value) {
    return put(key, JsonBoolean.of(value));
  }

  /**
   * Adds an array-of-strings member.
   *
   * @param key the member name
   * @param values the strings
   * @return this builder
   */
  public JsonObjectBuilder put(String key, List<String> values) {
    return put(key, JsonArray.ofStrings(values));
  }

  /**
   * Adds a string member unless the value is null, for optional request fields.
   *
   * @param key the member name
   * @param value the string, or {@code null} to add nothing
   * @return this builder
   */
  public JsonObjectBuilder putIfNotNull(String key, @Nullable String value) {
    return value == null ? this : put(key, value);
  }

  /**
   * Adds a member unless the value is null, for optional request fields.
   *
   * @param key the member name
   * @param value the value, or {@code null} to add nothing
   * @return this builder
   */
  public JsonObjectBuilder putIfNotNull(String key, @Nullable JsonValue value) {
    return value == null ? this : put(key, value);
  }

  /**
   * Returns the object built so far; the builder can go on being used.
   *
   * @return an immutable object
   */
  public JsonObject build() {
    return new JsonObject(members);
  }
}
