package io.pocketdock.internal.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A recursive-descent parser for one JSON text, strict to RFC 8259.
 *
 * <p>Recursion is bounded by {@link #MAX_DEPTH}, so hostile nesting fails with a {@link
 * JsonException} long before the thread's stack runs out.
 */
final class JsonReader {

  /** The deepest nesting of arrays and objects accepted. */
  static final int MAX_DEPTH = 512;

  /**
   * The longest number literal accepted; RFC 8259 lets parsers limit precision, and {@link
   * BigDecimal} parsing is super-linear in the number of digits.
   */
  static final int MAX_NUMBER_LENGTH = 4096;

  private final String text;
  private int pos;
  private int depth;

  private JsonReader(String text) {
    this.text = text;
  }

  /** Parses a complete JSON text; anything but whitespace after the value is an error. */
  static JsonValue parse(String text) {
    JsonReader reader = new JsonReader(text);
    reader.skipWhitespace();
    JsonValue value = reader.value();
    reader.skipWhitespace();
    if (reader.pos < text.length()) {
      throw reader.error("unexpected " + reader.describe(reader.pos) + " after the JSON value");
    }
    return value;
  }

  private JsonValue value() {
    if (pos >= text.length()) {
      throw error("unexpected end of input, expected a value");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return new JsonString(string());
      case 't':
        literal("true");
        return JsonBoolean.TRUE;
      case 'f':
        literal("false");
        return JsonBoolean.FALSE;
      case 'n':
        literal("null");
        return JsonNull.INSTANCE;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected " + describe(pos) + ", expected a value");
    }
  }

  private JsonObject object() {
    enter();
    pos++; // '{'
    LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return new JsonObject(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("unexpected " + describe(pos) + ", expected a member name");
      }
      int keyStart = pos;
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      JsonValue value = value();
      if (members.putIfAbsent(key, value) != null) {
        pos = keyStart;
        throw error("duplicate member name \"" + key + "\"");
      }
      skipWhitespace();
      if (peek() == ',') {
        pos++;
      } else if (peek() == '}') {
        pos++;
        depth--;
        return new JsonObject(members);
      } else {
        throw error("unexpected " + describe(pos) + ", expected ',' or '}'");
      }
    }
  }

  private JsonArray array() {
    enter();
    pos++; // '['
    List<JsonValue> values = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return new JsonArray(values);
    }
    while (true) {
      skipWhitespace();
      values.add(value());
      skipWhitespace();
      if (peek() == ',') {
        pos++;
      } else if (peek() == ']') {
        pos++;
        depth--;
        return new JsonArray(values);
      } else {
        throw error("unexpected " + describe(pos) + ", expected ',' or ']'");
      }
    }
  }

  private String string() {
    pos++; // opening quote
    int start = pos;
    // Fast path: most strings have no escapes and can be cut out of the input directly.
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        return text.substring(start, pos++);
      }
      if (c == '\\' || c < 0x20) {
        break;
      }
      pos++;
    }
    StringBuilder out = new StringBuilder(pos - start + 16).append(text, start, pos);
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return out.toString();
      } else if (c == '\\') {
        escape(out);
      } else if (c < 0x20) {
        throw error("unescaped control character " + describe(pos) + " in string");
      } else {
        out.append(c);
        pos++;
      }
    }
    throw error("unterminated string");
  }

  private void escape(StringBuilder out) {
    pos++; // backslash
    if (pos >= text.length()) {
      throw error("unterminated string");
    }
    char c = text.charAt(pos++);
    switch (c) {
      case '"', '\\', '/' -> out.append(c);
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'u' -> out.append(hexEscape());
      default -> {
        pos--;
        throw error("invalid escape \\" + describe(pos));
      }
    }
  }

  private char hexEscape() {
    if (pos + 4 > text.length()) {
      throw error("truncated \\u escape");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = hexDigit(text.charAt(pos));
      if (digit < 0) {
        throw error("invalid hex digit " + describe(pos) + " in \\u escape");
      }
      code = code * 16 + digit;
      pos++;
    }
    // Lone surrogates are kept, as most parsers do; the writer escapes them again on output.
    return (char) code;
  }

  /** Returns the value of an ASCII hex digit, or -1; {@link Character#digit} accepts too much. */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    } else if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private JsonNumber number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
      if (isDigit(peek())) {
        throw error("leading zero in number");
      }
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("unexpected " + describe(pos) + ", expected a digit");
    }
    if (peek() == '.') {
      pos++;
      requireDigit("after decimal point");
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      requireDigit("in exponent");
      digits();
    }
    if (pos - start > MAX_NUMBER_LENGTH) {
      pos = start;
      throw error("number longer than " + MAX_NUMBER_LENGTH + " characters");
    }
    try {
      return new JsonNumber(new BigDecimal(text.substring(start, pos)));
    } catch (NumberFormatException e) {
      pos = start;
      throw error("number out of range");
    }
  }

  private void requireDigit(String where) {
    if (!isDigit(peek())) {
      throw error("unexpected " + describe(pos) + ", expected a digit " + where);
    }
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private void literal(String word) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected " + describe(pos) + ", expected a value");
    }
    pos += word.length();
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("unexpected " + describe(pos) + ", expected '" + c + "'");
    }
    pos++;
  }

  /** Returns the current character, or -1 at the end of input. */
  private int peek() {
    return pos < text.length() ? text.charAt(pos) : -1;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private String describe(int at) {
    if (at >= text.length()) {
      return "end of input";
    }
    char c = text.charAt(at);
    if (c >= 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return String.format("character U+%04X", (int) c);
  }

  private JsonException error(String message) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(pos, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new JsonException(message, pos, line, pos - lineStart + 1);
  }
}
