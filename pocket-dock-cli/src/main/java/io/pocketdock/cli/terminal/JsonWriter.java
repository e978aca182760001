package io.pocketdock.cli.terminal;

import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code --json} output: maps (in their iteration order) become objects, iterables become
 * arrays, strings are escaped per RFC 8259, and numbers that JSON cannot hold (NaN, infinities)
 * become {@code null}. Doubles always carry a fraction or exponent ({@code 0.0}, {@code 1.0E10}),
 * so typed readers see a float where the field is one. The output is one line and always valid UTF-8 text: a lone surrogate, which
 * has no UTF-8 form, is written as a {@code \\u} escape.
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  /**
   * The JSON text of a value: {@code null}, {@link Boolean}, {@link Number}, {@link CharSequence},
   * {@link Map} with string keys, or {@link Iterable}, nested freely.
   *
   * @throws IllegalArgumentException for any other type
   */
  public static String write(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      out.append(Double.isFinite(d) ? Double.toString(d) : "null");
    } else if (value instanceof Number n) {
      out.append(n);
    } else if (value instanceof CharSequence s) {
      string(out, s);
    } else if (value instanceof Map<?, ?> map) {
      object(out, map);
    } else if (value instanceof Iterable<?> items) {
      array(out, items);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException("JSON object keys must be strings: " + e.getKey());
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, key);
      out.append(':');
      append(out, e.getValue());
    }
    out.append('}');
  }

  private static void array(StringBuilder out, Iterable<?> items) {
    out.append('[');
    Iterator<?> it = items.iterator();
    while (it.hasNext()) {
      append(out, it.next());
      if (it.hasNext()) {
        out.append(',');
      }
    }
    out.append(']');
  }

  private static void string(StringBuilder out, CharSequence s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            escape(out, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            escape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void escape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
