package io.pocketdock.mcp;

import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * session_open, session_send, session_close: a shell whose working directory and exported
 * variables carry over from one command to the next.
 *
 * <p>Stand-in over run() until the SDK's sessions land on this branch: each command runs in a new
 * shell that restores the previous directory and exported variables from files under {@code
 * /tmp/.pocket-dock/sessions/<id>/} and saves them afterwards. Shell functions, aliases and
 * non-exported variables do not carry over, and {@code exit} skips the save.
 */
final class SessionTools {
  private final Sandboxes sandboxes;
  private final Map<String, Sandbox> sessions = new ConcurrentHashMap<>();

  SessionTools(Sandboxes sandboxes) {
    this.sandboxes = sandboxes;
  }

  List<ToolSpec> tools() {
    return List.of(open(), send(), close());
  }

  private ToolSpec open() {
    return new ToolSpec(
        "session_open",
        """
        Open a shell session in a sandbox and return its session_id. Commands sent with \
        session_send run one after another in it: 'cd' and exported variables carry over, as in a \
        terminal.""",
        """
        {"type": "object", "properties": {
          %s,
          "workdir": {"type": "string", "description": "Absolute starting directory. Default: /home/sandbox."}
        }, "required": ["sandbox_id"], "additionalProperties": false}"""
            .formatted(SandboxTools.ID_PROPERTY),
        a -> {
          Sandbox s = sandboxes.get(a.string("sandbox_id"));
          String id = "s-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
          ExecOptions o = ExecOptions.defaults().withEnv("PD_ID", id);
          String workdir = a.optString("workdir");
          if (workdir != null) {
            o = o.withWorkdir(workdir);
          }
          String script =
              "S=/tmp/.pocket-dock/sessions/$PD_ID; mkdir -p \"$S\" && pwd > \"$S/cwd\" && : > \"$S/env\"";
          Commands.script(s.container(), script, o, "check the workdir");
          sessions.put(id, s);
          Map<String, Object> m = Reply.fields();
          m.put("session_id", id);
          m.put("sandbox_id", s.id());
          return Reply.of(m);
        });
  }

  private ToolSpec send() {
    return new ToolSpec(
        "session_send",
        """
        Run a command in a shell session and wait for it. Returns exit_code (the command's own), \
        stdout, stderr, timed_out, truncated, and cwd: the session's directory afterwards.""",
        """
        {"type": "object", "properties": {
          "session_id": {"type": "string", "description": "The id session_open returned."},
          "command": {"type": "string", "description": "Shell command line."},
          "timeout_seconds": {"type": "integer", "minimum": 1, "maximum": 600, "default": 30, "description": "Kill the command after this many seconds."}
        }, "required": ["session_id", "command"], "additionalProperties": false}""",
        a -> {
          String id = a.string("session_id");
          Sandbox s = session(id);
          ExecOptions o =
              ExecOptions.defaults()
                  .withEnv("PD_ID", id)
                  .withEnv("PD_CMD", a.string("command"))
                  .withTimeout(Duration.ofSeconds(a.integer("timeout_seconds", 30, 1, 600)))
                  .withMaxOutput(8L << 20);
          String marker = "PD-CWD-" + UUID.randomUUID();
          String script =
              "S=/tmp/.pocket-dock/sessions/$PD_ID; C=\"$PD_CMD\"; T=\"$POCKET_DOCK_RUN\"\n"
                  + "[ -d \"$S\" ] || { echo 'session state is gone' >&2; exit 125; }\n"
                  + ". \"$S/env\"; export POCKET_DOCK_RUN=\"$T\"\n"
                  + "cd \"$(cat \"$S/cwd\")\" 2>/dev/null || cd\n"
                  + "eval \"$C\"\n"
                  + "rc=$?; pwd > \"$S/cwd\"; export -p | grep -v '^export \\(POCKET_DOCK_RUN\\|PD_ID\\|PD_CMD\\)=' > \"$S/env\"\n"
                  + "printf '\\n" + marker + "%s' \"$(pwd)\" >&2; exit $rc";
          ExecResult r = s.container().run(script, o);
          String err = r.stderr();
          String cwd = null;
          int at = err.lastIndexOf("\n" + marker);
          if (at >= 0) {
            cwd = err.substring(at + marker.length() + 1);
            err = err.substring(0, at);
          }
          ExecResult cleaned =
              new ExecResult(r.exitCode(), r.stdout(), err, r.durationMs(), r.timedOut(), r.truncated());
          Map<String, Object> m = Reply.exec(cleaned, sandboxes.options().outputCap());
          m.put("cwd", cwd);
          return Reply.of(m);
        });
  }

  private ToolSpec close() {
    return new ToolSpec(
        "session_close",
        "Close a shell session. Its sandbox and files stay.",
        """
        {"type": "object", "properties": {
          "session_id": {"type": "string", "description": "The id session_open returned."}
        }, "required": ["session_id"], "additionalProperties": false}""",
        a -> {
          String id = a.string("session_id");
          Sandbox s = session(id);
          sessions.remove(id);
          Commands.script(
              s.container(),
              "rm -rf \"/tmp/.pocket-dock/sessions/$PD_ID\"",
              ExecOptions.defaults().withEnv("PD_ID", id),
              "");
          Map<String, Object> m = Reply.fields();
          m.put("session_id", id);
          m.put("closed", true);
          return Reply.of(m);
        });
  }

  private Sandbox session(String id) {
    Sandbox s = sessions.get(id);
    if (s == null) {
      throw new ToolError("no open session '" + id + "'", "session_open returns a session_id");
    }
    return sandboxes.get(s.id());
  }
}
