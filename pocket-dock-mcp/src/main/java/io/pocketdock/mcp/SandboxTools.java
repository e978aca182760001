package io.pocketdock.mcp;

import io.pocketdock.ContainerInfo;
import io.pocketdock.ContainerSpec;
import io.pocketdock.ExecOptions;
import io.pocketdock.ExecResult;
import io.pocketdock.ImageNotFoundException;
import io.pocketdock.VolumeMount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** sandbox_create, sandbox_run, sandbox_info, sandbox_list, sandbox_shutdown. */
final class SandboxTools {
  static final String ID_PROPERTY =
      """
      "sandbox_id": {"type": "string", "description": "The id sandbox_create returned, e.g. pd-1a2b3c4d5e6f."}""";

  private final Sandboxes sandboxes;

  SandboxTools(Sandboxes sandboxes) {
    this.sandboxes = sandboxes;
  }

  List<ToolSpec> tools() {
    return List.of(create(), run(), info(), list(), shutdown());
  }

  private ToolSpec create() {
    return new ToolSpec(
        "sandbox_create",
        """
        Create a new isolated Linux sandbox (a container on this machine) and return its sandbox_id. \
        Commands run as the non-root user 'sandbox' in /home/sandbox. The sandbox has no network \
        unless you ask for one and the operator allows it. It is removed when this session ends \
        unless persist is true. Reuse one sandbox for related work; there is a limit on how many \
        you may hold at once. The answer lists host directories the operator mounted (volumes).""",
        """
        {"type": "object", "properties": {
          "profile": {"type": "string", "default": "minimal",
            "description": "Image profile: 'minimal' (Debian, Python 3, bash), or 'dev', 'agent', 'embedded', 'node' if built on this machine."},
          "memory": {"type": "string", "description": "Memory cap such as '256m' or '2g'. Default: the server's (usually 1g)."},
          "cpu_percent": {"type": "integer", "minimum": 1, "description": "CPU cap in percent of one core: 50 = half a core, 200 = two cores. Default: no cap."},
          "network": {"type": "boolean", "default": false, "description": "Give the sandbox network access (refused unless the server was started with --allow-network)."},
          "persist": {"type": "boolean", "default": false, "description": "Keep the sandbox, stopped, when this session ends, instead of removing it; a later session can take it up with sandbox_resume."},
          %s
        }, "additionalProperties": false}"""
            .formatted(PersistenceTools.SNAPSHOT_PROPERTY),
        this::doCreate);
  }

  private Reply doCreate(Args a) {
    String profile = a.string("profile", ContainerSpec.DEFAULT_PROFILE);
    boolean network = a.bool("network", false);
    if (network && !sandboxes.options().allowNetwork()) {
      throw new ToolError(
          "network access is not allowed by this server",
          "work offline, or ask the user to start the server with --allow-network");
    }
    ContainerSpec.Builder b = requested(a, sandboxes.options());
    String snapshot = a.optString("snapshot");
    Sandbox s;
    try {
      s = sandboxes.create(b, profile, network, snapshot == null ? null : PersistenceTools.image(snapshot));
    } catch (ImageNotFoundException e) {
      if (snapshot == null) {
        throw e;
      }
      throw new ToolError("no snapshot named '" + snapshot + "'", "sandbox_snapshot saves one");
    }
    ContainerSpec spec = s.container().spec();
    Map<String, Object> m = Reply.fields();
    m.put("sandbox_id", s.id());
    m.put("profile", profile);
    m.put("image", spec.imageReference());
    m.put("memory_limit", String.valueOf(spec.memoryLimit()));
    m.put("cpu_percent", spec.cpuPercent());
    m.put("network", network);
    m.put("persist", spec.persist());
    m.put("user", "sandbox");
    m.put("workdir", s.workdir());
    m.put("volumes", volumes(spec.volumes()));
    m.put("sandboxes_left", sandboxes.remaining());
    return Reply.of(m);
  }

  /**
   * The settings {@code sandbox_create} asked for, defaults filled in; without arguments, the spec
   * the warm pool holds.
   */
  static ContainerSpec.Builder requested(Args a, ServerOptions options) {
    Long cpu = a.optLong("cpu_percent");
    return ContainerSpec.builder()
        .profile(a.string("profile", ContainerSpec.DEFAULT_PROFILE))
        .memoryLimit(a.string("memory", options.memory()))
        .cpuPercent(cpu == null ? null : Math.toIntExact(cpu))
        .network(a.bool("network", false))
        .persist(a.bool("persist", false));
  }

  /** Mounts as the model sees them: where, and whether it may write; never the host path. */
  static List<String> volumes(List<VolumeMount> mounts) {
    List<String> out = new ArrayList<>();
    for (VolumeMount v : mounts) {
      out.add(v.container() + (v.readOnly() ? " (read-only)" : " (read-write)"));
    }
    return out;
  }

