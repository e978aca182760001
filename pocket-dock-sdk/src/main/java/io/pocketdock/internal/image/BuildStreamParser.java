package io.pocketdock.internal.image;

import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the JSON lines of {@code POST /build} (and of import and load) into {@link BuildEvent}s.
 * Both engines send {@code {"stream": text}}, whose text may hold several lines or half of one;
 * Docker writes steps as {@code Step 2/5 : RUN ...} and cache hits as {@code ---> Using cache},
 * Podman as {@code [1/2] STEP 2/5: RUN ...} and {@code --> Using cache ...}. A failure is a line
 * with {@code error} (and {@code errorDetail}) on both, while the HTTP status stays 200.
 */
public final class BuildStreamParser {
  private static final Pattern DOCKER_STEP = Pattern.compile("^Step (\\d+)/(\\d+) ?: ?(.*)$");
  private static final Pattern PODMAN_STEP =
      Pattern.compile("^(?:\\[(\\d+)/(\\d+)\\] )?STEP (\\d+)/(\\d+): ?(.*)$");
  private static final Pattern BUILT = Pattern.compile("^Successfully built ([0-9a-f]{12,64})$");

  private final StringBuilder partial = new StringBuilder();
  private final List<BuildEvent> out = new ArrayList<>();

  /** Parses one line of the response; returns the events it holds, in order. */
  public List<BuildEvent> accept(String jsonLine) {
    out.clear();
    String trimmed = jsonLine.strip();
    if (trimmed.isEmpty()) {
      return List.of();
    }
    JsonObject m;
    try {
      m = Json.parse(trimmed) instanceof JsonObject o ? o : JsonObject.empty();
    } catch (RuntimeException notJson) {
      text(trimmed + "\n");
      return List.copyOf(out);
    }
    String error = m.stringOrNull("error");
    if (error == null && m.has("errorDetail")) {
      error = m.object("errorDetail").string("message", "build failed");
    }
    if (m.has("stream")) {
      text(m.string("stream", ""));
    } else if (m.has("status") && !m.has("progress")) {
      text(m.string("status", "") + "\n");
    }
    if (m.has("aux")) {
      String id = m.object("aux").string("ID", "");
      if (!id.isEmpty()) {
        out.add(new BuildEvent.Built(id));
      }
    }
    if (error != null) {
      flush();
      out.add(new BuildEvent.Failure(error.strip()));
    }
    return List.copyOf(out);
  }

  /** Emits what is left of an unterminated line at the end of the stream. */
  public List<BuildEvent> finish() {
    out.clear();
    flush();
    return List.copyOf(out);
  }

  private void text(String s) {
    partial.append(s);
    int nl;
    while ((nl = partial.indexOf("\n")) >= 0) {
      String line = partial.substring(0, nl);
      partial.delete(0, nl + 1);
      line(line);
    }
  }

  private void flush() {
    if (partial.length() > 0) {
      String rest = partial.toString();
      partial.setLength(0);
      line(rest);
    }
  }

  private void line(String raw) {
    // Carriage returns come from apt's progress and from Docker's \r\n inside a stream chunk.
    String line = raw.replace("\r", "").stripTrailing();
    if (line.isBlank()) {
      return;
    }
    Matcher d = DOCKER_STEP.matcher(line);
    Matcher p = PODMAN_STEP.matcher(line);
    if (d.matches()) {
      out.add(new BuildEvent.Step(1, 1, num(d.group(1)), num(d.group(2)), d.group(3)));
    } else if (p.matches()) {
      int stage = p.group(1) == null ? 1 : num(p.group(1));
      int stages = p.group(2) == null ? 1 : num(p.group(2));
      out.add(new BuildEvent.Step(stage, stages, num(p.group(3)), num(p.group(4)), p.group(5)));
    } else {
      if (line.contains("> Using cache")) {
        out.add(new BuildEvent.CacheHit());
      }
      Matcher b = BUILT.matcher(line);
      if (b.matches()) {
        out.add(new BuildEvent.Built(b.group(1)));
      }
      out.add(new BuildEvent.Output(line));
    }
  }

  private static int num(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException tooLong) {
      return 0;
    }
  }
}
