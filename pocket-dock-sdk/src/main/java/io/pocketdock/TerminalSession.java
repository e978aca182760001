package io.pocketdock;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * An interactive program on a pseudo-terminal inside a container, as {@code docker exec -it} gives:
 * what you write to {@link #input()} is typed on its keyboard (so byte 3, Ctrl-C, interrupts its
 * foreground job), and {@link #output()} is its screen, raw bytes with the terminal's escapes
 * (stdout and stderr are one stream on a TTY). Get one from {@link Container#terminal}.
 *
 * <pre>{@code
 * try (TerminalSession t = box.terminal(TerminalOptions.defaults())) {
 *   t.input().write("echo hi; exit 3\n".getBytes(UTF_8));
 *   t.input().flush();
 *   t.output().transferTo(System.out);   // until the shell exits
 *   int code = t.waitFor();              // 3
 * }
 * }</pre>
 *
 * <p>It runs on its own engine connection. The program keeps running if this JVM dies; {@link
 * #close()} ends it (SIGHUP, then SIGKILL to its whole process tree) when it has not exited.
 */
public interface TerminalSession extends AutoCloseable {

  /** The engine's exec id. */
  String id();

  /** The terminal's keyboard. Flush after writing. */
  OutputStream input();

  /** The terminal's screen: ends when the program exits. */
  InputStream output();

  /**
   * Changes the terminal's size; the program gets {@code SIGWINCH}.
   *
   * @throws InvalidArgumentException when a dimension is below 1
   */
  void resize(int columns, int rows);

  /**
   * Waits for the program to end and returns its exit code. Read {@link #output()} to its end
   * first (or from another thread): a program whose screen nobody reads can block on writing.
   */
  int waitFor();

  /** Ends the program if it is still running and frees the connection. Idempotent. */
  @Override
  void close();
}
