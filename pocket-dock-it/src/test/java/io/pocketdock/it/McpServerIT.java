package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** The MCP server, driven over stdio by the MCP SDK's own client, on each engine. */
class McpServerIT {
  /** For background work (warming, cleanup after exit): generous, for a loaded 2-core machine. */
  private static final Duration WAIT = Duration.ofSeconds(90);

  @EngineTest
  void mcp_initializeAndListTools_describesEveryToolWithASchema(TestEngine engine) {
    try (McpClientSession mcp = new McpClientSession(engine)) {
      assertThat(mcp.init.serverInfo().name()).isEqualTo("pocket-dock");
      assertThat(mcp.init.instructions()).contains("sandbox_create");
      Map<String, McpSchema.Tool> tools =
          mcp.client.listTools().tools().stream()
              .collect(Collectors.toMap(McpSchema.Tool::name, t -> t));
      assertThat(tools.keySet())
          .containsExactlyInAnyOrder(
              "sandbox_create", "sandbox_run", "sandbox_info", "sandbox_list", "sandbox_shutdown",
              "python_exec", "run_code", "process_start", "process_poll", "process_kill",
              "file_write", "file_read", "file_list", "session_open", "session_send", "session_close",
              "sandbox_snapshot", "sandbox_resume");
      for (McpSchema.Tool t : tools.values()) {
        assertThat(t.description()).as(t.name()).hasSizeGreaterThan(40);
        assertThat(t.inputSchema()).as(t.name()).containsEntry("type", "object");
        assertThat(t.inputSchema()).as(t.name()).containsEntry("additionalProperties", false);
      }
      assertThat(tools.get("sandbox_run").inputSchema().get("required"))
          .isEqualTo(List.of("sandbox_id", "command"));
      assertThat(tools.get("run_code").inputSchema().toString()).contains("[python, node, bash, sh]");
      assertThat(tools.get("sandbox_create").inputSchema().toString())
          .contains("profile", "memory", "cpu_percent", "network", "persist", "snapshot");
      assertThat(tools.get("file_write").inputSchema().toString()).contains("create_parents");
      assertThat(tools.get("process_poll").inputSchema().toString()).contains("wait_seconds", "maximum=50");
    }
  }

