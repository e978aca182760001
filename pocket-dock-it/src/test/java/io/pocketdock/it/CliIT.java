package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pocketdock.ContainerNotFoundException;
import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonBoolean;
import io.pocketdock.internal.json.JsonNumber;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonString;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The packaged CLI jar, run as a subprocess against each engine exactly as a script would: no
 * terminal, output captured, exit codes checked. Every container a test creates is shut down
 * through the CLI at the end (and through the SDK as a backstop), since CLI containers carry no
 * test label for the sweeper.
 */
class CliIT {
  private static final Path JAR =
      Path.of(System.getProperty("pocketdock.cliJar", "../pocket-dock-cli/target/pocket-dock.jar"));

  /** One CLI run. */
  record Cli(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  @EngineTest
  void create_printsOnlyTheName_shutdownRemovesIt(TestEngine engine) {
    Cli created = cli(engine, "create", "--image", TestImages.MINIMAL);
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out()).matches("pd-[0-9a-f]{12}\n");
    assertThat(created.err()).isEmpty();
    String name = created.out().strip();
    try {
      assertThat(engine.dock().attach(name).info().running()).isTrue();
    } finally {
      Cli shut = cli(engine, "shutdown", name, "--yes");
      assertThat(shut.code()).as(shut.err()).isZero();
      assertThat(shut.out()).isEmpty();
    }
    assertThatThrownBy(() -> engine.dock().attach(name)).isInstanceOf(ContainerNotFoundException.class);
  }

  @EngineTest
  void create_json_hasIdNameImage(TestEngine engine) {
    String name = "pd-it-cli-json-" + TestEngine.RUN_ID.substring(0, 8);
    Cli created = cli(engine, "create", "--image", TestImages.MINIMAL, "--name", name, "--json");
    try {
      assertThat(created.code()).as(created.err()).isZero();
      assertThat(created.out().lines()).hasSize(1);
      JsonObject o = Json.parseObject(created.out());
      assertThat(o.members().keySet()).containsExactly("id", "name", "image");
      assertThat(o.string("name", "")).isEqualTo(name);
      assertThat(o.string("image", "")).isEqualTo(TestImages.MINIMAL);
      assertThat(o.string("id", "")).isEqualTo(engine.dock().attach(name).id());
    } finally {
      remove(engine, name);
    }
  }

  @EngineTest
  void run_passesOutputAndExitCodeThrough(TestEngine engine) {
    withBox(engine, name -> {
      Cli r = cli(engine, "run", name, "--", "echo out; echo err >&2; exit 3");
      assertThat(r.code()).isEqualTo(3);
      assertThat(r.out()).isEqualTo("out\n");
      assertThat(r.err()).isEqualTo("err\n");

      Cli words = cli(engine, "run", name, "ls", "-d", "/home/sandbox");
      assertThat(words.code()).as(words.err()).isZero();
      assertThat(words.out()).isEqualTo("/home/sandbox\n");
    });
  }

  @EngineTest
  void run_timeout_killsAndExits124WithOneNotice(TestEngine engine) {
    withBox(engine, name -> {
      long start = System.nanoTime();
      Cli r = cli(engine, "run", name, "--timeout", "1", "--", "echo started; sleep 30");
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      assertThat(r.code()).isEqualTo(124);
      assertThat(r.out()).isEqualTo("started\n");
      assertThat(r.errLines()).singleElement().asString().contains("timed out");
      assertThat(seconds).isLessThan(20);
    });
  }

