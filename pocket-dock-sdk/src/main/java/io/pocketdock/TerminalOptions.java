package io.pocketdock;

import java.util.List;
import java.util.Map;

/**
 * How {@link Container#terminal(TerminalOptions)} starts an interactive program on a TTY.
 *
 * <pre>{@code
 * TerminalOptions.defaults().withSize(120, 40).withEnv(Map.of("TERM", "xterm-256color"));
 * }</pre>
 *
 * @param command the program and its arguments; empty for the image's login shell ({@code
 *     /bin/bash} when installed, else {@code /bin/sh})
 * @param columns the terminal's width in characters, at least 1
 * @param rows the terminal's height in lines, at least 1
 * @param env extra environment variables ({@code TERM} defaults to {@code xterm-256color})
 */
public record TerminalOptions(List<String> command, int columns, int rows, Map<String, String> env) {

  /** Validates the size and copies the collections. */
  public TerminalOptions {
    command = List.copyOf(command);
    env = Map.copyOf(env);
    if (columns < 1 || rows < 1 || columns > 10_000 || rows > 10_000) {
      throw InvalidArgumentException.of("terminal", "invalid terminal size " + columns + "x" + rows);
    }
  }

  /** The login shell on an 80x24 terminal. */
  public static TerminalOptions defaults() {
    return new TerminalOptions(List.of(), 80, 24, Map.of());
  }

  /** Runs {@code value} instead of the shell. */
  public TerminalOptions withCommand(List<String> value) {
    return new TerminalOptions(value, columns, rows, env);
  }

  /** The initial size. */
  public TerminalOptions withSize(int cols, int lines) {
    return new TerminalOptions(command, cols, lines, env);
  }

  /** Extra environment variables, e.g. the host's {@code TERM}. */
  public TerminalOptions withEnv(Map<String, String> value) {
    return new TerminalOptions(command, columns, rows, value);
  }
}
