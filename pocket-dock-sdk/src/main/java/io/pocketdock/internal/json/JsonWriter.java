package io.pocketdock.internal.json;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Serializes a {@link JsonValue} compactly, without insignificant whitespace. */
final class JsonWriter {

  /**
   * Beyond this scale a number is written in exponent form: the plain form of {@code 1e-999999}
   * would be a megabyte of zeros.
   */
  private static final int MAX_PLAIN_SCALE = 40;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  static String write(JsonValue value) {
    StringBuilder out = new StringBuilder(64);
    write(value, out, 0);
    return out.toString();
  }

  private static void write(JsonValue value, StringBuilder out, int depth) {
    // The tree is immutable and built by callers, so a cycle is impossible, but a deep tree from
    // code (not the parser) would still overflow the stack; fail clearly instead.
    if (depth > JsonReader.MAX_DEPTH) {
      throw new JsonException(
          "cannot write nesting deeper than " + JsonReader.MAX_DEPTH + " levels");
    }
    if (value instanceof JsonObject object) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(member.getKey(), out);
        out.append(':');
        write(member.getValue(), out, depth + 1);
      }
      out.append('}');
    } else if (value instanceof JsonArray array) {
      out.append('[');
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(array.get(i), out, depth + 1);
      }
      out.append(']');
    } else if (value instanceof JsonString string) {
      string(string.value(), out);
    } else if (value instanceof JsonNumber number) {
      out.append(number(number.value()));
    } else if (value instanceof JsonBoolean bool) {
      out.append(bool.value());
    } else {
      out.append("null");
    }
  }

  static String number(BigDecimal value) {
    // Plain form keeps integers free of exponent noise (100, not 1E+2); BigDecimal's toString is
    // valid JSON for the rest.
    int scale = value.scale();
    return scale >= -MAX_PLAIN_SCALE && scale <= MAX_PLAIN_SCALE
        ? value.toPlainString()
        : value.toString();
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    int runStart = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String escape = escape(s, i, c);
      if (escape != null) {
        out.append(s, runStart, i).append(escape);
        runStart = i + 1;
      } else if (Character.isHighSurrogate(c)) {
        i++; // a valid pair: skip its low half, which is copied with the run
      }
    }
    out.append(s, runStart, s.length()).append('"');
  }

  private static @Nullable String escape(String s, int i, char c) {
    switch (c) {
      case '"':
        return "\\\"";
      case '\\':
        return "\\\\";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      case '\b':
        return "\\b";
      case '\f':
        return "\\f";
      default:
        break;
    }
    boolean loneSurrogate =
        Character.isSurrogate(c)
            && !(Character.isHighSurrogate(c)
                && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1)));
    // Control characters must be escaped; a lone surrogate is escaped so that the output still
    // encodes to valid UTF-8; U+2028/2029 so the text is also safe to embed in JavaScript.
    if (c < 0x20 || loneSurrogate || c == '\u2028' || c == '\u2029') {
      return "\\u" + HEX[c >> 12] + HEX[(c >> 8) & 0xf] + HEX[(c >> 4) & 0xf] + HEX[c & 0xf];
    }
    return null;
  }
}
