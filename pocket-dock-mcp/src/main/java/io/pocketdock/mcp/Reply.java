package io.pocketdock.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.pocketdock.ExecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool's successful answer: a JSON object (sent as text and as structured content) and optional
 * extra content blocks such as images.
 *
 * @param body the answer's fields, in order
 * @param extra further content blocks (e.g. a PNG the model can look at)
 */
record Reply(Map<String, Object> body, List<McpSchema.Content> extra) {

  Reply {
    body = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body));
    extra = List.copyOf(extra);
  }

  static Reply of(Map<String, Object> body) {
    return new Reply(body, List.of());
  }

  /** A finished command, each stream clipped to {@code cap} bytes (head and tail). */
  static Map<String, Object> exec(ExecResult r, int cap) {
    Clip.Clipped out = Clip.of(r.stdout(), cap);
    Clip.Clipped err = Clip.of(r.stderr(), cap);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("exit_code", r.exitCode());
    m.put("stdout", out.text());
    m.put("stderr", err.text());
    m.put("timed_out", r.timedOut());
    m.put("truncated", r.truncated() || out.cut() || err.cut());
    m.put("output_cap_bytes", cap);
    m.put("duration_ms", r.durationMs());
    return m;
  }

  /** A mutable ordered map, for building bodies. */
  static Map<String, Object> fields() {
    return new LinkedHashMap<>();
  }

  static List<McpSchema.Content> none() {
    return new ArrayList<>();
  }
}
