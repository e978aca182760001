package io.pocketdock.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/pocket-dock}, the launcher users run: its stdout is the command's alone, before and
 * after it has trained the JDK 25 AOT cache in the background, and with the cache in use.
 */
class LauncherIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path LAUNCHER = REPO.resolve("bin/pocket-dock");
  private static final Path CACHE = REPO.resolve("pocket-dock-cli/target/pocket-dock-25.aot");

  @EngineTest
  void launcher_trainsTheAotCacheInTheBackground_outputStaysTheCommands(TestEngine engine)
      throws Exception {
    String name = CliProcess.create(engine, null);
    try {
      Files.deleteIfExists(CACHE);
      String expected =
          "{\"exit_code\":0,\"stdout\":\"hi\\n\",\"stderr\":\"\",\"duration_ms\":";
      Result first = launch(List.of(), engine, "run", name, "--json", "--", "echo hi");
      assertThat(first.code()).as(first.err()).isZero();
      assertThat(first.out()).startsWith(expected);
      assertThat(first.err()).isEmpty();

      Poll.until(Duration.ofSeconds(180), "the AOT cache is trained", () -> Files.isRegularFile(CACHE));

      Result second = launch(List.of(), engine, "run", name, "--json", "--", "echo hi");
      assertThat(second.code()).as(second.err()).isZero();
      assertThat(second.out()).startsWith(expected);
      assertThat(second.err()).isEmpty();

      // The launcher passes the cache to the JVM, and the JVM takes it (a refused option would
      // stop it with an error before the command runs).
      Result traced = launch(List.of("bash", "-x"), engine, "run", name, "--", "echo hi");
      assertThat(traced.code()).as(traced.err()).isZero();
      assertThat(traced.out()).isEqualTo("hi\n");
      assertThat(traced.err()).contains("-XX:AOTCache=" + CACHE);
    } finally {
      CliProcess.remove(engine, name);
    }
  }

  record Result(int code, String out, String err) {}

  private static Result launch(List<String> prefix, TestEngine engine, String... args)
      throws InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.add(LAUNCHER.toString());
    command.add("--socket");
    command.add(engine.socket().toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("POCKET_DOCK_AOT");
    pb.environment().remove("NO_COLOR");
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      CompletableFuture<String> out = drain(p, true);
      CompletableFuture<String> err = drain(p, false);
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("launcher did not finish in 300 s: " + command);
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CompletableFuture<String> drain(Process p, boolean stdout) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (var in = stdout ? p.getInputStream() : p.getErrorStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
