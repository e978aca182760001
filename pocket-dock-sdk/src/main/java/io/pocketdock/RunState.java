package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.frame.OutputCapture;
import io.pocketdock.internal.frame.StreamKind;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** What the markers of one fast-exec run said so far: started, and its exit code. */
final class RunState {
  /** Reported when the helper vanished mid-run and the container still runs: killed, like SIGKILL. */
  static final int LOST_EXIT_CODE = 137;

  volatile boolean started;
  volatile int exitCode = -1;

  MarkerScanner.Sink sink(OutputCapture capture, StreamKind stream) {
    return new MarkerScanner.Sink() {
      @Override
      public void output(byte[] bytes, int off, int len) {
        capture.write(stream, bytes, off, len);
      }

      @Override
      public void marker(char kind, int code) {
        if (kind == 'S') {
          started = true;
        } else if (kind == 'R') {
          exitCode = code;
        }
      }
    };
  }

  /**
   * The helper vanished after the command started. If the container stopped or went away, that is
   * the error; otherwise (the caller kills what is left of the run) it is reported as killed.
   */
  ExecResult lost(
      EngineContext engine,
      String containerId,
      String target,
      OutputCapture capture,
      long startedNanos) {
    try {
      boolean running =
          engine.client.inspectContainer(containerId).object("State").bool("Running", false);
      if (!running) {
        throw new ContainerNotRunningException("run", target, "the container stopped during the run");
      }
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("run", target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      // Even a refused connection now means the run in progress broke (the engine went away
      // under it), not that it could not start: the same error the exec API path gives.
      throw new EngineCommunicationException(
          "run", target, "the engine went away during the run (" + e.getMessage() + ")", e);
    }
    long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    int code = exitCode >= 0 ? exitCode : LOST_EXIT_CODE;
    return new ExecResult(code, capture.stdout(), capture.stderr(), durationMs, false, capture.truncated());
  }
}
