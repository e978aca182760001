package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.frame.Frame;
import io.pocketdock.internal.frame.OutputCapture;
import io.pocketdock.internal.frame.StreamDemuxer;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonObjectBuilder;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Runs one command through the engine's exec API: create, start attached, de-frame the output into
 * a bounded capture, then read the exit code. A timer kills the command's whole process tree when
 * its timeout passes (see {@link KillScript}).
 */
final class CommandRunner {
  /** How long past the timeout the connection may stay open before the transport gives up. */
  private static final Duration STREAM_GRACE = Duration.ofSeconds(10);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final EngineContext engine;

  CommandRunner(EngineContext engine) {
    this.engine = engine;
  }

  ExecResult run(
      String containerId, String target, List<String> argv, ExecOptions options, Duration fallbackTimeout) {
    Duration timeout = options.timeout() != null ? options.timeout() : fallbackTimeout;
    String token = token();
    long started = System.nanoTime();
    String execId = createExec(containerId, target, argv, options, token);
    OutputCapture capture = new OutputCapture(options.maxOutput());
    AtomicBoolean timedOut = new AtomicBoolean();
    try (HttpResponse stream = engine.client.startExec(execId, false, timeout.plus(STREAM_GRACE))) {
      ScheduledFuture<?> timer =
          engine.timers.schedule(
              () -> {
                timedOut.set(true);
                engine.workers.execute(() -> kill(containerId, options.user(), token, "KILL"));
              },
              timeout.toNanos(),
              TimeUnit.NANOSECONDS);
      try {
        StreamDemuxer frames = new StreamDemuxer(stream.body());
        for (Frame f = frames.next(); f != null; f = frames.next()) {
          capture.write(f);
        }
      } catch (IOException e) {
        if (!timedOut.get()) {
          throw Failures.fromIo("run", target, engine.socket(), e);
        }
      } finally {
        timer.cancel(false);
      }
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("run", target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      throw Failures.fromIo("run", target, engine.socket(), e);
    }
    long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    int exitCode = timedOut.get() ? ExecResult.TIMEOUT_EXIT_CODE : exitCode(execId, target);
    return new ExecResult(
        exitCode, capture.stdout(), capture.stderr(), durationMs, timedOut.get(), capture.truncated());
  }

  private String createExec(
      String containerId, String target, List<String> argv, ExecOptions options, String token) {
    List<String> env = new ArrayList<>();
    env.add(KillScript.ENV + "=" + token);
    for (Map.Entry<String, String> e : options.env().entrySet()) {
      env.add(e.getKey() + "=" + e.getValue());
    }
    JsonObjectBuilder body =
        JsonObject.builder()
            .put("AttachStdin", false)
            .put("AttachStdout", true)
            .put("AttachStderr", true)
            .put("Tty", false)
            .put("Cmd", JsonArray.ofStrings(argv))
            .put("Env", JsonArray.ofStrings(env));
    if (options.workdir() != null) {
      body.put("WorkingDir", options.workdir());
    }
    if (options.user() != null) {
      body.put("User", options.user());
    }
    try {
      return engine.client.createExec(containerId, body.build());
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("run", target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      throw Failures.fromIo("run", target, engine.socket(), e);
    }
  }

  /**
   * Waits for the engine to record the exit code. The output stream can end a moment before the
   * engine marks the exec finished, so poll briefly.
   */
  private int exitCode(String execId, String target) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long pauseMicros = 200;
    try {
      while (true) {
        JsonObject state = engine.client.inspectExec(execId);
        if (!state.bool("Running", false) && state.has("ExitCode")) {
          return (int) state.longValue("ExitCode", -1);
        }
        if (System.nanoTime() > deadline) {
          throw new EngineCommunicationException(
              "run", target, "exec " + execId + " output ended but the engine reports it running", null);
        }
        TimeUnit.MICROSECONDS.sleep(pauseMicros);
        pauseMicros = Math.min(pauseMicros * 2, 20_000);
      }
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("run", target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (io.pocketdock.internal.http.HttpConnectException e) {
      // The output ended because the engine died mid-run: that is a broken exchange, not a
      // failure to connect in the first place.
      throw new EngineCommunicationException(
          "run", target, "the engine went away during the run (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw Failures.fromIo("run", target, engine.socket(), e);
    } catch (InterruptedException e) {
      throw Failures.interrupted("run", target, e);
    }
  }

  /**
   * Signals every process of the run with {@code token}, from a new exec as the run's user ({@code
   * null}: the container's default user).
   */
  void kill(String containerId, @Nullable String user, String token, String signal) {
    engine.quietly(
        () -> {
          JsonObject body =
              JsonObject.builder()
                  .put("AttachStdout", true)
                  .put("AttachStderr", true)
                  .putIfNotNull("User", user)
                  .put("Cmd", JsonArray.ofStrings(KillScript.command(token, signal)))
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
