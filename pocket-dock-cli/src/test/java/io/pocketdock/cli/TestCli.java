package io.pocketdock.cli;

import io.pocketdock.cli.terminal.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process with captured writers, exactly as {@link Main} wires it. */
public final class TestCli {
  private TestCli() {}

  /** One run's exit code and output. */
  public record Result(int code, String out, String err) {}

  /** Runs with no terminal and {@code dock} as the engine. */
  public static Result run(FakeDock dock, String... args) {
    return run(Terminal.none(), dock, args);
  }

  /** Runs on {@code terminal} with {@code dock} as the engine. */
  public static Result run(Terminal terminal, FakeDock dock, String... args) {
    return run(new PocketDockCommand(terminal, dock.connector()), args);
  }

  /**
   * Runs a prepared root command, built as {@link Main} builds it: with only the subcommand the
   * arguments name, when they name one plainly.
   */
  public static Result run(PocketDockCommand root, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        PocketDockCommand.commandLine(
                root, new PrintWriter(out, true), new PrintWriter(err, true), args)
            .execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
