package io.pocketdock.cli.command;

import io.pocketdock.cli.GlobalOptions;
import io.pocketdock.cli.PocketDockCommand;
import io.pocketdock.cli.terminal.Terminal;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand has: the root (terminal, engine), the global options, its writers. */
abstract class DockCommand implements Callable<Integer> {
  @ParentCommand private @Nullable PocketDockCommand root;

  @Mixin private @Nullable GlobalOptions global;

  @Spec private @Nullable CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  private boolean help;

  /** The root command. */
  final PocketDockCommand root() {
    return Objects.requireNonNull(root, "subcommand used without its root");
  }

  /** The terminal this runs on. */
  final Terminal terminal() {
    return root().terminal();
  }

  /** This command's picocli model. */
  final CommandSpec spec() {
    return Objects.requireNonNull(spec, "used outside picocli");
  }

  /** Standard output, as picocli was given it. */
  final PrintWriter out() {
    return spec().commandLine().getOut();
  }

  /**
   * Asks before a destructive action on a terminal; without one, refuses (exit 1) and says how to
   * confirm with {@code --yes}.
   *
   * @param action what would be done, e.g. {@code destroy box1}
   * @param question the question asked on a terminal
   * @param retry the command line that confirms, for the hint
   */
  final void confirm(String action, String question, String retry) {
    if (!terminal().interactive()) {
      throw new io.pocketdock.cli.CliException(
          "refusing to " + action + " without confirmation: no terminal to ask on",
          "pass --yes to confirm: " + retry);
    }
    if (!terminal().confirm(err(), question)) {
      throw new io.pocketdock.cli.CliException(action + " cancelled", null);
    }
  }

  /** Standard error, as picocli was given it. */
  final PrintWriter err() {
    return spec().commandLine().getErr();
  }
}
