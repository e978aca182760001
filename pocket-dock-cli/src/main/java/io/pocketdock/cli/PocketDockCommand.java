package io.pocketdock.cli;

import io.pocketdock.cli.command.CompletionCommand;
import io.pocketdock.cli.command.CreateCommand;
import io.pocketdock.cli.command.InfoCommand;
import io.pocketdock.cli.command.QuickstartCommand;
import io.pocketdock.cli.command.RebootCommand;
import io.pocketdock.cli.command.RunCommand;
import io.pocketdock.cli.command.ShutdownCommand;
import io.pocketdock.cli.terminal.Terminal;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pocket-dock}: the root command, holding what every subcommand shares. */
@Command(
    name = "pocket-dock",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Disposable or long-lived Linux sandboxes on your own Podman or Docker engine.",
    subcommands = {
      QuickstartCommand.class,
      CreateCommand.class,
      RunCommand.class,
      InfoCommand.class,
      RebootCommand.class,
      ShutdownCommand.class,
      CompletionCommand.class,
      HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  pocket-dock quickstart",
      "  NAME=$(pocket-dock create --mem-limit 256m)",
      "  pocket-dock run \"$NAME\" -- python3 -c 'print(6 * 7)'",
      "  pocket-dock shutdown \"$NAME\" --yes",
      "",
      "Exit codes: 0 success, 1 error, 2 bad usage; `run` exits with the command's own code"
          + " (124 on timeout)."
    })
public final class PocketDockCommand implements Callable<Integer> {
  @Mixin private final GlobalOptions global = new GlobalOptions();

  @Spec private @org.jspecify.annotations.Nullable CommandSpec spec;

  private final Terminal terminal;
  private final Dock.Connector connector;

  /** A root command for this terminal, connecting to engines through {@code connector}. */
  public PocketDockCommand(Terminal terminal, Dock.Connector connector) {
    this.terminal = terminal;
    this.connector = connector;
  }

  /**
   * The configured command line: writers, colours, and the {@link ErrorHandler}. Tests and {@link
   * Main} both build it here, so they run exactly the same thing.
   */
  public static CommandLine commandLine(PocketDockCommand root, PrintWriter out, PrintWriter err) {
    ErrorHandler errors = new ErrorHandler(root.terminal.colors());
    CommandLine cmd = new CommandLine(root);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setColorScheme(
        Help.defaultColorScheme(root.terminal.colors().enabled() ? Help.Ansi.ON : Help.Ansi.OFF));
    cmd.setExecutionExceptionHandler(errors);
    cmd.setParameterExceptionHandler(errors);
    return cmd;
  }

  /** Without a subcommand: the usage, as a usage error. */
  @Override
  public Integer call() {
    CommandLine cmd = java.util.Objects.requireNonNull(spec).commandLine();
    cmd.getErr().println("error: missing command");
    cmd.getErr().println();
    cmd.usage(cmd.getErr(), cmd.getColorScheme());
    return ErrorHandler.USAGE;
  }

  /** The global options as given on the command line. */
  public GlobalOptions global() {
    return global;
  }

  /** Where this process runs. */
  public Terminal terminal() {
    return terminal;
  }

  /** Connects to the engine named by {@code --socket}, or discovers one. */
  public Dock connect() {
    return connector.connect(global.socket().orElse(null));
  }
}
