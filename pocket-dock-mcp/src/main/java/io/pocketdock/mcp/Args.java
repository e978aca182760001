package io.pocketdock.mcp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A tool call's arguments, with typed getters that fail as {@link ToolError}s naming the field. */
final class Args {
  private final Map<String, Object> values;

  Args(@Nullable Map<String, Object> values) {
    this.values = values == null ? Map.of() : values;
  }

  String string(String name) {
    String v = optString(name);
    if (v == null || v.isEmpty()) {
      throw new ToolError("missing required argument '" + name + "'");
    }
    return v;
  }

  @Nullable String optString(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    throw new ToolError("argument '" + name + "' must be a string, got " + v);
  }

  String string(String name, String fallback) {
    String v = optString(name);
    return v == null ? fallback : v;
  }

  boolean bool(String name, boolean fallback) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw new ToolError("argument '" + name + "' must be true or false, got " + v);
  }

  @Nullable Long optLong(String name) {
    Object v = values.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw new ToolError("argument '" + name + "' must be an integer, got " + v);
  }

  long integer(String name, long fallback, long min, long max) {
    Long v = optLong(name);
    long value = v == null ? fallback : v;
    if (value < min || value > max) {
      throw new ToolError("argument '" + name + "' must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  Map<String, String> stringMap(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw new ToolError("argument '" + name + "' must be an object of strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw new ToolError("argument '" + name + "." + e.getKey() + "' must be a string");
      }
      out.put(String.valueOf(e.getKey()), s);
    }
    return out;
  }
}