  @EngineTest
  void mcp_sandboxRunPythonAndFiles_roundTrip(TestEngine engine) {
    try (McpClientSession mcp = new McpClientSession(engine)) {
      Map<String, Object> created = mcp.ok("sandbox_create", Map.of("memory", "512m"));
      String id = (String) created.get("sandbox_id");
      assertThat(created).containsEntry("network", false).containsEntry("memory_limit", "512m");

      Map<String, Object> run = mcp.ok("sandbox_run", Map.of("sandbox_id", id, "command", "echo out; echo err >&2; exit 3"));
      assertThat(run).containsEntry("exit_code", 3).containsEntry("stdout", "out\n")
          .containsEntry("stderr", "err\n").containsEntry("timed_out", false)
          .containsEntry("output_cap_bytes", 32768);

      mcp.ok("python_exec", Map.of("sandbox_id", id, "code", "import json\ndata = {'n': 6 * 7}"));
      Map<String, Object> py = mcp.ok("python_exec", Map.of("sandbox_id", id, "code", "print('hi')\njson.dumps(data)"));
      assertThat(py).containsEntry("stdout", "hi\n").containsEntry("value", "'{\"n\": 42}'")
          .containsEntry("error", null);
      Map<String, Object> art = mcp.ok("python_exec", Map.of("sandbox_id", id, "code", "open('plot.png', 'wb').write(b'\\x89PNG\\r\\n')"));
      assertThat(art.get("artifacts").toString()).contains("/home/sandbox/plot.png", "image/png");

      Map<String, Object> written = mcp.ok("file_write", Map.of("sandbox_id", id, "path", "dir/sub/note.txt", "content", "héllo\nworld\n"));
      assertThat(written).containsEntry("path", "/home/sandbox/dir/sub/note.txt").containsEntry("bytes", 13);
      Map<String, Object> read = mcp.ok("file_read", Map.of("sandbox_id", id, "path", "/home/sandbox/dir/sub/note.txt"));
      assertThat(read).containsEntry("content", "héllo\nworld\n").containsEntry("encoding", "utf-8")
          .containsEntry("size", 13).containsEntry("truncated", false);
      byte[] binary = {0, 1, 2, (byte) 255};
      mcp.ok("file_write", Map.of("sandbox_id", id, "path", "b.bin", "content", Base64.getEncoder().encodeToString(binary), "encoding", "base64"));
      Map<String, Object> bin = mcp.ok("file_read", Map.of("sandbox_id", id, "path", "b.bin"));
      assertThat(bin).containsEntry("encoding", "base64").containsEntry("content", "AAEC/w==");
      Map<String, Object> part = mcp.ok("file_read", Map.of("sandbox_id", id, "path", "dir/sub/note.txt", "offset", 7, "max_bytes", 3));
      assertThat(part).containsEntry("content", "wor").containsEntry("truncated", true);
      Map<String, Object> listing = mcp.ok("file_list", Map.of("sandbox_id", id, "path", "dir/sub"));
      assertThat(listing.get("entries").toString()).contains("name=note.txt", "type=file", "size=13");

      Map<String, Object> snippet = mcp.ok("run_code", Map.of("sandbox_id", id, "language", "python", "code", "import sys\nprint('it\\'s', '$HOME', len(sys.argv))"));
      assertThat(snippet).containsEntry("stdout", "it's $HOME 1\n").containsEntry("exit_code", 0);
      Map<String, Object> bash = mcp.ok("run_code", Map.of("sandbox_id", id, "language", "bash", "code", "a=(x y z)\necho \"${#a[@]} $BASH_VERSION\" | cut -c1-2"));
      assertThat(bash).containsEntry("stdout", "3 \n");

      assertThat(mcp.ok("sandbox_info", Map.of("sandbox_id", id))).containsEntry("status", "running");
      assertThat(mcp.ok("sandbox_list", Map.of()).get("sandboxes").toString()).contains(id);
      assertThat(mcp.ok("sandbox_shutdown", Map.of("sandbox_id", id))).containsEntry("removed", true);
      assertThat(mcp.ok("sandbox_list", Map.of()).get("sandboxes")).isEqualTo(List.of());
    }
  }

  @EngineTest
  void mcp_longOutput_isClippedToTheCapWithHeadAndTail(TestEngine engine) {
    try (McpClientSession mcp = new McpClientSession(engine, "--output-cap", "1000")) {
      String id = mcp.createSandbox();
      Map<String, Object> run = mcp.ok("sandbox_run", Map.of("sandbox_id", id, "command", "echo FIRST; seq 1 20000; echo LAST"));
      String out = (String) run.get("stdout");
      assertThat(out).startsWith("FIRST\n").endsWith("LAST\n").contains("bytes omitted");
      assertThat(out.length()).isLessThan(1100);
      assertThat(run).containsEntry("truncated", true).containsEntry("output_cap_bytes", 1000);
    }
  }

