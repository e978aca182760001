package io.pocketdock.mcp;

import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.PocketDockException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * process_start, process_poll, process_kill: long work that outlives one tool call (MCP clients
 * cut calls off after about a minute), as start-then-poll.
 *
 * <p>Stand-in over run() until the SDK's detached processes land on this branch: the command runs
 * under {@code setsid} with its output in files under {@code /tmp/.pocket-dock/procs/<id>/}, and
 * every process of it carries {@code PD_PROC=<id>} in its environment, which is how poll finds it
 * alive and kill finds all of it (children included).
 */
final class ProcessTools {
  private static final String DIR = "D=/tmp/.pocket-dock/procs/$PD_ID\n";
  private static final String ALIVE =
      """
      alive() { for d in /proc/[0-9]*; do
        if { tr '\\000' '\\n' < "$d/environ"; } 2>/dev/null | grep -qxF "PD_PROC=$PD_ID"; then
          [ "$1" = list ] && printf '%s ' "${d#/proc/}" || return 0
        fi; done; [ "$1" = list ]; }
      """;

  private final Sandboxes sandboxes;
  private final Map<String, BackgroundState> processes = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "pocket-dock-mcp-process-timeouts");
            t.setDaemon(true);
            return t;
          });

  ProcessTools(Sandboxes sandboxes) {
    this.sandboxes = sandboxes;
  }

  List<ToolSpec> tools() {
    return List.of(start(), poll(), kill());
  }

  private ToolSpec start() {
    return new ToolSpec(
        "process_start",
        """
        Start a long-running shell command in the background and return a process_id at once. \
        Use it for builds, installs, servers or anything that may take more than about 50 seconds; \
        then call process_poll to read new output and see whether it finished, and process_kill to \
        stop it. Output is kept in the sandbox, so nothing is lost between polls.""",
        """
        {"type": "object", "properties": {
          %s,
          "command": {"type": "string", "description": "Shell command line (/bin/sh -c)."},
          "workdir": {"type": "string", "description": "Absolute directory to run in. Default: /home/sandbox."},
          "timeout_seconds": {"type": "integer", "minimum": 1, "maximum": 86400, "default": 3600, "description": "Kill it (and its children) after this many seconds."}
        }, "required": ["sandbox_id", "command"], "additionalProperties": false}"""
            .formatted(SandboxTools.ID_PROPERTY),
        this::doStart);
  }

  private Reply doStart(Args a) {
    Sandbox s = sandboxes.get(a.string("sandbox_id"));
    String id = "p-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    long timeout = a.integer("timeout_seconds", 3600, 1, 86400);
    ExecOptions o =
        ExecOptions.defaults().withEnv("PD_ID", id).withEnv("PD_CMD", a.string("command"));
    String workdir = a.optString("workdir");
    if (workdir != null) {
      o = o.withWorkdir(workdir);
    }
    String script =
        DIR
            + "mkdir -p \"$D\" || exit 3\n"
            + "env -u POCKET_DOCK_RUN PD_PROC=\"$PD_ID\" setsid sh -c"
            + " 'sh -c \"$PD_CMD\"; echo $? > \"$1/exit\"' pd-proc \"$D\""
            + " > \"$D/out\" 2> \"$D/err\" < /dev/null &\n";
    Commands.script(s.container(), script, o, "check the workdir");
    BackgroundState state = new BackgroundState(id, s);
    processes.put(id, state);
    timers.schedule(() -> timeOut(state), timeout, TimeUnit.SECONDS);
    Map<String, Object> m = Reply.fields();
    m.put("process_id", id);
    m.put("sandbox_id", s.id());
    m.put("running", true);
    return Reply.of(m);
  }

  private void timeOut(BackgroundState state) {
    try {
      if (signal(state, "KILL") > 0) {
        state.timedOut = true;
      }
    } catch (PocketDockException | ToolError e) {
      // The sandbox is gone: nothing left to kill.
    }
  }

  private ToolSpec poll() {
    return new ToolSpec(
        "process_poll",
        """
        Read a background process's new output since the last poll and whether it is still running. \
        Waits up to wait_seconds for it to finish first (so one call can cover a short wait). When \
        running is false, exit_code is its exit code (124 if killed at its timeout, 128+N if killed \
        by signal N).""",
        """
        {"type": "object", "properties": {
          "process_id": {"type": "string", "description": "The id process_start returned."},
          "wait_seconds": {"type": "integer", "minimum": 0, "maximum": 50, "default": 5, "description": "Wait this long for the process to finish before answering."}
        }, "required": ["process_id"], "additionalProperties": false}""",
        this::doPoll);
  }

  private Reply doPoll(Args a) {
    BackgroundState p = state(a.string("process_id"));
    long wait = a.integer("wait_seconds", 5, 0, 50);
    int cap = sandboxes.options().outputCap();
    synchronized (p) {
      ExecOptions o =
          ExecOptions.defaults()
              .withEnv("PD_ID", p.id)
              .withEnv("PD_WAIT", Long.toString(wait * 10))
              .withEnv("PD_OUT", Long.toString(p.out.offset()))
              .withEnv("PD_ERR", Long.toString(p.err.offset()))
              .withEnv("PD_MAX", Integer.toString(4 << 20))
              .withTimeout(Duration.ofSeconds(wait + 30))
              .withMaxOutput(16L << 20);
      String script =
          DIR
              + ALIVE
              + "[ -d \"$D\" ] || { echo 'the process output is gone' >&2; exit 2; }\n"
              + "n=0; while [ ! -f \"$D/exit\" ] && [ $n -lt \"$PD_WAIT\" ] && alive; do sleep 0.1; n=$((n+1)); done\n"
              + "if [ -f \"$D/exit\" ]; then echo \"exit $(cat \"$D/exit\")\"; elif alive; then echo running; else echo gone; fi\n"
              + "tail -c +$((PD_OUT + 1)) \"$D/out\" | head -c \"$PD_MAX\" | base64 -w0; echo\n"
              + "tail -c +$((PD_ERR + 1)) \"$D/err\" | head -c \"$PD_MAX\" | base64 -w0; echo";
      ExecResult r = Commands.script(p.sandbox.container(), script, o, "the sandbox may have been shut down");
      String[] lines = r.stdout().split("\n", -1);
      String status = lines[0].trim();
      String out = p.out.append(lines.length > 1 ? lines[1] : "");
      String err = p.err.append(lines.length > 2 ? lines[2] : "");
      boolean running = status.equals("running");
      Integer exit = null;
      if (status.startsWith("exit ")) {
        exit = Integer.parseInt(status.substring(5).trim());
      } else if (!running && p.timedOut) {
        exit = 124;
      } else if (!running && p.killedBy != 0) {
        exit = 128 + p.killedBy;
      }
      if (p.timedOut && exit != null) {
        exit = 124;
      }
      Clip.Clipped co = Clip.of(out, cap);
      Clip.Clipped ce = Clip.of(err, cap);
      Map<String, Object> m = Reply.fields();
      m.put("process_id", p.id);
      m.put("running", running);
      m.put("exit_code", exit);
      m.put("timed_out", p.timedOut);
      m.put("stdout", co.text());
      m.put("stderr", ce.text());
      m.put("truncated", co.cut() || ce.cut());
      m.put("output_cap_bytes", cap);
      return Reply.of(m);
    }
  }

  private ToolSpec kill() {
    return new ToolSpec(
        "process_kill",
        "Send a signal to a background process and all its children (TERM by default; KILL if it does not stop). Poll afterwards to read its last output.",
        """
        {"type": "object", "properties": {
          "process_id": {"type": "string", "description": "The id process_start returned."},
          "signal": {"type": "string", "enum": ["TERM", "KILL", "INT", "HUP"], "default": "TERM"}
        }, "required": ["process_id"], "additionalProperties": false}""",
        a -> {
          BackgroundState p = state(a.string("process_id"));
          String sig = a.string("signal", "TERM");
          int number =
              switch (sig) {
                case "TERM" -> 15;
                case "KILL" -> 9;
                case "INT" -> 2;
                case "HUP" -> 1;
                default -> throw new ToolError("signal must be TERM, KILL, INT or HUP");
              };
          int n = signal(p, sig);
          if (n > 0) {
            p.killedBy = number;
          }
          Map<String, Object> m = Reply.fields();
          m.put("process_id", p.id);
          m.put("signalled_processes", n);
          return Reply.of(m);
        });
  }

  private int signal(BackgroundState p, String sig) {
    ExecOptions o = ExecOptions.defaults().withEnv("PD_ID", p.id).withEnv("PD_SIG", sig);
    String script =
        ALIVE + "found=$(alive list); [ -z \"$found\" ] && { echo 0; exit 0; }\n"
            + "kill -s \"$PD_SIG\" $found 2>/dev/null; echo $found | wc -w";
    ExecResult r = Commands.script(p.sandbox.container(), script, o, "");
    return Integer.parseInt(r.stdout().trim());
  }

  private BackgroundState state(String id) {
    BackgroundState p = processes.get(id);
    if (p == null) {
      throw new ToolError("no background process '" + id + "'", "process_start returns the id");
    }
    sandboxes.get(p.sandbox.id());
    return p;
  }

  /** What the server remembers of one background process: where the last poll stopped reading. */
  private static final class BackgroundState {
    final String id;
    final Sandbox sandbox;
    final Utf8Cursor out = new Utf8Cursor();
    final Utf8Cursor err = new Utf8Cursor();
    volatile boolean timedOut;
    volatile int killedBy;

    BackgroundState(String id, Sandbox sandbox) {
      this.id = id;
      this.sandbox = sandbox;
    }
  }
}
