package io.pocketdock.internal.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed status line and header section.
 *
 * @param status the status code, 100 to 599
 * @param reason the reason phrase, possibly empty
 * @param headers the header fields by case-insensitive name, each with its values in order
 */
record ResponseHead(int status, String reason, Map<String, List<String>> headers) {

  /** The most bytes a status line and its headers may take together. */
  static final int MAX_HEAD_BYTES = 64 * 1024;

  /** The most header (or trailer) fields accepted. */
  static final int MAX_FIELDS = 100;

  /** Reads a head, skipping interim 1xx responses other than 101 Switching Protocols. */
  static ResponseHead read(ConnectionInput in) throws IOException {
    while (true) {
      String statusLine = in.readLine(MAX_HEAD_BYTES, "status");
      if (statusLine == null) {
        throw new HttpProtocolException("the engine closed the connection without responding");
      }
      int status = parseStatus(statusLine);
      String reason = statusLine.length() > 13 ? statusLine.substring(13) : "";
      Map<String, List<String>> headers =
          readFields(in, MAX_HEAD_BYTES - statusLine.length() - 2, "header");
      if (status >= 200 || status == 101) {
        return new ResponseHead(status, reason, headers);
      }
    }
  }

  /**
   * Reads header or trailer fields up to the empty line that ends them.
   *
   * @param budget the bytes the fields and the empty line may take
   */
  static Map<String, List<String>> readFields(ConnectionInput in, int budget, String what)
      throws IOException {
    TreeMap<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    int count = 0;
    int left = budget;
    while (true) {
      String line = in.readLine(Math.max(0, left), what);
      if (line == null) {
        throw new HttpProtocolException("connection closed inside the " + what + "s");
      }
      if (line.isEmpty()) {
        break;
      }
      left -= line.length() + 2;
      if (++count > MAX_FIELDS) {
        throw new HttpProtocolException("more than " + MAX_FIELDS + " " + what + " fields");
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon);
      if (!HttpSyntax.isToken(name)) {
        throw new HttpProtocolException("malformed " + what + " line: " + printable(line));
      }
      String value = trimOws(line.substring(colon + 1));
      if (!HttpSyntax.isFieldValue(value)) {
        throw new HttpProtocolException("control character in " + what + " " + name);
      }
      fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
    }
    fields.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(fields);
  }

  /** Trims optional whitespace (spaces and tabs only; other characters are for validation). */
  private static String trimOws(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(start, end);
  }

  private static int parseStatus(String line) throws HttpProtocolException {
    // "HTTP/1.x SSS" optionally followed by " reason"; HTTP/1.0 servers are accepted too.
    boolean valid =
        line.length() >= 12
            && line.startsWith("HTTP/1.")
            && isDigit(line.charAt(7))
            && line.charAt(8) == ' '
            && isDigit(line.charAt(9))
            && isDigit(line.charAt(10))
            && isDigit(line.charAt(11))
            && (line.length() == 12 || line.charAt(12) == ' ');
    int status = valid ? Integer.parseInt(line.substring(9, 12)) : 0;
    if (status < 100 || status > 599) {
      throw new HttpProtocolException("malformed status line: " + printable(line));
    }
    return status;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Shortens and sanitizes peer text for an error message. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 80; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return "\"" + out + (text.length() > 80 ? "...\"" : "\"");
  }
}
