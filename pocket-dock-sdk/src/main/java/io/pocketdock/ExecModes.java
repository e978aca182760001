package io.pocketdock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The three ways to run something in one container (blocking, streaming, detached), for shell
 * commands and code snippets alike. Each is an {@link ExecCall} with a different consumer of its
 * output.
 */
final class ExecModes {
  private final EngineContext engine;
  private final CommandRunner runner;
  private final ProcessCallbacks callbacks = new ProcessCallbacks();

  ExecModes(EngineContext engine) {
    this.engine = engine;
    this.runner = new CommandRunner(engine);
  }

  ProcessCallbacks callbacks() {
    return callbacks;
  }

  /** What to execute: a shell command or a snippet, as argv plus extra environment. */
  record Program(List<String> argv, Map<String, String> env) {
    static Program shell(String command) {
      return new Program(List.of("/bin/sh", "-c", command), Map.of());
    }

    static Program snippet(String code, Language language) {
      Map<String, String> env = SnippetScript.env(code);
      return new Program(SnippetScript.command(language), env);
    }
  }

  ExecResult run(
      String containerId, String name, Program program, ExecOptions options, Duration fallback) {
    return runner.run(containerId, name, program.argv(), program.env(), options, fallback);
  }

  ExecStream stream(
      String containerId, String name, Program program, ExecOptions options, Duration fallback) {
    ExecCall call = start(containerId, name, "stream", program, options, timeout(options, fallback));
    return new EngineExecStream(call, options.maxOutput());
  }

  BackgroundProcess detached(String containerId, String name, Program program, ExecOptions options) {
    // No fallback timeout: a background server must not die after the container's default 30 s.
    ExecCall call = start(containerId, name, "run", program, options, options.timeout());
    return EngineBackgroundProcess.start(
        call, name, options.bufferSize(), callbacks, engine.workers);
  }

  private ExecCall start(
      String containerId,
      String name,
      String operation,
      Program program,
      ExecOptions options,
      @Nullable Duration timeout) {
    return ExecCall.start(
        engine, containerId, name, operation, program.argv(), options, program.env(), timeout);
  }

  private static Duration timeout(ExecOptions options, Duration fallback) {
    Duration t = options.timeout();
    return t != null ? t : fallback;
  }
}
