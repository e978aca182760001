package io.pocketdock.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An immutable query string, built parameter by parameter with RFC 3986 percent-encoding.
 *
 * <p>{@code Query.of().add("all", true).add("filters", json)} renders as {@code
 * ?all=true&filters=...}; an empty query renders as the empty string, so it can always be appended
 * to a path.
 */
public final class Query {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final Query EMPTY = new Query(List.of());

  private final List<String> pairs;

  private Query(List<String> pairs) {
    this.pairs = pairs;
  }

  /**
   * Returns the empty query.
   *
   * @return a query without parameters
   */
  public static Query of() {
    return EMPTY;
  }

  /**
   * Returns a copy with a parameter added.
   *
   * @param name the parameter name
   * @param value the value
   * @return the new query
   */
  public Query add(String name, String value) {
    List<String> copy = new ArrayList<>(pairs.size() + 1);
    copy.addAll(pairs);
    copy.add(encode(name) + "=" + encode(value));
    return new Query(List.copyOf(copy));
  }

  /**
   * Returns a copy with a numeric parameter added.
   *
   * @param name the parameter name
   * @param value the value
   * @return the new query
   */
  public Query add(String name, long value) {
    return add(name, Long.toString(value));
  }

  /**
   * Returns a copy with a boolean parameter added, as {@code true} or {@code false}.
   *
   * @param name the parameter name
   * @param value the value
   * @return the new query
   */
  public Query add(String name, boolean value) {
    return add(name, Boolean.toString(value));
  }

  /**
   * Returns a copy with a parameter added, or this query when the value is null.
   *
   * @param name the parameter name
   * @param value the value, or {@code null} to add nothing
   * @return the resulting query
   */
  public Query addIfNotNull(String name, @Nullable String value) {
    return value == null ? this : add(name, value);
  }

  /**
   * Percent-encodes a string for use as a query component or a path segment: everything but RFC
   * 3986 unreserved characters is encoded as UTF-8 bytes.
   *
   * @param component the raw text
   * @return the encoded text
   */
  public static String encode(String component) {
    byte[] bytes = component.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * Renders the query for appending to a path.
   *
   * @return {@code ""} when empty, otherwise {@code "?"} followed by the encoded parameters
   */
  @Override
  public String toString() {
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }
}
