package io.pocketdock;

import io.pocketdock.internal.frame.OutputCapture;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs one command through the engine's exec API and waits for it: an {@link ExecCall} whose output
 * goes into a bounded capture. Also sends signals to a run's process tree (see {@link KillScript}).
 */
final class CommandRunner {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EngineContext engine;

  CommandRunner(EngineContext engine) {
    this.engine = engine;
  }

  ExecResult run(
      String containerId, String target, List<String> argv, ExecOptions options, Duration fallbackTimeout) {
    return run(containerId, target, argv, Map.of(), options, fallbackTimeout);
  }

  /** Runs {@code argv} with {@code extraEnv} added to the options' environment, and waits. */
  ExecResult run(
      String containerId,
      String target,
      List<String> argv,
      Map<String, String> extraEnv,
      ExecOptions options,
      Duration fallbackTimeout) {
    Duration timeout = options.timeout() != null ? options.timeout() : fallbackTimeout;
    OutputCapture capture = new OutputCapture(options.maxOutput());
    ExecCall call = ExecCall.start(engine, containerId, target, "run", argv, options, extraEnv, timeout);
    try {
      call.drainTo(capture::write);
    } finally {
      call.close(); // stops the timer too: the command has ended
    }
    long durationMs = call.elapsedMs();
    return new ExecResult(
        call.exitCode(),
        capture.stdout(),
        capture.stderr(),
        durationMs,
        call.timedOut(),
        capture.truncated());
  }

  /**
   * Signals every process of the run with {@code token}, from a new exec as the run's user ({@code
   * null}: the container's default user).
   */
  void kill(String containerId, @Nullable String user, String token, String signal) {
    kill(containerId, user, KillScript.ENV, token, signal);
  }

  /**
   * Like {@link #kill(String, String, String, String)}, for a run that has not ended as far as
   * the caller knows: when it has no process yet (just started), the kill waits for one a moment.
   */
  void killStarted(String containerId, @Nullable String user, String token, String signal) {
    kill(containerId, user, KillScript.command(KillScript.ENV, token, signal, KillScript.START_GRACE));
  }

  /** Signals every process whose environment has {@code variable=token} (see {@link #kill}). */
  void kill(
      String containerId, @Nullable String user, String variable, String token, String signal) {
    kill(containerId, user, KillScript.command(variable, token, signal));
  }

  private void kill(String containerId, @Nullable String user, java.util.List<String> script) {
    engine.quietly(
        () -> {
          JsonObject body =
              JsonObject.builder()
                  .put("AttachStdout", true)
                  .put("AttachStderr", true)
                  .putIfNotNull("User", user)
                  .put("Cmd", JsonArray.ofStrings(script))
                  .build();
          String execId = engine.client.createExec(containerId, body);
          try (HttpResponse r = engine.client.startExec(execId, false, Duration.ofSeconds(30))) {
            r.body().transferTo(java.io.OutputStream.nullOutputStream());
          }
        });
  }

  static String token() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
