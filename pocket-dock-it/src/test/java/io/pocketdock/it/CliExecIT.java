package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The CLI's run modes, files, create options and --verbose, as a subprocess. */
class CliExecIT {

  @EngineTest
  void run_stream_showsTheFirstLineWhileTheCommandStillRuns(TestEngine engine) throws Exception {
    String name = CliProcess.create(engine, null);
    try {
      Process p = CliProcess.start(engine, null, "run", name, "--stream", "--", "echo first; sleep 3; echo second; exit 5");
      p.getOutputStream().close();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(out.readLine()).isEqualTo("first");
        assertThat(p.isAlive()).as("still running after the first line").isTrue();
        assertThat(out.readLine()).isEqualTo("second");
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(5);
    } finally {
      CliProcess.remove(engine, name);
    }
  }

  @EngineTest
  void run_detach_printsTheIdReturnsAtOnce_commandOutlivesTheCli(TestEngine engine) throws Exception {
    String name = CliProcess.create(engine, null);
    try {
      // The command cannot finish before the test creates /tmp/go, which it does only after the
      // CLI has returned and exited: so it returned at once, and the command outlived it.
      CliProcess.Result r =
          CliProcess.run(
              engine, "run", name, "--detach", "--",
              "while [ ! -e /tmp/go ]; do sleep 0.1; done; seq 1 100000; echo done > /tmp/detached");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).matches("[0-9a-f]{64}\n");
      assertThat(CliProcess.run(engine, "run", name, "--", "touch /tmp/go").code()).isZero();
      Poll.until(
          java.time.Duration.ofSeconds(30),
          "the detached command finishes after the CLI exited",
          () -> CliProcess.run(engine, "run", name, "--", "cat /tmp/detached").out().equals("done\n"));
    } finally {
      CliProcess.remove(engine, name);
    }
  }

  @EngineTest
  void run_lang_codeFromWordsOrStdin_noShellQuoting(TestEngine engine) {
    String name = CliProcess.create(engine, null);
    try {
      CliProcess.Result words = CliProcess.run(engine, "run", name, "--lang", "python", "--", "print('$HOME' * 2)");
      assertThat(words.code()).as(words.err()).isZero();
      assertThat(words.out()).isEqualTo("$HOME$HOME\n");
      CliProcess.Result stdin =
          CliProcess.runIn(engine, null, "import sys\nprint(\"it's\", sys.version_info.major)\nsys.exit(7)\n", "run", name, "--lang", "py", "-");
      assertThat(stdin.code()).isEqualTo(7);
      assertThat(stdin.out()).isEqualTo("it's 3\n");
      CliProcess.Result bad = CliProcess.run(engine, "run", name, "--lang", "cobol", "--", "x");
      assertThat(bad.code()).isEqualTo(1);
      assertThat(bad.errLines().get(0)).startsWith("error: ").contains("cobol");
    } finally {
      CliProcess.remove(engine, name);
    }
  }

  @EngineTest
  void push_pull_roundTripATree(TestEngine engine) throws Exception {
    Path host = CliProcess.tempDir("pd-cli-push");
    Files.createDirectories(host.resolve("tree/sub"));
    Files.writeString(host.resolve("tree/a.txt"), "alpha\n");
    Files.writeString(host.resolve("tree/sub/b.txt"), "beta\n");
    String name = CliProcess.create(engine, null);
    try {
      CliProcess.Result push = CliProcess.runIn(engine, host, null, "push", name, "tree", "/home/sandbox/");
      assertThat(push.code()).as(push.err()).isZero();
      assertThat(push.out()).isEmpty();
      assertThat(CliProcess.run(engine, "run", name, "--", "cat /home/sandbox/tree/sub/b.txt").out()).isEqualTo("beta\n");
      CliProcess.Result pull = CliProcess.runIn(engine, host, null, "pull", name, "/home/sandbox/tree", "back");
      assertThat(pull.code()).as(pull.err()).isZero();
      assertThat(Files.readString(host.resolve("back/a.txt"))).isEqualTo("alpha\n");
      assertThat(Files.readString(host.resolve("back/sub/b.txt"))).isEqualTo("beta\n");
      CliProcess.Result missing = CliProcess.runIn(engine, host, null, "pull", name, "/nope", "x");
      assertThat(missing.code()).isEqualTo(1);
      assertThat(missing.errLines().get(0)).startsWith("error: ").contains("/nope");
      assertThat(Files.exists(host.resolve("x"))).isFalse();
    } finally {
      CliProcess.remove(engine, name);
    }
  }

  @EngineTest
  void create_volumePortDevice_areApplied(TestEngine engine) throws Exception {
    Path host = CliProcess.tempDir("pd-cli-vol");
    Files.writeString(host.resolve("f.txt"), "from host\n");
    // The sandbox's user (uid 1000) must be able to read the mounted directory.
    Files.setPosixFilePermissions(host, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(host.resolve("f.txt"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    int port = freePort();
    String name =
        CliProcess.create(
            engine, host, "-v", ".:/data:ro", "-p", port + ":8000", "--network", "--device", "/dev/zero:/dev/pd-zero:r");
    try {
      assertThat(CliProcess.run(engine, "run", name, "--", "cat /data/f.txt").out()).isEqualTo("from host\n");
      assertThat(CliProcess.run(engine, "run", name, "--", "touch /data/new").code()).isNotZero();
      assertThat(CliProcess.run(engine, "run", name, "--", "test -c /dev/pd-zero").code()).isZero();
      JsonObject info = Json.parseObject(CliProcess.run(engine, "info", name, "--json").out());
      assertThat(info.array("ports").values()).singleElement().asString().contains(Integer.toString(port)).contains("8000");
    } finally {
      CliProcess.remove(engine, name);
    }
  }

  @EngineTest
  void verbose_printsEachEngineRequestOnStderr_stdoutStaysJson(TestEngine engine) {
    CliProcess.Result r = CliProcess.run(engine, "list", "--json", "-v");
    assertThat(r.code()).as(r.err()).isZero();
    Json.parse(r.out());
    List<String> lines = r.errLines();
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("> GET /_ping -> 200 ("));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("> GET /v[0-9.]+/containers/json\\?.* -> 200 \\(\\d+ ms\\)"));
  }

  private static int freePort() throws Exception {
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
