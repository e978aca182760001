package io.pocketdock;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A long-lived shell in a container, from {@link Container#session()}: the working directory,
 * exported variables and shell functions persist from one command to the next.
 *
 * <pre>{@code
 * try (Session sh = box.session()) {
 *   sh.sendAndWait("cd /tmp && export GREETING=hi");
 *   ExecResult r = sh.sendAndWait("echo $GREETING from $(pwd)", Duration.ofSeconds(5));
 *   System.out.println(r.stdout()); // hi from /tmp
 * }
 * }</pre>
 *
 * <p>Commands get {@code /dev/null} as stdin and no terminal: full-screen programs ({@code vim},
 * {@code top}) and programs that prompt for input do not work here (see docs/sessions.md). One
 * command waits at a time; concurrent {@link #sendAndWait} calls queue. Every method except {@link
 * #close()}, {@link #isOpen()} and {@link #closedReason()} throws {@link SessionClosedException}
 * once the session is closed, including when its shell exited or its container shut down.
 */
public interface Session extends AutoCloseable {

  /**
   * Runs a command in the shell without waiting for it. Its output is collected for {@link #read()}
   * and {@link #onOutput}.
   */
  void send(String command);

  /** {@link #sendAndWait(String, Duration)} with the container's default exec timeout. */
  ExecResult sendAndWait(String command);

  /**
   * Runs a command in the shell and waits for it, returning exactly its own stdout, stderr and exit
   * code (at most 10 MiB of output; more is dropped and flagged {@code truncated}). On timeout, the
   * command's processes get SIGINT, then SIGKILL if they linger; the result says {@link ExecResult#timedOut()}
   * (exit code 124) and the session stays usable. A command that loops inside the shell itself,
   * without any child process, cannot be interrupted that way: the session is then closed.
   *
   * @throws SessionClosedException when the session is closed, or its shell exits while waiting
   *     (for example the command was {@code exit})
   */
  ExecResult sendAndWait(String command, Duration timeout);

  /**
   * Returns and removes the output collected from {@link #send}s and background jobs (not the
   * output {@link #sendAndWait} returned), stdout and stderr in the order they arrived. At most the
   * last 1 MiB is kept.
   */
  String read();

  /**
   * Calls {@code callback} with every piece of output as it arrives, stdout and stderr alike,
   * including the output of {@link #sendAndWait} commands; never with the session's markers.
   * Called on the session's reader thread: return quickly. An exception it throws is ignored.
   * Replaces any earlier callback.
   */
  void onOutput(Consumer<String> callback);

  /** Whether the session can still run commands. */
  boolean isOpen();

  /** Why the session closed (e.g. {@code "the shell exited with code 0"}), when it has. */
  Optional<String> closedReason();

  /** Ends the shell and every process it started. Idempotent. */
  @Override
  void close();
}
