package io.pocketdock.mcp;

import io.pocketdock.ExecResult;
import io.pocketdock.PocketDockException;
import io.pocketdock.Session;
import io.pocketdock.SessionClosedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * session_open, session_send, session_close: a long-lived shell per session (the SDK's {@link
 * Session}), so the working directory, variables and shell functions carry over like in a
 * terminal.
 */
final class SessionTools {
  /** Most sessions one client may hold open at once (each holds a connection and a shell). */
  static final int MAX_SESSIONS = 16;

  private static final Duration PWD_TIMEOUT = Duration.ofSeconds(5);

  private final Sandboxes sandboxes;
  private final Map<String, Open> sessions = new ConcurrentHashMap<>();

  SessionTools(Sandboxes sandboxes) {
    this.sandboxes = sandboxes;
  }

  List<ToolSpec> tools() {
    return List.of(open(), send(), close());
  }

  /** One open session and the sandbox it runs in. */
  private record Open(Sandbox sandbox, Session session) {}

  private ToolSpec open() {
    return new ToolSpec(
        "session_open",
        """
        Open a shell session (bash) in a sandbox and return its session_id. Commands sent with \
        session_send run one after another in the same shell: cd, variables and functions carry \
        over, as in a terminal. There is no terminal and stdin is empty, so interactive programs \
        (vim, prompts) do not work.""",
        """
        {"type": "object", "properties": {
          %s,
          "workdir": {"type": "string", "description": "Absolute starting directory. Default: /home/sandbox."}
        }, "required": ["sandbox_id"], "additionalProperties": false}"""
            .formatted(SandboxTools.ID_PROPERTY),
        a -> {
          Sandbox s = sandboxes.get(a.string("sandbox_id"));
          sessions.values().removeIf(o -> !o.session().isOpen());
          if (sessions.size() >= MAX_SESSIONS) {
            throw new ToolError(
                sessions.size() + " sessions are open, the most allowed",
                "close one with session_close, or reuse one");
          }
          String workdir = a.optString("workdir");
          Session session = s.container().session();
          String id = "s-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
          try {
            if (workdir != null) {
              ExecResult cd = session.sendAndWait("cd -- " + quote(workdir), PWD_TIMEOUT);
              if (cd.exitCode() != 0) {
                throw new ToolError("cannot start in " + workdir + ": " + cd.stderr().strip(), "check the workdir");
              }
            }
          } catch (ToolError | PocketDockException e) {
            session.close();
            throw e;
          }
          sessions.put(id, new Open(s, session));
          Map<String, Object> m = Reply.fields();
          m.put("session_id", id);
          m.put("sandbox_id", s.id());
          m.put("cwd", cwd(session));
          return Reply.of(m);
        });
  }

  private ToolSpec send() {
    return new ToolSpec(
        "session_send",
        """
        Run a command in a shell session and wait for it. Returns exit_code (the command's own), \
        stdout, stderr, timed_out, truncated, cwd (the session's directory afterwards), and \
        background_output: what earlier background jobs ('cmd &') printed since. On timeout the \
        command is interrupted and the session stays usable. 'exit' ends the session.""",
        """
        {"type": "object", "properties": {
          "session_id": {"type": "string", "description": "The id session_open returned."},
          "command": {"type": "string", "description": "Shell command line; may span many lines."},
          "timeout_seconds": {"type": "integer", "minimum": 1, "maximum": 600, "default": 30, "description": "Interrupt the command after this many seconds."}
        }, "required": ["session_id", "command"], "additionalProperties": false}""",
        a -> {
          String id = a.string("session_id");
          Open o = session(id);
          String command = a.string("command");
          Duration timeout = Duration.ofSeconds(a.integer("timeout_seconds", 30, 1, 600));
          try {
            ExecResult r = o.session().sendAndWait(command, timeout);
            int cap = sandboxes.options().outputCap();
            Map<String, Object> m = Reply.exec(r, cap);
            boolean open = o.session().isOpen(); // a command stuck in the shell itself closes it
            m.put("cwd", open ? cwd(o.session()) : null);
            m.put("background_output", open ? Clip.of(o.session().read(), cap).text() : "");
            return Reply.of(m);
          } catch (SessionClosedException e) {
            sessions.remove(id);
            o.session().close();
            throw new ToolError(
                "session " + id + " closed: " + o.session().closedReason().orElse(e.getMessage()),
                "open a new one with session_open; its directory and variables start fresh");
          }
        });
  }

  private ToolSpec close() {
    return new ToolSpec(
        "session_close",
        "Close a shell session and end every process it started. Its sandbox and files stay.",
        """
        {"type": "object", "properties": {
          "session_id": {"type": "string", "description": "The id session_open returned."}
        }, "required": ["session_id"], "additionalProperties": false}""",
        a -> {
          String id = a.string("session_id");
          Open o = session(id);
          sessions.remove(id);
          o.session().close();
          Map<String, Object> m = Reply.fields();
          m.put("session_id", id);
          m.put("closed", true);
          return Reply.of(m);
        });
  }

  private Open session(String id) {
    Open o = sessions.get(id);
    if (o == null) {
      throw new ToolError("no open session '" + id + "'", "session_open returns a session_id");
    }
    sandboxes.get(o.sandbox().id());
    return o;
  }

  /**
   * The session's directory, asked with a second command (cheap: the shell is already there);
   * {@code command} skips a function the model may have named pwd.
   */
  private static String cwd(Session session) {
    return session.sendAndWait("command pwd", PWD_TIMEOUT).stdout().strip();
  }

  /** Single-quotes {@code s} for the shell. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
