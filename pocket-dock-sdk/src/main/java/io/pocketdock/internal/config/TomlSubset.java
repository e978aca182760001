package io.pocketdock.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes and reads the TOML subset of {@code instance.toml}: top-level {@code key = value} lines
 * whose values are basic strings, integers, booleans or one-line arrays of strings; {@code #}
 * comments and blank lines. No tables: an instance record is flat. Values come back as {@link
 * String}, {@link Long}, {@link Boolean} or {@code List<String>}.
 */
public final class TomlSubset {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private TomlSubset() {}

  /** Writes {@code values} in map order, after a comment header ({@code #} added per line). */
  public static String write(String header, Map<String, ?> values) {
    StringBuilder b = new StringBuilder();
    for (String line : header.split("\n")) {
      b.append("# ").append(line).append('\n');
    }
    for (Map.Entry<String, ?> e : values.entrySet()) {
      if (!KEY.matcher(e.getKey()).matches()) {
        throw new IllegalArgumentException("invalid TOML key " + e.getKey());
      }
      b.append(e.getKey()).append(" = ").append(value(e.getValue())).append('\n');
    }
    return b.toString();
  }

  private static String value(Object v) {
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      for (Object o : list) {
        items.add(quote(String.valueOf(o)));
      }
      return "[" + String.join(", ", items) + "]";
    }
    throw new IllegalArgumentException("unsupported TOML value " + v.getClass());
  }

  /** A TOML basic string. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /**
   * Parses the subset.
   *
   * @throws ConfigSyntaxException naming the first line outside it
   */
  public static Map<String, Object> parse(String text) {
    Map<String, Object> out = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new ConfigSyntaxException(lineNo, "expected 'key = value'");
      }
      String key = line.substring(0, eq).strip();
      if (!KEY.matcher(key).matches()) {
        throw new ConfigSyntaxException(lineNo, "invalid key '" + key + "'");
      }
      if (out.containsKey(key)) {
        throw new ConfigSyntaxException(lineNo, "duplicate key '" + key + "'");
      }
      Cursor c = new Cursor(line, eq + 1, lineNo);
      out.put(key, c.value());
      c.end();
    }
    return out;
  }

  /** Reads one value from a line. */
  private static final class Cursor {
    private final String s;
    private final int line;
    private int pos;

    Cursor(String s, int pos, int line) {
      this.s = s;
      this.pos = pos;
      this.line = line;
    }

    Object value() {
      skipSpace();
      if (pos >= s.length()) {
        throw new ConfigSyntaxException(line, "missing value");
      }
      char c = s.charAt(pos);
      if (c == '"') {
        return string();
      }
      if (c == '[') {
        pos++;
        List<String> items = new ArrayList<>();
        skipSpace();
        while (pos < s.length() && s.charAt(pos) != ']') {
          if (s.charAt(pos) != '"') {
            throw new ConfigSyntaxException(line, "arrays hold only strings here");
          }
          items.add(string());
          skipSpace();
          if (pos < s.length() && s.charAt(pos) == ',') {
            pos++;
            skipSpace();
          }
        }
        if (pos >= s.length()) {
          throw new ConfigSyntaxException(line, "unterminated array");
        }
        pos++;
        return List.copyOf(items);
      }
      int start = pos;
      while (pos < s.length() && !Character.isWhitespace(s.charAt(pos)) && s.charAt(pos) != '#') {
        pos++;
      }
      String bare = s.substring(start, pos);
      if (bare.equals("true") || bare.equals("false")) {
        return Boolean.valueOf(bare);
      }
      try {
        return Long.valueOf(bare.replace("_", ""));
      } catch (NumberFormatException e) {
        throw new ConfigSyntaxException(line, "not a string, integer, boolean or array: '" + bare + "'");
      }
    }

    private String string() {
      StringBuilder b = new StringBuilder();
      for (pos++; pos < s.length(); pos++) {
        char c = s.charAt(pos);
        if (c == '"') {
          pos++;
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        if (++pos >= s.length()) {
          break;
        }
        char e = s.charAt(pos);
        switch (e) {
          case '"', '\\' -> b.append(e);
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'u' -> {
            if (pos + 4 >= s.length()) {
              throw new ConfigSyntaxException(line, "short \\u escape");
            }
            try {
              b.append((char) Integer.parseInt(s.substring(pos + 1, pos + 5), 16));
            } catch (NumberFormatException bad) {
              throw new ConfigSyntaxException(line, "bad \\u escape");
            }
            pos += 4;
          }
          default -> throw new ConfigSyntaxException(line, "unknown escape '\\" + e + "'");
        }
      }
      throw new ConfigSyntaxException(line, "unterminated string");
    }

    void end() {
      skipSpace();
      if (pos < s.length() && s.charAt(pos) != '#') {
        throw new ConfigSyntaxException(line, "unexpected text after the value: '" + s.substring(pos) + "'");
      }
    }

    private void skipSpace() {
      while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
        pos++;
      }
    }
  }
}