  @EngineTest
  void mcp_backgroundProcess_startPollAndKill(TestEngine engine) {
    try (McpClientSession mcp = new McpClientSession(engine)) {
      String id = mcp.createSandbox();
      String pid = (String) mcp.ok("process_start", Map.of("sandbox_id", id,
          "command", "for i in 1 2 3; do echo $i; sleep 0.5; done; echo done >&2; exit 7")).get("process_id");
      StringBuilder out = new StringBuilder();
      Map<String, Object> poll;
      int polls = 0;
      do {
        poll = mcp.ok("process_poll", Map.of("process_id", pid, "wait_seconds", 1));
        out.append(poll.get("stdout"));
        polls++;
      } while (Boolean.TRUE.equals(poll.get("running")) && polls < 30);
      assertThat(out.toString()).isEqualTo("1\n2\n3\n");
      assertThat(poll).containsEntry("running", false).containsEntry("exit_code", 7)
          .containsEntry("stderr", "done\n");

      String sleeper = (String) mcp.ok("process_start", Map.of("sandbox_id", id,
          "command", "echo started; sleep 300 & sleep 301")).get("process_id");
      Map<String, Object> first = mcp.ok("process_poll", Map.of("process_id", sleeper, "wait_seconds", 1));
      assertThat(first).containsEntry("running", true).containsEntry("stdout", "started\n");
      Map<String, Object> killed = mcp.ok("process_kill", Map.of("process_id", sleeper, "signal", "KILL"));
      assertThat(killed).containsEntry("running", false).containsEntry("exit_code", 137);
      Map<String, Object> last = mcp.ok("process_poll", Map.of("process_id", sleeper, "wait_seconds", 5));
      assertThat(last).containsEntry("running", false).containsEntry("exit_code", 137);
      Map<String, Object> ps = mcp.ok("sandbox_run", Map.of("sandbox_id", id, "command", "ps -eo args | grep '[s]leep 30' || true"));
      assertThat(ps.get("stdout")).isEqualTo("");
    }
  }

  @EngineTest
  void mcp_session_keepsDirectoryVariablesAndFunctions_exitClosesIt(TestEngine engine) {
    try (McpClientSession mcp = new McpClientSession(engine)) {
      String id = mcp.createSandbox();
      Map<String, Object> opened = mcp.ok("session_open", Map.of("sandbox_id", id));
      assertThat(opened).containsEntry("cwd", "/home/sandbox");
      String session = (String) opened.get("session_id");
      Map<String, Object> first = mcp.ok("session_send", Map.of("session_id", session,
          "command", "mkdir -p work && cd work && GREETING='hi there'\ngreet() { echo \"$GREETING, $1\"; }"));
      assertThat(first).containsEntry("exit_code", 0).containsEntry("cwd", "/home/sandbox/work");
      Map<String, Object> second = mcp.ok("session_send", Map.of("session_id", session, "command", "pwd; greet you; false"));
      assertThat(second).containsEntry("stdout", "/home/sandbox/work\nhi there, you\n").containsEntry("exit_code", 1)
          .containsEntry("stderr", "");
      Map<String, Object> slow = mcp.ok("session_send", Map.of("session_id", session, "command", "sleep 30", "timeout_seconds", 1));
      assertThat(slow).containsEntry("timed_out", true).containsEntry("exit_code", 124);
      assertThat(mcp.ok("session_send", Map.of("session_id", session, "command", "greet again"))).containsEntry("stdout", "hi there, again\n");
      assertThat(mcp.error("session_send", Map.of("session_id", session, "command", "exit 3")))
          .contains("closed", "exited", "session_open");
      assertThat(mcp.error("session_send", Map.of("session_id", session, "command", "true"))).contains("no open session");

      String other = (String) mcp.ok("session_open", Map.of("sandbox_id", id, "workdir", "/tmp")).get("session_id");
      assertThat(mcp.ok("session_send", Map.of("session_id", other, "command", "pwd"))).containsEntry("stdout", "/tmp\n");
      mcp.ok("session_close", Map.of("session_id", other));
      assertThat(mcp.error("session_send", Map.of("session_id", other, "command", "true"))).contains("no open session");
      assertThat(mcp.error("session_open", Map.of("sandbox_id", id, "workdir", "/nope"))).contains("/nope");
    }
  }

