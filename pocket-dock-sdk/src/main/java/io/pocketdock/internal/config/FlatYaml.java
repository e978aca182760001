package io.pocketdock.internal.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the flat YAML subset that {@code pocket-dock.yaml} uses: one {@code key: value} per line,
 * blank lines, {@code #} comments (whole-line or after a value), plain scalars, and single- or
 * double-quoted strings. Anything else (nesting, lists, anchors, multi-line strings) is reported
 * with its line number rather than guessed at: a config file that means something other than what
 * it says is worse than one that is refused.
 */
public final class FlatYaml {
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private FlatYaml() {}

  /** One value and the line it came from. */
  public record Entry(String value, int line) {}

  /**
   * Parses {@code text} into keys in file order.
   *
   * @throws ConfigSyntaxException naming the first line that is not in the subset
   */
  public static Map<String, Entry> parse(String text) {
    Map<String, Entry> out = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String raw = lines[i];
      String trimmed = raw.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || (lineNo == 1 && trimmed.equals("---"))) {
        continue;
      }
      if (raw.charAt(0) == ' ' || raw.charAt(0) == '\t') {
        throw new ConfigSyntaxException(lineNo, "indented line: nested values are not supported");
      }
      int colon = raw.indexOf(':');
      if (colon < 0) {
        throw new ConfigSyntaxException(lineNo, "expected 'key: value', got '" + trimmed + "'");
      }
      String key = raw.substring(0, colon).strip();
      if (!KEY.matcher(key).matches()) {
        throw new ConfigSyntaxException(lineNo, "invalid key '" + key + "'");
      }
      String rest = raw.substring(colon + 1);
      if (!rest.isEmpty() && rest.charAt(0) != ' ' && rest.charAt(0) != '\t') {
        throw new ConfigSyntaxException(lineNo, "expected a space after ':'");
      }
      if (out.containsKey(key)) {
        throw new ConfigSyntaxException(
            lineNo, "duplicate key '" + key + "' (first on line " + out.get(key).line() + ")");
      }
      out.put(key, new Entry(scalar(rest.strip(), lineNo), lineNo));
    }
    return out;
  }

  private static String scalar(String s, int line) {
    if (s.isEmpty() || s.startsWith("#")) {
      return "";
    }
    char first = s.charAt(0);
    if (first == '"' || first == '\'') {
      StringBuilder value = new StringBuilder();
      int end = first == '"' ? doubleQuoted(s, value, line) : singleQuoted(s, value, line);
      String after = s.substring(end + 1).strip();
      if (!after.isEmpty() && !after.startsWith("#")) {
        throw new ConfigSyntaxException(line, "unexpected text after the closing quote: '" + after + "'");
      }
      return value.toString();
    }
    if ("[{&*!|>%@`".indexOf(first) >= 0 || s.equals("-") || s.startsWith("- ")) {
      throw new ConfigSyntaxException(
          line, "'" + first + "' starts a YAML construct that is not supported here; quote the value");
    }
    int comment = s.indexOf(" #");
    String plain = (comment >= 0 ? s.substring(0, comment) : s).strip();
    if (plain.contains(": ")) {
      throw new ConfigSyntaxException(line, "nested mapping in a value; quote the value");
    }
    return plain;
  }

  /** Reads a double-quoted string starting at 0; returns the index of the closing quote. */
  private static int doubleQuoted(String s, StringBuilder out, int line) {
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= s.length()) {
        break;
      }
      char e = s.charAt(i);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '0' -> out.append('\0');
        default -> throw new ConfigSyntaxException(line, "unknown escape '\\" + e + "'");
      }
    }
    throw new ConfigSyntaxException(line, "unterminated double-quoted string");
  }

  /** Reads a single-quoted string ({@code ''} is a quote); returns the closing quote's index. */
  private static int singleQuoted(String s, StringBuilder out, int line) {
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
          out.append('\'');
          i++;
          continue;
        }
        return i;
      }
      out.append(c);
    }
    throw new ConfigSyntaxException(line, "unterminated single-quoted string");
  }

  /** Writes {@code value} as a double-quoted YAML scalar that {@link #parse} reads back. */
  public static String quote(String value) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
