package io.pocketdock.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.pocketdock.Artifact;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.InterpreterResult;
import io.pocketdock.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** run_code (one-shot snippets, the SDK's language runs) and python_exec (the stateful interpreter). */
final class CodeTools {
  /** Images returned inline with a python_exec result, at most this many. */
  private static final int MAX_IMAGES = 4;

  /** A shell's "command not found", which the SDK also reports for a missing interpreter. */
  private static final int MISSING_INTERPRETER = 127;

  private final Sandboxes sandboxes;

  CodeTools(Sandboxes sandboxes) {
    this.sandboxes = sandboxes;
  }

  List<ToolSpec> tools() {
    return List.of(pythonExec(), runCode());
  }

  private ToolSpec pythonExec() {
    return new ToolSpec(
        "python_exec",
        """
        Run Python code in the sandbox's persistent Python interpreter, like a notebook cell: \
        variables, functions and imports stay defined for the next call. Returns stdout, stderr, \
        'value' (repr of the last expression, if the code ends with one), 'error' (type, message, \
        traceback) when the code raised, and 'artifacts': files the code created or changed in the \
        working directory, and matplotlib figures left open (returned as PNG images). On timeout \
        the code gets KeyboardInterrupt and the state is kept. If the interpreter crashes, error.type \
        is InterpreterCrashed and the next call starts fresh. Set restart to clear all state first.""",
        """
        {"type": "object", "properties": {
          %s,
          "code": {"type": "string", "description": "Python source; may span many lines."},
          "timeout_seconds": {"type": "integer", "minimum": 1, "maximum": 600, "default": 30, "description": "Interrupt the code after this many seconds."},
          "restart": {"type": "boolean", "default": false, "description": "Start a fresh interpreter (all variables and imports gone) before running."}
        }, "required": ["sandbox_id", "code"], "additionalProperties": false}"""
            .formatted(SandboxTools.ID_PROPERTY),
        this::doPythonExec);
  }

  private Reply doPythonExec(Args a) {
    Sandbox s = sandboxes.get(a.string("sandbox_id"));
    String code = a.string("code");
    Duration timeout = Duration.ofSeconds(a.integer("timeout_seconds", 30, 1, 600));
    InterpreterResult r = s.interpreter(a.bool("restart", false)).run(code, timeout);
    int cap = sandboxes.options().outputCap();
    Clip.Clipped out = Clip.of(r.stdout(), cap);
    Clip.Clipped err = Clip.of(r.stderr(), cap);
    Map<String, Object> m = Reply.fields();
    m.put("stdout", out.text());
    m.put("stderr", err.text());
    m.put("value", r.value() == null ? null : Clip.of(r.value(), cap).text());
    if (r.error() != null) {
      Map<String, Object> e = Reply.fields();
      e.put("type", r.error().type());
      e.put("message", r.error().message());
      e.put("traceback", Clip.of(r.error().traceback(), cap).text());
      m.put("error", e);
    } else {
      m.put("error", null);
    }
    List<Map<String, Object>> arts = new ArrayList<>();
    List<McpSchema.Content> images = Reply.none();
    for (Artifact art : r.artifacts()) {
      Map<String, Object> am = Reply.fields();
      am.put("path", art.path());
      am.put("size", art.size());
      am.put("media_type", art.mediaType());
      arts.add(am);
      if (art.mediaType().startsWith("image/") && !art.mediaType().contains("svg")
          && art.bytes().isPresent() && images.size() < MAX_IMAGES) {
        images.add(
            new McpSchema.ImageContent(
                null, Base64.getEncoder().encodeToString(art.bytes().get()), art.mediaType(), null));
      }
    }
    m.put("artifacts", arts);
    m.put("timed_out", r.timedOut());
    m.put("truncated", r.truncated() || out.cut() || err.cut());
    m.put("output_cap_bytes", cap);
    m.put("duration_ms", r.durationMs());
    return new Reply(m, images);
  }

  private ToolSpec runCode() {
    return new ToolSpec(
        "run_code",
        """
        Run a self-contained snippet in a fresh process: python, node, bash or sh. The code is \
        passed verbatim (no quoting needed, many lines fine, up to 120 KiB). Nothing is kept between \
        calls (use python_exec for that). Returns exit_code, stdout, stderr, timed_out, truncated. \
        If the sandbox's image lacks the language's interpreter (node is only in the 'node' \
        profile), exit_code is 127 and stderr says so.""",
        """
        {"type": "object", "properties": {
          %s,
          "language": {"type": "string", "enum": ["python", "node", "bash", "sh"]},
          "code": {"type": "string", "description": "The program's source."},
          "timeout_seconds": {"type": "integer", "minimum": 1, "maximum": 600, "default": 30, "description": "Kill it after this many seconds."}
        }, "required": ["sandbox_id", "language", "code"], "additionalProperties": false}"""
            .formatted(SandboxTools.ID_PROPERTY),
        this::doRunCode);
  }

  private Reply doRunCode(Args a) {
    Sandbox s = sandboxes.get(a.string("sandbox_id"));
    Language language = Language.parse(a.string("language"));
    ExecOptions o =
        ExecOptions.defaults()
            .withTimeout(Duration.ofSeconds(a.integer("timeout_seconds", 30, 1, 600)))
            .withMaxOutput(8L << 20);
    ExecResult r = s.container().run(a.string("code"), language, o);
    Map<String, Object> m = Reply.exec(r, sandboxes.options().outputCap());
    if (r.exitCode() == MISSING_INTERPRETER && r.stderr().contains("is not installed")) {
      m.put(
          "hint",
          language == Language.NODE
              ? "node is in the 'node' profile: sandbox_create with profile 'node' (if built here)"
              : "create a sandbox whose image has " + language.interpreter());
    }
    return Reply.of(m);
  }
}
