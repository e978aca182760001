package io.pocketdock.cli;

import io.pocketdock.PocketDockException;
import io.pocketdock.cli.terminal.Colors;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where failures become output and exit codes: bad usage prints the message and the
 * command's usage and exits 2; a pocket-dock error prints one {@code error:} line and, when there
 * is one, a {@code hint:} line, and exits 1; anything else prints one line and exits 1. Stack
 * traces appear only with {@code --verbose}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  /** Exit code of a pocket-dock error. */
  public static final int ERROR = 1;

  /** Exit code of bad usage. */
  public static final int USAGE = 2;

  private final Colors colors;

  /** A handler that colours its prefixes with {@code colors}. */
  public ErrorHandler(Colors colors) {
    this.colors = colors;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(colors.red("error:") + " " + oneLine(String.valueOf(ex.getMessage())));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println();
    cmd.usage(err, cmd.getColorScheme());
    err.flush();
    return USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    print(ex, verbose(cmd), err);
    err.flush();
    return ERROR;
  }

  /** Writes the error and hint lines for {@code ex}, and its stack trace when verbose. */
  void print(Throwable ex, boolean verbose, PrintWriter err) {
    Throwable shown = ours(ex);
    err.println(colors.red("error:") + " " + message(shown));
    hint(shown).ifPresent(h -> err.println(colors.yellow("hint:") + " " + oneLine(h)));
    if (verbose) {
      ex.printStackTrace(err);
    }
  }

  /** The error line's text: the message of our own errors, the type and message of others. */
  static String message(Throwable ex) {
    if (ex instanceof PocketDockException || ex instanceof CliException) {
      return oneLine(String.valueOf(ex.getMessage()));
    }
    String text = ex.getMessage() == null ? "" : ": " + ex.getMessage();
    return oneLine(ex.getClass().getSimpleName() + text);
  }

  /** Our own error when one is wrapped (e.g. by a future), else {@code ex} itself. */
  private static Throwable ours(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof PocketDockException || t instanceof CliException) {
        return t;
      }
    }
    return ex;
  }

  private static Optional<String> hint(Throwable ex) {
    if (ex instanceof PocketDockException p) {
      return p.hint();
    }
    if (ex instanceof CliException c) {
      return c.hint();
    }
    return Optional.empty();
  }

  private static String oneLine(String s) {
    return s.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  private static boolean verbose(CommandLine cmd) {
    CommandLine root = cmd;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return root.getCommand() instanceof PocketDockCommand p && p.global().verbose();
  }
}