  @EngineTest
  void mcp_processPoll_returnsPartialOutputWhileRunning_thenTheEnd(TestEngine engine) {
    try (McpClientSession mcp = new McpClientSession(engine)) {
      String id = mcp.createSandbox();
      String pid = (String) mcp.ok("process_start", Map.of("sandbox_id", id,
          "command", "echo one; sleep 2; echo two; sleep 2; echo three >&2; exit 4")).get("process_id");
      Map<String, Object> first = mcp.ok("process_poll", Map.of("process_id", pid, "wait_seconds", 10));
      assertThat(first).containsEntry("running", true).containsEntry("stdout", "one\n").containsEntry("exit_code", null);
      Map<String, Object> second = mcp.ok("process_poll", Map.of("process_id", pid, "wait_seconds", 10));
      assertThat(second).containsEntry("running", true).containsEntry("stdout", "two\n");
      Map<String, Object> end = mcp.ok("process_poll", Map.of("process_id", pid, "wait_seconds", 20, "wait_for_exit", true));
      assertThat(end).containsEntry("running", false).containsEntry("exit_code", 4)
          .containsEntry("stdout", "").containsEntry("stderr", "three\n");

      String limited = (String) mcp.ok("process_start", Map.of("sandbox_id", id, "command", "echo x; sleep 60",
          "timeout_seconds", 1)).get("process_id");
      Map<String, Object> killed = mcp.ok("process_poll", Map.of("process_id", limited, "wait_seconds", 20, "wait_for_exit", true));
      assertThat(killed).containsEntry("running", false).containsEntry("exit_code", 124).containsEntry("timed_out", true)
          .containsEntry("stdout", "x\n");
    }
  }

  @EngineTest
  void mcp_runCode_nodeMissingFromMinimal_isA127ResultWithAHint(TestEngine engine) {
    try (McpClientSession mcp = new McpClientSession(engine)) {
      String id = mcp.createSandbox();
      Map<String, Object> node = mcp.ok("run_code", Map.of("sandbox_id", id, "language", "node", "code", "console.log(1)"));
      assertThat(node).containsEntry("exit_code", 127);
      assertThat((String) node.get("stderr")).contains("node is not installed");
      assertThat((String) node.get("hint")).contains("node");
      Map<String, Object> sh = mcp.ok("run_code", Map.of("sandbox_id", id, "language", "sh", "code", "echo \"$0 '$HOME'\" | grep -c snippet"));
      assertThat(sh).containsEntry("stdout", "1\n");
    }
  }

  @EngineTest
  void mcp_snapshot_newSandboxFromItSeesTheFile(TestEngine engine) throws Exception {
    String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
    try (McpClientSession mcp = new McpClientSession(engine);
        EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      String id = mcp.createSandbox();
      mcp.ok("file_write", Map.of("sandbox_id", id, "path", "kept/state.txt", "content", "from the snapshot\n"));
      try {
        Map<String, Object> snap = mcp.ok("sandbox_snapshot", Map.of("sandbox_id", id, "name", name));
        assertThat(snap).containsEntry("image", "localhost/pocket-dock-snapshot/" + name + ":latest");
        assertThat((String) snap.get("image_id")).startsWith("sha256:");
        assertThat(mcp.ok("sandbox_run", Map.of("sandbox_id", id, "command", "true"))).containsEntry("exit_code", 0);
        Map<String, Object> copy = mcp.ok("sandbox_create", Map.of("snapshot", name));
        assertThat(copy).containsEntry("image", "localhost/pocket-dock-snapshot/" + name + ":latest");
        Map<String, Object> read = mcp.ok("file_read", Map.of("sandbox_id", copy.get("sandbox_id"), "path", "kept/state.txt"));
        assertThat(read).containsEntry("content", "from the snapshot\n");
        assertThat(mcp.error("sandbox_create", Map.of("snapshot", name + "-none"))).contains("no snapshot named", "sandbox_snapshot");
        assertThat(mcp.error("sandbox_snapshot", Map.of("sandbox_id", id, "name", "Bad/Name"))).contains("name");
      } finally {
        for (Object s : (List<?>) mcp.ok("sandbox_list", Map.of()).get("sandboxes")) {
          mcp.ok("sandbox_shutdown", Map.of("sandbox_id", ((Map<?, ?>) s).get("sandbox_id")));
        }
        raw.removeImage("localhost/pocket-dock-snapshot/" + name + ":latest", true);
      }
    }
  }

