package io.pocketdock.mcp;

import io.pocketdock.BackgroundProcess;
import io.pocketdock.BufferedOutput;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * process_start, process_poll, process_kill: long work that outlives one tool call (MCP clients
 * cut calls off after about a minute), as start-then-poll over the SDK's detached processes. Each
 * process keeps its output in a ring buffer in the server until a poll takes it.
 */
final class ProcessTools {
  /** Output kept per stream between two polls; older output is dropped and flagged beyond it. */
  static final int BUFFER_BYTES = 1 << 20;

  /** Most background processes one client may have running at once (each holds a buffer). */
  static final int MAX_RUNNING = 32;

  private final Sandboxes sandboxes;
  private final Map<String, Tracked> processes = new ConcurrentHashMap<>();

  ProcessTools(Sandboxes sandboxes) {
    this.sandboxes = sandboxes;
  }

  List<ToolSpec> tools() {
    return List.of(start(), poll(), kill());
  }

  /** One process the model started, under the short id it was given. */
  record Tracked(String id, Sandbox sandbox, BackgroundProcess process) {}

  private ToolSpec start() {
    return new ToolSpec(
        "process_start",
        """
        Start a long-running shell command in the background and return a process_id at once. \
        Use it for builds, installs, servers or anything that may take more than about 50 seconds; \
        then call process_poll to read new output and see whether it finished, and process_kill to \
        stop it. Up to 1 MiB of output per stream is kept between polls (older output is dropped \
        beyond that, and the poll says so).""",
        """
        {"type": "object", "properties": {
          %s,
          "command": {"type": "string", "description": "Shell command line (/bin/sh -c)."},
          "workdir": {"type": "string", "description": "Absolute directory to run in. Default: /home/sandbox."},
          "timeout_seconds": {"type": "integer", "minimum": 1, "maximum": 86400, "default": 3600, "description": "Kill it (and its children) after this many seconds; exit_code is then 124."}
        }, "required": ["sandbox_id", "command"], "additionalProperties": false}"""
            .formatted(SandboxTools.ID_PROPERTY),
        this::doStart);
  }

  private Reply doStart(Args a) {
    Sandbox s = sandboxes.get(a.string("sandbox_id"));
    String command = a.string("command");
    forgetStale();
    long running = processes.values().stream().filter(t -> t.process().isRunning()).count();
    if (running >= MAX_RUNNING) {
      throw new ToolError(
          running + " background processes are running, the most allowed",
          "wait for one to finish (process_poll) or stop one (process_kill)");
    }
    ExecOptions o =
        ExecOptions.defaults()
            .withTimeout(Duration.ofSeconds(a.integer("timeout_seconds", 3600, 1, 86400)))
            .withBufferSize(BUFFER_BYTES);
    String workdir = a.optString("workdir");
    if (workdir != null) {
      o = o.withWorkdir(workdir);
    }
    BackgroundProcess p = s.container().runDetached(command, o);
    String id = "p-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    processes.put(id, new Tracked(id, s, p));
    Map<String, Object> m = Reply.fields();
    m.put("process_id", id);
    m.put("sandbox_id", s.id());
    m.put("running", p.isRunning());
    return Reply.of(m);
  }

  private ToolSpec poll() {
    return new ToolSpec(
        "process_poll",
        """
        Read a background process's output since the last poll, and whether it is still running. \
        Waits up to wait_seconds for progress first: it answers as soon as new output arrives or \
        the process ends (or, with wait_for_exit, only when it ends). When running is false, \
        exit_code is its exit code (124 if killed at its timeout, 128+N if killed by signal N).""",
        """
        {"type": "object", "properties": {
          "process_id": {"type": "string", "description": "The id process_start returned."},
          "wait_seconds": {"type": "integer", "minimum": 0, "maximum": 50, "default": 5, "description": "Wait up to this long for new output or the end before answering."},
          "wait_for_exit": {"type": "boolean", "default": false, "description": "Ignore new output while waiting: answer only when the process ends or wait_seconds pass."}
        }, "required": ["process_id"], "additionalProperties": false}""",
        this::doPoll);
  }

  private Reply doPoll(Args a) {
    Tracked t = tracked(a.string("process_id"));
    long wait = a.integer("wait_seconds", 5, 0, 50);
    boolean untilExit = a.bool("wait_for_exit", false);
    synchronized (t) {
      Progress.await(t, Duration.ofSeconds(wait), untilExit);
      // Read after checking: once ended, the buffer holds everything the process wrote.
      boolean running = t.process().isRunning();
      BufferedOutput out = t.process().read();
      Optional<ExecResult> end = running ? Optional.empty() : t.process().waitFor(Duration.ZERO);
      int cap = sandboxes.options().outputCap();
      Clip.Clipped co = Clip.of(out.stdout(), cap);
      Clip.Clipped ce = Clip.of(out.stderr(), cap);
      Map<String, Object> m = Reply.fields();
      m.put("process_id", t.id());
      m.put("running", running);
      m.put("exit_code", end.map(ExecResult::exitCode).orElse(null));
      m.put("timed_out", end.map(ExecResult::timedOut).orElse(false));
      m.put("stdout", co.text());
      m.put("stderr", ce.text());
      m.put("truncated", co.cut() || ce.cut());
      m.put("buffer_overflowed", t.process().bufferOverflowed());
      m.put("output_cap_bytes", cap);
      return Reply.of(m);
    }
  }

  private ToolSpec kill() {
    return new ToolSpec(
        "process_kill",
        """
        Send a signal to a background process and every process it started (TERM by default; \
        KILL if it does not stop). Waits up to 2 seconds for it to end and says whether it did; \
        poll afterwards to read its last output.""",
        """
        {"type": "object", "properties": {
          "process_id": {"type": "string", "description": "The id process_start returned."},
          "signal": {"type": "string", "enum": ["TERM", "KILL", "INT", "HUP"], "default": "TERM"}
        }, "required": ["process_id"], "additionalProperties": false}""",
        a -> {
          Tracked t = tracked(a.string("process_id"));
          String signal = a.string("signal", "TERM");
          if (!List.of("TERM", "KILL", "INT", "HUP").contains(signal)) {
            throw new ToolError("signal must be TERM, KILL, INT or HUP");
          }
          t.process().kill(signal);
          Optional<ExecResult> end = t.process().waitFor(Duration.ofSeconds(2));
          Map<String, Object> m = Reply.fields();
          m.put("process_id", t.id());
          m.put("signal", signal);
          m.put("running", end.isEmpty());
          m.put("exit_code", end.map(ExecResult::exitCode).orElse(null));
          return Reply.of(m);
        });
  }

  private Tracked tracked(String id) {
    Tracked t = processes.get(id);
    if (t == null) {
      throw new ToolError("no background process '" + id + "'", "process_start returns the id");
    }
    sandboxes.get(t.sandbox().id());
    return t;
  }

  /** Drops processes whose sandbox was shut down: they ended with it, and nobody can poll them. */
  private void forgetStale() {
    List<Sandbox> held = sandboxes.all();
    processes.values().removeIf(t -> !held.contains(t.sandbox()));
  }
}