  private ToolSpec run() {
    return new ToolSpec(
        "sandbox_run",
        """
        Run a shell command (/bin/sh -c) in a sandbox and wait for it. Returns exit_code, stdout, \
        stderr, timed_out and truncated. Each stream is cut to output_cap_bytes (its head and tail \
        are kept). On timeout the whole process tree is killed and exit_code is 124. Each call \
        starts in /home/sandbox with a fresh shell: use session_open/session_send to keep cd and \
        variables, python_exec to keep Python state, and process_start for anything that may take \
        longer than about 50 seconds.""",
        """
        {"type": "object", "properties": {
          %s,
          "command": {"type": "string", "description": "Shell command line, e.g. 'ls -la && python3 script.py'."},
          "timeout_seconds": {"type": "integer", "minimum": 1, "maximum": 600, "default": 30, "description": "Kill the command after this many seconds."},
          "workdir": {"type": "string", "description": "Absolute directory to run in. Default: /home/sandbox."},
          "env": {"type": "object", "additionalProperties": {"type": "string"}, "description": "Extra environment variables."}
        }, "required": ["sandbox_id", "command"], "additionalProperties": false}"""
            .formatted(ID_PROPERTY),
        this::doRun);
  }

  private Reply doRun(Args a) {
    Sandbox s = sandboxes.get(a.string("sandbox_id"));
    String command = a.string("command");
    ExecOptions o =
        ExecOptions.defaults()
            .withTimeout(Duration.ofSeconds(a.integer("timeout_seconds", 30, 1, 600)))
            .withMaxOutput(8L << 20);
    String workdir = a.optString("workdir");
    if (workdir != null) {
      o = o.withWorkdir(workdir);
    }
    for (Map.Entry<String, String> e : a.stringMap("env").entrySet()) {
      o = o.withEnv(e.getKey(), e.getValue());
    }
    ExecResult r = s.container().run(command, o);
    return Reply.of(Reply.exec(r, sandboxes.options().outputCap()));
  }

  private ToolSpec info() {
    return new ToolSpec(
        "sandbox_info",
        "Show a sandbox's live state: status, image, uptime, memory and CPU use, network, and its processes.",
        """
        {"type": "object", "properties": {%s}, "required": ["sandbox_id"], "additionalProperties": false}"""
            .formatted(ID_PROPERTY),
        a -> {
          Sandbox s = sandboxes.get(a.string("sandbox_id"));
          ContainerInfo i = s.container().info();
          Map<String, Object> m = Reply.fields();
          m.put("sandbox_id", s.id());
          m.put("status", i.status());
          m.put("image", i.image());
          m.put("uptime_seconds", i.uptime().toSeconds());
          m.put("memory_usage_bytes", i.memoryUsage());
          m.put("memory_limit_bytes", i.memoryLimit());
          m.put("memory_percent", Math.round(i.memoryPercent() * 10) / 10.0);
          m.put("cpu_percent", Math.round(i.cpuPercent() * 10) / 10.0);
          m.put("pids", i.pids());
          m.put("network", i.network());
          List<String> procs = new ArrayList<>();
          for (ContainerInfo.ProcessEntry p : i.processes()) {
            procs.add(p.user() + " " + p.command());
          }
          m.put("processes", procs.size() > 50 ? procs.subList(0, 50) : procs);
          return Reply.of(m);
        });
  }

  private ToolSpec list() {
    return new ToolSpec(
        "sandbox_list",
        """
        List the sandboxes of this session (only the ones this server created or resumed for you), \
        how many more you may create, and earlier_sandboxes: persistent sandboxes left by earlier \
        sessions, which sandbox_resume takes up again.""",
        """
        {"type": "object", "properties": {}, "additionalProperties": false}""",
        a -> {
          List<Map<String, Object>> out = new ArrayList<>();
          for (Sandbox s : sandboxes.all()) {
            Map<String, Object> m = Reply.fields();
            m.put("sandbox_id", s.id());
            m.put("profile", s.profile());
            m.put("image", s.container().spec().imageReference());
            m.put("network", s.network());
            m.put("persist", s.container().spec().persist());
            m.put("created_at", s.createdAt().toString());
            out.add(m);
          }
          List<Map<String, Object>> earlier = new ArrayList<>();
          for (EarlierSandboxes.Found f : sandboxes.earlier()) {
            Map<String, Object> m = Reply.fields();
            m.put("sandbox_id", f.id());
            m.put("status", f.status());
            m.put("image", f.image());
            m.put("created_at", f.created().toString());
            earlier.add(m);
          }
          Map<String, Object> m = Reply.fields();
          m.put("sandboxes", out);
          m.put("sandboxes_left", sandboxes.remaining());
          m.put("earlier_sandboxes", earlier);
          return Reply.of(m);
        });
  }

  private ToolSpec shutdown() {
    return new ToolSpec(
        "sandbox_shutdown",
        """
        Shut a sandbox down: it is removed with all its files (a persistent one is stopped and kept). \
        Its background processes, sessions and interpreter end. Frees a slot for sandbox_create.""",
        """
        {"type": "object", "properties": {%s}, "required": ["sandbox_id"], "additionalProperties": false}"""
            .formatted(ID_PROPERTY),
        a -> {
          Sandbox s = sandboxes.get(a.string("sandbox_id"));
          sandboxes.shutdown(s);
          Map<String, Object> m = Reply.fields();
          m.put("sandbox_id", s.id());
          m.put(s.container().spec().persist() ? "stopped" : "removed", true);
          return Reply.of(m);
        });
  }
}
