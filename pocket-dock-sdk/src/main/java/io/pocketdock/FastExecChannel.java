package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.frame.Frame;
import io.pocketdock.internal.frame.OutputCapture;
import io.pocketdock.internal.frame.StreamDemuxer;
import io.pocketdock.internal.frame.StreamKind;
import io.pocketdock.internal.http.HttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One fast-exec helper ({@link FastExecScript}) running in a sandbox, reached over its exec's
 * upgraded connection: requests go to its stdin, the runs' output and markers come back on its
 * framed stdout and stderr. Carries one run at a time; {@link FastExec} keeps several.
 */
final class FastExecChannel implements AutoCloseable {
  private final EngineContext engine;
  private final String containerId;
  private final HttpResponse connection;
  private final OutputStream stdin;
  private final StreamDemuxer frames;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean completedARun;

  private FastExecChannel(EngineContext engine, String containerId, HttpResponse connection) {
    this.engine = engine;
    this.containerId = containerId;
    this.connection = connection;
    this.stdin = connection.upgradedOutput();
    this.frames = new StreamDemuxer(connection.body());
  }

  /** Starts a helper as the container's default user; I/O and engine errors mean "cannot". */
  static FastExecChannel open(EngineContext engine, String containerId)
      throws IOException, EngineResponseException {
    HttpResponse response =
        engine.client
            .startAttached(
                containerId,
                FastExecScript.command(),
                List.of(KillScript.ENV + "=" + CommandRunner.token()))
            .connection();
    try {
      return new FastExecChannel(engine, containerId, response);
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
  }

  String containerId() {
    return containerId;
  }

  /** Whether a run has gone all the way through this helper (it works in this container). */
  boolean completedARun() {
    return completedARun;
  }

  boolean isOpen() {
    return !closed.get();
  }

  /**
   * Runs one command. Returns {@code null} when the command certainly did not start (the helper is
   * gone, or the working directory is missing): the caller may run it another way. The channel is
   * closed whenever it can no longer be trusted with another run.
   */
  @Nullable ExecResult run(
      String target, String command, ExecOptions options, Duration runTimeout) {
    String marker = "\u001epd" + CommandRunner.token();
    String token = CommandRunner.token();
    OutputCapture capture = new OutputCapture(options.maxOutput());
    RunState state = new RunState();
    MarkerScanner out = new MarkerScanner(marker, state.sink(capture, StreamKind.STDOUT));
    MarkerScanner err = new MarkerScanner(marker, state.sink(capture, StreamKind.STDERR));
    long started = System.nanoTime();
    RunTimeout timeout = new RunTimeout(engine, runTimeout, () -> kill(token), this::close);
    try (timeout) {
      stdin.write(
          FastExecScript.request(marker, token, options.workdir(), options.env(), command));
      while (!(out.ended() && err.ended())) {
        Frame f = frames.next();
        if (f == null) {
          throw new IOException("the fast-exec helper ended");
        }
        (f.stream() == StreamKind.STDERR ? err : out).feed(f.data(), 0, f.data().length);
      }
    } catch (IOException | RuntimeException e) {
      close();
      if (!state.started) {
        return null; // never started: safe to run another way
      }
      if (!timeout.timedOut()) {
        engine.workers.execute(() -> kill(token)); // nothing of the run keeps going unseen
        return state.lost(engine, containerId, target, capture, started);
      }
    }
    completedARun = true;
    if (!state.started) {
      return null;
    }
    long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    int exitCode = timeout.timedOut() ? ExecResult.TIMEOUT_EXIT_CODE : state.exitCode;
    return new ExecResult(
        exitCode, capture.stdout(), capture.stderr(), durationMs, timeout.timedOut(), capture.truncated());
  }

  /** Kills every process of the run with {@code token}, as the helper's (the default) user. */
  void kill(String token) {
    new CommandRunner(engine).kill(containerId, null, token, "KILL");
  }

  /** Closes the connection: the helper reads end of input and exits. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connection.close();
    }
  }
}
