package io.pocketdock;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A command running in the background in a container. Get one from {@link
 * Container#runDetached(String)}.
 *
 * <pre>{@code
 * BackgroundProcess server = box.runDetached("python3 -m http.server 8000");
 * Thread.sleep(500);
 * System.out.print(server.peek().stderr());   // the server's log so far, left in the buffer
 * server.kill();                              // SIGTERM to the whole process tree
 * ExecResult r = server.waitFor();            // exit code 143 (or the server's own)
 * }</pre>
 *
 * <p>A reader thread of the {@link PocketDock} (a virtual thread on Java 21+) reads the output as
 * it comes into a ring buffer of {@link ExecOptions#bufferSize()} bytes per stream (1 MiB by
 * default): when a stream's ring is full, its oldest bytes are evicted and {@link
 * #bufferOverflowed()} turns true, so a chatty process never holds more than that in the host's
 * memory. Text comes out as whole UTF-8 characters. The same output goes to the container's {@link
 * Container#onStdout} and {@link Container#onStderr} callbacks.
 *
 * <p>There is no timeout unless the options set one: a background server should not die after the
 * container's default 30 s. {@code maxOutput} does not apply; the ring bounds memory instead. The
 * process ends when it exits, is killed, or its container is removed. Thread-safe.
 */
public interface BackgroundProcess {

  /** The engine's exec id; also in every {@link OutputEvent} and {@link ExitEvent}. */
  String id();

  /** The name of the container it runs in. */
  String container();

  /** True until the command has ended and its exit code is known. */
  boolean isRunning();

  /** Sends SIGTERM to the command's whole process tree. Does nothing once it has ended. */
  default void kill() {
    kill("TERM");
  }

  /**
   * Sends a signal to the command's whole process tree (every process started from it, including
   * ones that started a new session). Returns when the signal was sent, not when the process ended;
   * use {@link #waitFor(Duration)} for that. Does nothing once it has ended.
   *
   * @param signal a name such as {@code TERM}, {@code INT}, {@code KILL}, {@code HUP} or {@code
   *     USR1}, with or without the {@code SIG} prefix, in any case
   * @throws InvalidArgumentException if {@code signal} is not a signal name
   */
  void kill(String signal);

  /**
   * Waits for the command to end. The result's {@code stdout} and {@code stderr} are what was
   * still in the buffer at the end (what {@link #read()} had not taken), and {@code truncated} is
   * {@link #bufferOverflowed()}; {@link ExecResult#timedOut()} is true only when the options set a timeout and it
   * passed (exit code 124).
   *
   * @return its result, or empty if it is still running after {@code timeout}
   * @throws PocketDockException if reading its output or exit code failed (for example {@link
   *     ContainerGoneException} when its container was removed)
   */
  Optional<ExecResult> waitFor(Duration timeout);

  /** Waits, without limit, for the command to end; see {@link #waitFor(Duration)}. */
  ExecResult waitFor();

  /**
   * Completes with the command's result when it ends (exceptionally if reading it failed), like
   * {@link Process#onExit()}.
   */
  CompletableFuture<ExecResult> onExit();

  /** Returns the buffered output and removes it from the buffer. */
  BufferedOutput read();

  /** Returns the buffered output and leaves it in the buffer. */
  BufferedOutput peek();

  /** Bytes in the buffer now, both streams together. */
  int bufferSize();

  /** True once output was evicted from the buffer to make room for newer output. */
  boolean bufferOverflowed();
}