  @EngineTest
  void run_json_isOneObjectCheckedFieldByField(TestEngine engine) {
    withBox(engine, name -> {
      Cli r = cli(engine, "run", name, "--json", "--", "printf 'a\"b\\n'; printf 'é' >&2; exit 2");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).isEmpty();
      assertThat(r.out().lines()).hasSize(1);
      JsonObject o = Json.parseObject(r.out());
      assertThat(o.members().keySet())
          .containsExactly("exit_code", "stdout", "stderr", "duration_ms", "timed_out", "truncated");
      assertThat(o.get("exit_code")).containsInstanceOf(JsonNumber.class);
      assertThat(o.longValue("exit_code", -1)).isEqualTo(2);
      assertThat(o.string("stdout", "")).isEqualTo("a\"b\n");
      assertThat(o.string("stderr", "")).isEqualTo("é");
      assertThat(o.get("duration_ms")).containsInstanceOf(JsonNumber.class);
      assertThat(o.longValue("duration_ms", -1)).isBetween(0L, 30_000L);
      assertThat(o.get("timed_out")).containsInstanceOf(JsonBoolean.class);
      assertThat(o.bool("timed_out", true)).isFalse();
      assertThat(o.bool("truncated", true)).isFalse();

      Cli late = cli(engine, "run", name, "--json", "--timeout", "1", "--", "sleep 30");
      assertThat(late.code()).isEqualTo(124);
      JsonObject t = Json.parseObject(late.out());
      assertThat(t.longValue("exit_code", -1)).isEqualTo(124);
      assertThat(t.bool("timed_out", false)).isTrue();
    });
  }

  @EngineTest
  void info_json_hasEveryFieldWithItsType(TestEngine engine) {
    String name = "pd-it-cli-info-" + TestEngine.RUN_ID.substring(0, 8);
    Cli created =
        cli(engine, "create", "--image", TestImages.MINIMAL, "--name", name, "--mem-limit", "256m");
    assertThat(created.code()).as(created.err()).isZero();
    try {
      Cli r = cli(engine, "info", name, "--json");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out().lines()).hasSize(1);
      JsonObject o = Json.parseObject(r.out());
      assertThat(o.members().keySet())
          .containsExactly(
              "id", "name", "status", "image", "created_at", "started_at", "uptime_seconds",
              "memory_usage", "memory_limit", "memory_percent", "cpu_percent", "pids", "network",
              "ip_address", "ports", "processes");
      assertThat(o.string("id", "")).isEqualTo(engine.dock().attach(name).id());
      assertThat(o.string("name", "")).isEqualTo(name);
      assertThat(o.string("status", "")).isEqualTo("running");
      assertThat(o.string("image", "")).contains("pocket-dock/minimal");
      assertThat(Instant.parse(o.string("created_at", ""))).isBefore(Instant.now().plusSeconds(60));
      assertThat(Instant.parse(o.string("started_at", ""))).isAfterOrEqualTo(Instant.parse(o.string("created_at", "")));
      assertThat(o.longValue("uptime_seconds", -1)).isBetween(0L, 600L);
      assertThat(o.longValue("memory_usage", -1)).isPositive();
      assertThat(o.longValue("memory_limit", -1)).isEqualTo(256L << 20);
      assertThat(o.get("memory_percent")).containsInstanceOf(JsonNumber.class);
      assertThat(o.doubleValue("memory_percent", -1)).isBetween(0.0, 100.0);
      assertThat(o.get("cpu_percent")).containsInstanceOf(JsonNumber.class);
      assertThat(o.longValue("pids", -1)).isPositive();
      assertThat(o.get("network")).containsInstanceOf(JsonBoolean.class);
      assertThat(o.bool("network", true)).isFalse();
      assertThat(o.get("ip_address")).containsInstanceOf(JsonString.class);
      assertThat(o.array("ports").values()).isEmpty();
      JsonArray processes = o.array("processes");
      assertThat(processes.objects()).isNotEmpty().allSatisfy(p ->
          assertThat(p.members().keySet()).containsExactly("pid", "user", "command"));
      assertThat(processes.objects()).anySatisfy(p -> assertThat(p.string("command", "")).contains("sleep"));

      Cli text = cli(engine, "info", name);
      assertThat(text.code()).isZero();
      assertThat(text.out()).contains("status").contains("running").doesNotContain("\u001b[");
    } finally {
      remove(engine, name);
    }
  }

  @EngineTest
  void reboot_keepsFiles_freshStartsClean(TestEngine engine) {
    withBox(engine, name -> {
      assertThat(cli(engine, "run", name, "--", "echo x > /home/sandbox/f").code()).isZero();
      Cli reboot = cli(engine, "reboot", name);
      assertThat(reboot.code()).as(reboot.err()).isZero();
      assertThat(reboot.out()).isEqualTo(name + "\n");
      assertThat(cli(engine, "run", name, "--", "cat /home/sandbox/f").out()).isEqualTo("x\n");
      Cli fresh = cli(engine, "reboot", name, "--fresh");
      assertThat(fresh.code()).as(fresh.err()).isZero();
      assertThat(cli(engine, "run", name, "--", "test -e /home/sandbox/f").code()).isEqualTo(1);
    });
  }

  @EngineTest
  void shutdown_withoutYesAndWithoutTerminal_refusesAndLeavesItRunning(TestEngine engine) {
    withBox(engine, name -> {
      Cli r = cli(engine, "shutdown", name);
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out()).isEmpty();
      assertThat(r.errLines()).hasSize(2);
      assertThat(r.errLines().get(0)).startsWith("error: refusing to shut down " + name);
      assertThat(r.errLines().get(1)).startsWith("hint: ").contains("--yes");
      assertThat(engine.dock().attach(name).info().running()).isTrue();
    });
  }

  @EngineTest
  void errors_areOneErrorLinePlusAHint_exit1(TestEngine engine) {
    Cli unknown = cli(engine, "info", "pd-it-cli-no-such-container");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.errLines()).hasSize(2);
    assertThat(unknown.errLines().get(0)).startsWith("error: ").contains("pd-it-cli-no-such-container");
    assertThat(unknown.errLines().get(1)).startsWith("hint: ");

    Cli run = cli(engine, "run", "pd-it-cli-no-such-container", "true");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines().get(0)).startsWith("error: ");

    Cli profile = cli(engine, "create", "--profile", "nosuchprofile");
    assertThat(profile.code()).isEqualTo(1);
    assertThat(profile.out()).isEmpty();
    assertThat(profile.errLines()).hasSize(2);
    assertThat(profile.errLines().get(0)).startsWith("error: ").contains("nosuchprofile");
    assertThat(profile.errLines().get(1)).startsWith("hint: ").contains("pocket-dock build nosuchprofile");

    Cli verbose = cli(engine, "info", "pd-it-cli-no-such-container", "--verbose");
    assertThat(verbose.code()).isEqualTo(1);
    assertThat(verbose.err()).contains("\tat io.pocketdock.");
    assertThat(unknown.err()).doesNotContain("\tat ");
  }

  @EngineTest
  void noEngineAtTheSocket_isOneErrorLinePlusAHint(TestEngine engine) {
    Cli r = run(List.of("--socket", "/nonexistent/pd.sock", "info", "x"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(2);
    assertThat(r.errLines().get(0)).startsWith("error: ").contains("/nonexistent/pd.sock");
    assertThat(r.errLines().get(1)).startsWith("hint: ");
  }

  @EngineTest
  void usageError_exits2WithUsage(TestEngine engine) {
    Cli r = cli(engine, "run");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains("Usage: pocket-dock run");
  }

  @EngineTest
  void quickstart_runsBothCommandsAndLeavesNothing(TestEngine engine) {
    Cli r = cli(engine, "quickstart");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains(engine.kind().id())
        .contains("hello from ")
        .contains("Linux ")
        .contains("says 42")
        .contains("exit 0 in ")
        .contains("removed pd-");
    String name = r.out().replaceAll("(?s).*removed (pd-[0-9a-f]+).*", "$1");
    assertThatThrownBy(() -> engine.dock().attach(name)).isInstanceOf(ContainerNotFoundException.class);
  }

  /** Creates a sandbox through the CLI, hands its name to {@code test}, and always removes it. */
  private static void withBox(TestEngine engine, Consumer<String> test) {
    Cli created = cli(engine, "create", "--image", TestImages.MINIMAL);
    assertThat(created.code()).as(created.err()).isZero();
    String name = created.out().strip();
    try {
      test.accept(name);
    } finally {
      remove(engine, name);
    }
  }

  /** Shuts the container down through the CLI; the SDK finishes the job if the CLI did not. */
  private static void remove(TestEngine engine, String name) {
    Cli shut = cli(engine, "shutdown", name, "--yes");
    try {
      engine.dock().attach(name).shutdown(true);
    } catch (ContainerNotFoundException gone) {
      // What we want: the CLI removed it.
    }
    assertThat(shut.code()).as("shutdown %s: %s", name, shut.err()).isZero();
  }

  private static Cli cli(TestEngine engine, String... args) {
    List<String> all = new ArrayList<>(List.of("--socket", engine.socket().toString()));
    all.addAll(List.of(args));
    return run(all);
  }

  /** Runs the jar on this test's JVM with no terminal: stdin is empty, output is captured. */
  private static Cli run(List<String> args) {
    if (!Files.isRegularFile(JAR)) {
      throw new AssertionError("CLI jar missing: " + JAR.toAbsolutePath() + " (package pocket-dock-cli first)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectInput(new File("/dev/null"));
    pb.environment().remove("POCKET_DOCK_SOCKET");
    pb.environment().remove("NO_COLOR");
    try {
      Process p = pb.start();
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("pocket-dock " + args + " did not finish in 120 s");
      }
      return new Cli(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static CompletableFuture<String> drain(java.io.InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }
}
