package io.pocketdock.it;

import io.pocketdock.ContainerNotFoundException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The packaged CLI jar as a subprocess against one engine, as a script runs it: no terminal,
 * output captured. Optionally in a working directory and with text on stdin.
 */
final class CliProcess {
  static final Path JAR =
      Path.of(System.getProperty("pocketdock.cliJar", "../pocket-dock-cli/target/pocket-dock.jar"));

  /** One run's exit code and output. */
  record Result(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private CliProcess() {}

  /** Runs {@code pocket-dock --socket <engine> args...} in the test's working directory. */
  static Result run(TestEngine engine, String... args) {
    return runIn(engine, null, null, args);
  }

  /** Runs in {@code dir} (when not null) with {@code stdin} (when not null, else /dev/null). */
  static Result runIn(TestEngine engine, @Nullable Path dir, @Nullable String stdin, String... args) {
    Process p = start(engine, dir, args);
    try {
      CompletableFuture<String> out = drain(p.getInputStream());
      CompletableFuture<String> err = drain(p.getErrorStream());
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("pocket-dock " + List.of(args) + " did not finish in 180 s");
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Starts the CLI and leaves its streams to the caller. */
  static Process start(TestEngine engine, @Nullable Path dir, String... args) {
    if (!Files.isRegularFile(JAR)) {
      throw new AssertionError("CLI jar missing: " + JAR.toAbsolutePath() + " (package pocket-dock-cli first)");
    }
    ProcessBuilder pb = new ProcessBuilder(command(engine, args));
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.environment().remove("POCKET_DOCK_SOCKET");
    pb.environment().remove("NO_COLOR");
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The java command line for the jar, with the engine's socket first. */
  static List<String> command(TestEngine engine, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.add("--socket");
    command.add(engine.socket().toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Creates a sandbox through the CLI and returns its name. */
  static String create(TestEngine engine, @Nullable Path dir, String... extra) {
    List<String> args = new ArrayList<>(List.of("create", "--image", TestImages.MINIMAL));
    args.addAll(List.of(extra));
    Result r = runIn(engine, dir, null, args.toArray(String[]::new));
    if (r.code() != 0) {
      throw new AssertionError("create failed: " + r.err());
    }
    return r.out().strip();
  }

  /** Removes a CLI-made sandbox whatever state it is in; gone already is fine. */
  static void remove(TestEngine engine, String name) {
    try {
      engine.dock().destroy(name);
    } catch (ContainerNotFoundException gone) {
      // What we want.
    }
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** A file in a fresh directory. */
  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static File devNull() {
    return new File("/dev/null");
  }
}