  @EngineTest
  void mcp_operatorVolume_readOnly_modelReadsHostFileButCannotWrite(TestEngine engine) throws Exception {
    Path dir = Files.createTempDirectory("pd-mcp-vol");
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(dir.resolve("host.txt"), "from the host\n");
      try (McpClientSession mcp = new McpClientSession(engine, "--volume", dir + ":/data:ro")) {
        Map<String, Object> created = mcp.ok("sandbox_create", Map.of());
        String id = (String) created.get("sandbox_id");
        assertThat(created.get("volumes")).isEqualTo(List.of("/data (read-only)"));
        assertThat(created.toString()).doesNotContain(dir.toString());
        assertThat(mcp.ok("file_read", Map.of("sandbox_id", id, "path", "/data/host.txt")))
            .containsEntry("content", "from the host\n");
        assertThat(mcp.ok("file_list", Map.of("sandbox_id", id, "path", "/data")).get("entries").toString())
            .contains("name=host.txt");
        String refused = mcp.error("file_write", Map.of("sandbox_id", id, "path", "/data/new.txt", "content", "x"));
        assertThat(refused).contains("/data");
        assertThat(mcp.error("file_write", Map.of("sandbox_id", id, "path", "/data/host.txt", "content", "changed")))
            .contains("/data");
        Map<String, Object> sh = mcp.ok("sandbox_run", Map.of("sandbox_id", id, "command", "echo x > /data/other.txt"));
        assertThat((Integer) sh.get("exit_code")).isNotZero();
      }
      assertThat(Files.readString(dir.resolve("host.txt"))).isEqualTo("from the host\n");
      try (var files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("host.txt");
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  @EngineTest
  void mcp_persistentSandbox_laterSessionListsAndResumesIt(TestEngine engine) throws Exception {
    String family;
    String id;
    try (McpClientSession first = new McpClientSession(engine)) {
      family = McpClientSession.SESSION_LABEL + "=" + first.sessionId;
      id = (String) first.ok("sandbox_create", Map.of("persist", true)).get("sandbox_id");
      first.ok("file_write", Map.of("sandbox_id", id, "path", "notes.txt", "content", "kept\n"));
    }
    try (McpClientSession later = new McpClientSession(engine, "--label", family);
        McpClientSession stranger = new McpClientSession(engine)) {
      assertThat(stranger.ok("sandbox_list", Map.of()).get("earlier_sandboxes").toString()).doesNotContain(id);
      assertThat(stranger.error("sandbox_resume", Map.of("sandbox_id", id))).contains("no persistent sandbox");
      List<?> earlier = awaitEarlier(later, id);
      assertThat(earlier.toString()).contains(id);
      Map<String, Object> resumed = later.ok("sandbox_resume", Map.of("sandbox_id", id));
      assertThat(resumed).containsEntry("sandbox_id", id).containsEntry("persist", true);
      assertThat(later.ok("file_read", Map.of("sandbox_id", id, "path", "notes.txt"))).containsEntry("content", "kept\n");
      assertThat(later.ok("sandbox_list", Map.of()).get("earlier_sandboxes").toString()).doesNotContain(id);
      assertThat(later.ok("sandbox_shutdown", Map.of("sandbox_id", id))).containsEntry("stopped", true);
    } finally {
      try (EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
        for (JsonObject c : raw.listContainers(List.of(family))) {
          raw.removeContainer(c.string("Id", ""), true);
        }
      }
    }
  }

  /** The earlier sandboxes once {@code id} among them is stopped (the first server stops it as it exits). */
  private static List<?> awaitEarlier(McpClientSession mcp, String id) throws InterruptedException {
    List<?> earlier = List.of();
    for (int i = 0; i < 100; i++) {
      earlier = (List<?>) mcp.ok("sandbox_list", Map.of()).get("earlier_sandboxes");
      if (earlier.toString().contains(id) && !earlier.toString().contains("status=running")) {
        break;
      }
      Thread.sleep(200);
    }
    return earlier;
  }

  @EngineTest
  void mcp_badCalls_comeBackAsToolErrorsAndTheServerStaysUp(TestEngine engine) {
    try (McpClientSession mcp = new McpClientSession(engine, "--max-sandboxes", "1")) {
      assertThat(mcp.error("sandbox_run", Map.of("sandbox_id", "pd-unknown", "command", "true")))
          .contains("no sandbox 'pd-unknown'", "hint:");
      assertThat(mcp.error("sandbox_create", Map.of("network", true)))
          .contains("network access is not allowed", "--allow-network");
      assertThat(mcp.error("sandbox_create", Map.of("profile", "no-such-profile")))
          .contains("localhost/pocket-dock/no-such-profile", "hint:");
      assertThat(mcp.error("sandbox_create", Map.of("memory", "lots"))).contains("lots");
      String id = mcp.createSandbox();
      assertThat(mcp.error("sandbox_create", Map.of())).contains("already holds 1 sandboxes", "sandbox_shutdown");
      assertThat(mcp.error("sandbox_run", Map.of("sandbox_id", id))).contains("command");
      assertThat(mcp.error("sandbox_run", Map.of("sandbox_id", id, "command", "true", "timeout_seconds", 0)))
          .contains("timeout_seconds");
      assertThat(mcp.error("file_read", Map.of("sandbox_id", id, "path", "missing.txt")))
          .contains("no such file", "/home/sandbox/missing.txt");
      assertThat(mcp.error("file_write", Map.of("sandbox_id", id, "path", "nodir/x.txt", "content", "x", "create_parents", false)))
          .contains("/home/sandbox/nodir");
      assertThat(mcp.error("file_write", Map.of("sandbox_id", id, "path", "/etc/passwd", "content", "x")))
          .contains("/etc/passwd", "Permission denied");
      assertThat(mcp.ok("sandbox_run", Map.of("sandbox_id", id, "command", "head -c 5 /etc/passwd"))).containsEntry("stdout", "root:");
      assertThat(mcp.error("file_read", Map.of("sandbox_id", id, "path", "/etc/shadow"))).contains("/etc/shadow", "permission denied");
      mcp.ok("sandbox_run", Map.of("sandbox_id", id, "command", "ln -s /etc home-etc"));
      assertThat(mcp.error("file_write", Map.of("sandbox_id", id, "path", "home-etc/evil", "content", "x"))).contains("/home/sandbox/home-etc/evil");
      assertThat(mcp.ok("sandbox_run", Map.of("sandbox_id", id, "command", "test ! -e /etc/evil && ! ls -A /tmp | grep -q pocket-dock-upload"))).containsEntry("exit_code", 0);
      assertThat(mcp.error("run_code", Map.of("sandbox_id", id, "language", "cobol", "code", "x")))
          .contains("language");
      assertThat(mcp.error("process_poll", Map.of("process_id", "p-nope"))).contains("p-nope");
      CallToolResult timedOut = mcp.call("sandbox_run", Map.of("sandbox_id", id, "command", "sleep 60", "timeout_seconds", 1));
      assertThat(timedOut.isError()).isFalse();
      assertThat(timedOut.structuredContent().toString()).contains("exit_code=124", "timed_out=true");
      Map<String, Object> crash = mcp.ok("python_exec", Map.of("sandbox_id", id, "code", "import os\nos._exit(1)"));
      assertThat(crash.get("error").toString()).contains("InterpreterCrashed");
      assertThat(mcp.ok("python_exec", Map.of("sandbox_id", id, "code", "1 + 1"))).containsEntry("value", "2");
    }
  }

  @EngineTest
  void mcp_clientDisconnects_serverRemovesItsSandboxesAndStopsPersistentOnes(TestEngine engine) throws Exception {
    String label;
    try (McpClientSession mcp = new McpClientSession(engine)) {
      label = McpClientSession.SESSION_LABEL + "=" + mcp.sessionId;
      String ephemeral = mcp.createSandbox();
      String persistent = (String) mcp.ok("sandbox_create", Map.of("persist", true)).get("sandbox_id");
      try (EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
        // With the warm pool's sandbox (same labels) when it is ready.
        assertThat(names(raw, label)).contains(ephemeral, persistent);
        assertThat(raw.listContainers(List.of("io.pocketdock.mcp.server"))).isNotEmpty();
      }
    }
    try (EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      List<JsonObject> left = raw.listContainers(List.of(label));
      for (int i = 0; i < 100 && !(left.size() == 1 && !"running".equals(left.get(0).string("State", ""))); i++) {
        Thread.sleep(200);
        left = raw.listContainers(List.of(label));
      }
      assertThat(left).hasSize(1);
      assertThat(left.get(0).object("Labels").string("io.pocketdock.persist", "")).isEqualTo("true");
      assertThat(left.get(0).string("State", "")).isNotEqualTo("running");
      raw.removeContainer(left.get(0).string("Id", ""), true);
    }
  }

  @EngineTest
  void mcp_defaultCreate_handsOutAWarmSandbox_nonDefaultIsCold_nothingLeftAfterExit(TestEngine engine)
      throws Exception {
    String label;
    try (EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      try (McpClientSession mcp = new McpClientSession(engine)) {
        label = McpClientSession.SESSION_LABEL + "=" + mcp.sessionId;
        String id = null;
        Set<String> warm = Set.of();
        // The server never waits for the pool: a call that comes while the pool's sandbox is still
        // starting gets one created on the spot; the next call then finds the warm one ready.
        for (int attempt = 0; attempt < 3 && (id == null || !warm.contains(id)); attempt++) {
          if (id != null) {
            mcp.ok("sandbox_shutdown", Map.of("sandbox_id", id));
          }
          Poll.until(WAIT, "the pool's warm sandbox running", () -> !running(raw, label).isEmpty());
          warm = running(raw, label);
          id = mcp.createSandbox();
        }
        assertThat(warm).as("the sandbox existed before sandbox_create").contains(id);
        String handedOut = id;
        Poll.until(WAIT, "a replacement warming up", () -> !Set.of(handedOut).containsAll(running(raw, label)));
        Set<String> before = names(raw, label);

        String cold = (String) mcp.ok("sandbox_create", Map.of("memory", "512m")).get("sandbox_id");
        assertThat(before).as("a non-default sandbox is created on the spot").doesNotContain(cold);
        assertThat(names(raw, label)).as("the warm one stays in the pool").containsAll(before);

        // To the model, a warm sandbox is like any other.
        assertThat(mcp.ok("sandbox_run", Map.of("sandbox_id", id, "command", "whoami; pwd")))
            .containsEntry("exit_code", 0).containsEntry("stdout", "sandbox\n/home/sandbox\n");
        assertThat(mcp.ok("sandbox_list", Map.of()).get("sandboxes").toString()).contains(id, cold);
        assertThat(mcp.ok("sandbox_shutdown", Map.of("sandbox_id", id))).containsEntry("removed", true);
        assertThat(names(raw, label)).doesNotContain(id);
      }
      Poll.until(WAIT, "every container of the server removed after it exits", () -> names(raw, label).isEmpty());
    }
  }

  @EngineTest
  void mcp_warmZero_keepsNoPoolSandbox(TestEngine engine) throws Exception {
    try (McpClientSession mcp = new McpClientSession(engine, "--warm", "0");
        EngineClient raw = LeakSweeper.RawEngine.connect(engine.socket())) {
      String label = McpClientSession.SESSION_LABEL + "=" + mcp.sessionId;
      String id = mcp.createSandbox();
      assertThat(mcp.ok("sandbox_run", Map.of("sandbox_id", id, "command", "true"))).containsEntry("exit_code", 0);
      assertThat(names(raw, label)).containsExactly(id);
    }
  }

  /** The names of the containers carrying {@code label}, whatever their state. */
  private static Set<String> names(EngineClient raw, String label) {
    return names(raw, label, false);
  }

  /** The names of the running containers carrying {@code label}. */
  private static Set<String> running(EngineClient raw, String label) {
    return names(raw, label, true);
  }

  private static Set<String> names(EngineClient raw, String label, boolean runningOnly) {
    Set<String> names = new TreeSet<>();
    try {
      for (JsonObject c : raw.listContainers(List.of(label))) {
        if (runningOnly && !"running".equals(c.string("State", ""))) {
          continue;
        }
        for (String n : c.array("Names").strings()) {
          names.add(n.startsWith("/") ? n.substring(1) : n);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return names;
  }
}
