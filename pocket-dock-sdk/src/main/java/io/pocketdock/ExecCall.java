package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.frame.Frame;
import io.pocketdock.internal.frame.StreamDemuxer;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonObjectBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One started exec, shared by every execution mode: created with a kill token in its environment,
 * started attached, its output read frame by frame, its exit code read at the end. Blocking runs,
 * streams and background processes differ only in where the frames go and who reads them.
 *
 * <p>A timeout, when there is one, kills the whole process tree through {@link KillScript}; so does
 * {@link #abort()}. Either way the output then ends, and {@link #next()} reports a clean end rather
 * than the broken connection.
 */
final class ExecCall implements AutoCloseable {
  /** How long past the timeout the connection may stay open before the transport gives up. */
  private static final Duration STREAM_GRACE = Duration.ofSeconds(10);

  private final EngineContext engine;
  private final String containerId;
  private final String target;
  private final String operation;
  private final @Nullable String user;
  private final String token;
  private final String execId;
  private final long startedNanos;
  private final HttpResponse response;
  private final StreamDemuxer frames;
  private final @Nullable ScheduledFuture<?> timer;
  private final AtomicBoolean timedOut = new AtomicBoolean();
  private final AtomicBoolean aborted = new AtomicBoolean();
  /** Whether the output reached its end by itself (not cut by a timeout or abort). */
  private volatile boolean outputEnded;

  private ExecCall(
      EngineContext engine,
      String containerId,
      String target,
      String operation,
      List<String> argv,
      ExecOptions options,
      Map<String, String> extraEnv,
      @Nullable Duration timeout) {
    this.engine = engine;
    this.containerId = containerId;
    this.target = target;
    this.operation = operation;
    this.user = options.user();
    this.token = CommandRunner.token();
    this.startedNanos = System.nanoTime();
    this.execId = createExec(argv, options, extraEnv);
    Duration deadline = timeout == null ? Duration.ZERO : timeout.plus(STREAM_GRACE);
    try {
      this.response = engine.client.startExec(execId, false, deadline);
    } catch (EngineResponseException e) {
      throw Failures.fromEngine(operation, target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      throw Failures.fromIo(operation, target, engine.socket(), e);
    }
    this.frames = new StreamDemuxer(response.body());
    try {
      this.timer = timeout == null ? null : scheduleTimeout(timeout);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      response.close();
      throw new EngineCommunicationException(operation, target, "the PocketDock is closed", e);
    }
  }

  /**
   * Creates and starts an exec of {@code argv}. {@code timeout} {@code null} means none: the exec
   * runs until it ends or is {@link #abort() aborted}.
   */
  static ExecCall start(
      EngineContext engine,
      String containerId,
      String target,
      String operation,
      List<String> argv,
      ExecOptions options,
      Map<String, String> extraEnv,
      @Nullable Duration timeout) {
    return new ExecCall(engine, containerId, target, operation, argv, options, extraEnv, timeout);
  }

  /** The engine's exec id. */
  String execId() {
    return execId;
  }

  /**
   * The next piece of output, or {@code null} at the end (also after a timeout or abort).
   *
   * @throws EngineCommunicationException if the connection broke for any other reason
   */
  @Nullable Frame next() {
    try {
      Frame f = frames.next();
      if (f == null) {
        outputEnded = true;
      }
      return f;
    } catch (IOException e) {
      if (timedOut.get() || aborted.get()) {
        return null;
      }
      throw Failures.fromIo(operation, target, engine.socket(), e);
    }
  }

  /** Reads every remaining piece into {@code sink}. */
  void drainTo(java.util.function.Consumer<Frame> sink) {
    for (Frame f = next(); f != null; f = next()) {
      sink.accept(f);
    }
  }

  /** Whether the timeout killed the command. */
  boolean timedOut() {
    return timedOut.get();
  }

  /** Whether {@link #abort()} was called. */
  boolean aborted() {
    return aborted.get();
  }

  /** Milliseconds since the exec was created. */
  long elapsedMs() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }

  /**
   * The exit code, once the output has ended: 124 after a timeout, else what the engine recorded.
   * The output stream can end a moment before the engine marks the exec finished, so poll briefly.
   */
  int exitCode() {
    if (timedOut.get()) {
      return ExecResult.TIMEOUT_EXIT_CODE;
    }
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
              operation,
              target,
              "exec " + execId + " output ended but the engine reports it running",
              null);
        }
        TimeUnit.MICROSECONDS.sleep(pauseMicros);
        pauseMicros = Math.min(pauseMicros * 2, 20_000);
      }
    } catch (EngineResponseException e) {
      throw Failures.fromEngine(operation, target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      // Even when the engine cannot be reached at all now: what broke is the run in progress.
      throw new EngineCommunicationException(
          operation,
          target,
          "the output of exec " + execId + " ended but its exit code could not be read: "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      throw Failures.interrupted(operation, target, e);
    }
  }

  /** Sends {@code signal} (a name such as TERM) to the command's whole process tree and waits. */
  void signal(String signal) {
    new CommandRunner(engine).kill(containerId, user, token, signal);
  }

  /**
   * {@link #signal} for a caller that holds the run for running (a background process's {@code
   * kill}): while its output has not ended, a first scan that finds no process looks again for a
   * moment, since exec start can answer before the process exists. Timeouts and aborts keep the
   * single scan: they never come right after the start, and an abort must not wait.
   */
  void signalRunning(String signal) {
    CommandRunner runner = new CommandRunner(engine);
    if (outputEnded) {
      runner.kill(containerId, user, token, signal);
    } else {
      runner.killStarted(containerId, user, token, signal);
    }
  }

  /**
   * Kills the command's process tree and closes the connection, so a reader blocked in {@link
   * #next()} sees the end. Returns once the kill was sent. Idempotent.
   */
  void abort() {
    if (aborted.compareAndSet(false, true)) {
      response.close();
      signal("KILL");
    }
  }

  /** Stops the timer and closes the connection (does not kill the command). Idempotent. */
  @Override
  public void close() {
    if (timer != null) {
      timer.cancel(false);
    }
    response.close();
  }

  private ScheduledFuture<?> scheduleTimeout(Duration timeout) {
    return engine.timers.schedule(
        () -> {
          timedOut.set(true);
          killInBackground();
        },
        timeout.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  private void killInBackground() {
    try {
      engine.workers.execute(() -> signal("KILL"));
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      // The dock is closing: its containers are being removed, which ends the command anyway.
    }
  }

  private String createExec(List<String> argv, ExecOptions options, Map<String, String> extraEnv) {
    List<String> env = new ArrayList<>();
    env.add(KillScript.ENV + "=" + token);
    for (Map.Entry<String, String> e : options.env().entrySet()) {
      env.add(e.getKey() + "=" + e.getValue());
    }
    for (Map.Entry<String, String> e : extraEnv.entrySet()) {
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
      throw Failures.fromEngine(operation, target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      throw Failures.fromIo(operation, target, engine.socket(), e);
    }
  }
}
