package io.pocketdock.cli;

import io.pocketdock.cli.command.BuildCommand;
import io.pocketdock.cli.command.CompletionCommand;
import io.pocketdock.cli.command.CreateCommand;
import io.pocketdock.cli.command.DestroyCommand;
import io.pocketdock.cli.command.DoctorCommand;
import io.pocketdock.cli.command.ExportCommand;
import io.pocketdock.cli.command.ImportCommand;
import io.pocketdock.cli.command.InfoCommand;
import io.pocketdock.cli.command.InitCommand;
import io.pocketdock.cli.command.ListCommand;
import io.pocketdock.cli.command.LogsCommand;
import io.pocketdock.cli.command.McpCommand;
import io.pocketdock.cli.command.ProfilesCommand;
import io.pocketdock.cli.command.PruneCommand;
import io.pocketdock.cli.command.PullCommand;
import io.pocketdock.cli.command.PushCommand;
import io.pocketdock.cli.command.QuickstartCommand;
import io.pocketdock.cli.command.RebootCommand;
import io.pocketdock.cli.command.ResumeCommand;
import io.pocketdock.cli.command.RunCommand;
import io.pocketdock.cli.command.ShellCommand;
import io.pocketdock.cli.command.ShutdownCommand;
import io.pocketdock.cli.command.SnapshotCommand;
import io.pocketdock.cli.command.StatusCommand;
import io.pocketdock.cli.command.StopCommand;
import io.pocketdock.cli.terminal.Terminal;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
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
  /**
   * The subcommands, in the order help lists them. Not in the {@code @Command} annotation: picocli
   * builds a command's model by reflection when it is added, so {@link #commandLine(PocketDockCommand,
   * PrintWriter, PrintWriter, String[])} adds only the one a command line names (about 100 ms less
   * start-up per CLI process), and the whole tree for help, completion, or a name it does not know.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("quickstart", QuickstartCommand.class);
    m.put("init", InitCommand.class);
    m.put("status", StatusCommand.class);
    m.put("doctor", DoctorCommand.class);
    m.put("logs", LogsCommand.class);
    m.put("create", CreateCommand.class);
    m.put("run", RunCommand.class);
    m.put("shell", ShellCommand.class);
    m.put("info", InfoCommand.class);
    m.put("list", ListCommand.class);
    m.put("reboot", RebootCommand.class);
    m.put("stop", StopCommand.class);
    m.put("resume", ResumeCommand.class);
    m.put("shutdown", ShutdownCommand.class);
    m.put("destroy", DestroyCommand.class);
    m.put("snapshot", SnapshotCommand.class);
    m.put("prune", PruneCommand.class);
    m.put("push", PushCommand.class);
    m.put("pull", PullCommand.class);
    m.put("profiles", ProfilesCommand.class);
    m.put("build", BuildCommand.class);
    m.put("export", ExportCommand.class);
    m.put("import", ImportCommand.class);
    m.put("mcp", McpCommand.class);
    m.put("completion", CompletionCommand.class);
    m.put("help", HelpCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  @Mixin private final GlobalOptions global = new GlobalOptions();

  @Spec private @org.jspecify.annotations.Nullable CommandSpec spec;

  private final Terminal terminal;
  private final Dock.Connector connector;
  private java.nio.file.Path workingDirectory =
      java.nio.file.Path.of(System.getProperty("user.dir", ".")).toAbsolutePath();

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
    return build(root, out, err, null);
  }

  /**
   * The command line for running {@code args}: as {@link #commandLine(PocketDockCommand,
   * PrintWriter, PrintWriter)}, but with only the subcommand {@code args} names when it names one
   * plainly (see {@link #subcommandOf}). Parsing and running it give the same result.
   */
  public static CommandLine commandLine(
      PocketDockCommand root, PrintWriter out, PrintWriter err, String[] args) {
    return build(root, out, err, subcommandOf(args));
  }

  /**
   * The subcommand {@code args} runs, when that is plain: the first argument after the global
   * options, if it is a subcommand other than {@code help} and {@code completion} (which need the
   * whole tree). {@code null} otherwise (no subcommand, an unknown name or option, {@code
   * --help}): the caller then builds every subcommand, so errors and help read as always.
   */
  static @Nullable String subcommandOf(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--socket")) {
        i++; // its value
      } else if (a.startsWith("--socket=") || a.equals("-v") || a.equals("--verbose")) {
        continue;
      } else if (a.startsWith("-")) {
        return null;
      } else {
        return SUBCOMMANDS.containsKey(a) && !a.equals("help") && !a.equals("completion") ? a : null;
      }
    }
    return null;
  }

  private static CommandLine build(
      PocketDockCommand root, PrintWriter out, PrintWriter err, @Nullable String only) {
    ErrorHandler errors = new ErrorHandler(root.terminal.colors());
    CommandLine cmd = new CommandLine(root);
    for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
      if (only == null || only.equals(e.getKey())) {
        cmd.addSubcommand(e.getKey(), e.getValue());
      }
    }
    CommandLine create = cmd.getSubcommands().get("create");
    if (create != null) {
      CreateCommand.claimShortV(create.getCommandSpec());
    }
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

  /**
   * Connects to the engine named by {@code --socket}, or discovers one. With {@code --verbose},
   * each engine request is printed to stderr as it is answered.
   */
  public Dock connect() {
    java.util.function.Consumer<String> log = null;
    if (global.verbose()) {
      PrintWriter err = java.util.Objects.requireNonNull(spec).commandLine().getErr();
      log =
          line -> {
            err.println(terminal.colors().dim("> " + line));
            err.flush();
          };
    }
    return connector.connect(global.socket().orElse(null), log);
  }

  /** Where project look-ups start: the process's working directory, unless a test set another. */
  public java.nio.file.Path workingDirectory() {
    return workingDirectory;
  }

  /** Test seam: the working directory for project look-ups. */
  public PocketDockCommand workingDirectory(java.nio.file.Path value) {
    workingDirectory = value;
    return this;
  }
}
