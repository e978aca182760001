package io.pocketdock.internal.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object whose members keep their insertion order.
 *
 * <p>The accessors treat a missing member and a member whose value is JSON {@code null} alike,
 * because the engine API uses both for "absent". A member of the wrong type is an error naming the
 * key rather than a silent fallback, so that a changed API shows up loudly.
 *
 * @param members the members; copied and unmodifiable
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {

  private static final JsonObject EMPTY = new JsonObject(Map.of());

  /** Copies the members, keeping their order and rejecting null keys or values. */
  public JsonObject {
    LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(members.size() * 2);
    members.forEach(
        (key, value) ->
            copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key)));
    members = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns an object without members.
   *
   * @return the empty object
   */
  public static JsonObject empty() {
    return EMPTY;
  }

  /**
   * Starts building an object.
   *
   * @return a new builder
   */
  public static JsonObjectBuilder builder() {
    return new JsonObjectBuilder();
  }

  /**
   * Returns a member's value.
   *
   * @param key the member name
   * @return the value, or empty when the member is missing or JSON {@code null}
   */
  public Optional<JsonValue> get(String key) {
    JsonValue value = members.get(key);
    return value == null || value == JsonNull.INSTANCE ? Optional.empty() : Optional.of(value);
  }

  /**
   * Tells whether a member is present with a non-null value.
   *
   * @param key the member name
   * @return {@code true} when {@link #get(String)} would return a value
   */
  public boolean has(String key) {
    return get(key).isPresent();
  }

  /**
   * Returns a string member.
   *
   * @param key the member name
   * @param fallback returned when the member is missing or null
   * @return the string
   * @throws JsonException if the member is not a string
   */
  public String string(String key, String fallback) {
    String value = stringOrNull(key);
    return value == null ? fallback : value;
  }

  /**
   * Returns a string member, or null.
   *
   * @param key the member name
   * @return the string, or {@code null} when the member is missing or null
   * @throws JsonException if the member is not a string
   */
  public @Nullable String stringOrNull(String key) {
    return get(key).map(value -> expect(key, value, JsonString.class).value()).orElse(null);
  }

  /**
   * Returns an integer member.
   *
   * @param key the member name
   * @param fallback returned when the member is missing or null
   * @return the integer
   * @throws JsonException if the member is not a number that fits in a {@code long}
   */
  public long longValue(String key, long fallback) {
    Optional<JsonValue> value = get(key);
    if (value.isEmpty()) {
      return fallback;
    }
    JsonNumber number = expect(key, value.get(), JsonNumber.class);
    try {
      return number.longValue();
    } catch (JsonException e) {
      throw new JsonException("member \"" + key + "\": " + e.getMessage());
    }
  }

  /**
   * Returns a numeric member as a double.
   *
   * @param key the member name
   * @param fallback returned when the member is missing or null
   * @return the number
   * @throws JsonException if the member is not a number
   */
  public double doubleValue(String key, double fallback) {
    return get(key)
        .map(value -> expect(key, value, JsonNumber.class).doubleValue())
        .orElse(fallback);
  }

  /**
   * Returns a boolean member.
   *
   * @param key the member name
   * @param fallback returned when the member is missing or null
   * @return the boolean
   * @throws JsonException if the member is not a boolean
   */
  public boolean bool(String key, boolean fallback) {
    return get(key).map(value -> expect(key, value, JsonBoolean.class).value()).orElse(fallback);
  }

  /**
   * Returns an object member.
   *
   * @param key the member name
   * @return the object, or an empty object when the member is missing or null
   * @throws JsonException if the member is not an object
   */
  public JsonObject object(String key) {
    return get(key).map(value -> expect(key, value, JsonObject.class)).orElse(EMPTY);
  }

  /**
   * Returns an array member.
   *
   * @param key the member name
   * @return the array, or an empty array when the member is missing or null
   * @throws JsonException if the member is not an array
   */
  public JsonArray array(String key) {
    return get(key).map(value -> expect(key, value, JsonArray.class)).orElseGet(JsonArray::of);
  }

  private static <T extends JsonValue> T expect(String key, JsonValue value, Class<T> type) {
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    String wanted = type.getSimpleName().substring("Json".length()).toLowerCase(Locale.ROOT);
    throw new JsonException(
        "member \"" + key + "\" has type " + value.typeName() + ", expected " + wanted);
  }
}
