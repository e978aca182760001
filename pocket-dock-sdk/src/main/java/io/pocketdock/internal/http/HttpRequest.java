package io.pocketdock.internal.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP request to the engine.
 *
 * <p>The transport adds {@code Host: localhost}, the body's {@code Content-Length} or {@code
 * Transfer-Encoding}, {@code Content-Type} unless given here, and {@code Connection: close} unless
 * a {@code Connection} header is given here (exec and attach send {@code Connection: Upgrade} and
 * {@code Upgrade: tcp}). Values are validated up front, so a container name can never inject a
 * header line.
 *
 * @param method the method, e.g. {@code GET}
 * @param pathAndQuery the origin-form target, e.g. {@code /v1.41/containers/json?all=true}; build
 *     the query with {@link Query}
 * @param headers extra headers in sending order; copied and unmodifiable
 * @param body the body
 */
public record HttpRequest(
    String method, String pathAndQuery, Map<String, String> headers, Body body) {

  /** Headers that only the transport may set, because they frame the message. */
  private static final Set<String> RESERVED = Set.of("host", "content-length", "transfer-encoding");

  /** Validates every component and copies the headers. */
  public HttpRequest {
    if (!HttpSyntax.isToken(method)) {
      throw new IllegalArgumentException("invalid HTTP method: " + method);
    }
    if (!pathAndQuery.startsWith("/") || !HttpSyntax.isVisibleAscii(pathAndQuery)) {
      throw new IllegalArgumentException(
          "request target must start with '/' and be visible ASCII (percent-encode the rest): "
              + pathAndQuery);
    }
    LinkedHashMap<String, String> copy = new LinkedHashMap<>();
    headers.forEach(
        (name, value) -> {
          checkHeader(name, value);
          copy.put(name, value);
        });
    headers = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(body, "body");
  }

  /**
   * Returns a {@code GET} request.
   *
   * @param pathAndQuery the target
   * @return the request
   */
  public static HttpRequest get(String pathAndQuery) {
    return new HttpRequest("GET", pathAndQuery, Map.of(), Body.none());
  }

  /**
   * Returns a {@code HEAD} request.
   *
   * @param pathAndQuery the target
   * @return the request
   */
  public static HttpRequest head(String pathAndQuery) {
    return new HttpRequest("HEAD", pathAndQuery, Map.of(), Body.none());
  }

  /**
   * Returns a {@code POST} request.
   *
   * @param pathAndQuery the target
   * @param body the body, or {@link Body#none()}
   * @return the request
   */
  public static HttpRequest post(String pathAndQuery, Body body) {
    return new HttpRequest("POST", pathAndQuery, Map.of(), body);
  }

  /**
   * Returns a {@code PUT} request, as used to upload an archive into a container.
   *
   * @param pathAndQuery the target
   * @param body the body
   * @return the request
   */
  public static HttpRequest put(String pathAndQuery, Body body) {
    return new HttpRequest("PUT", pathAndQuery, Map.of(), body);
  }

  /**
   * Returns a {@code DELETE} request.
   *
   * @param pathAndQuery the target
   * @return the request
   */
  public static HttpRequest delete(String pathAndQuery) {
    return new HttpRequest("DELETE", pathAndQuery, Map.of(), Body.none());
  }

  /**
   * Returns a copy with a header set, replacing any header of the same name in any case.
   *
   * @param name the header name
   * @param value the value
   * @return the new request
   */
  public HttpRequest withHeader(String name, String value) {
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
    copy.put(name, value);
    return new HttpRequest(method, pathAndQuery, copy, body);
  }

  /** Returns a header's value, ignoring the case of its name. */
  @org.jspecify.annotations.Nullable
  String header(String name) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }

  /** Tells whether the request asks to take over the connection, as exec and attach do. */
  boolean asksForUpgrade() {
    return header("Upgrade") != null;
  }

  /** Describes the request for messages, without the query, which may hold long filters. */
  String describe() {
    int query = pathAndQuery.indexOf('?');
    return method + " " + (query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
  }

  private static void checkHeader(String name, String value) {
    if (!HttpSyntax.isToken(name)) {
      throw new IllegalArgumentException("invalid header name: " + name);
    }
    if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(name + " is set by the transport");
    }
    if (!HttpSyntax.isFieldValue(value)) {
      throw new IllegalArgumentException("invalid value for header " + name);
    }
  }
}
