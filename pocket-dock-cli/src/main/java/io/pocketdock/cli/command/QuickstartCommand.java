package io.pocketdock.cli.command;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.EngineConnectionException;
import io.pocketdock.EngineInfo;
import io.pocketdock.EngineNotFoundException;
import io.pocketdock.ExecResult;
import io.pocketdock.ImageNotFoundException;
import io.pocketdock.PocketDockException;
import io.pocketdock.cli.CliException;
import io.pocketdock.cli.Dock;
import io.pocketdock.cli.terminal.Colors;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code pocket-dock quickstart}: proves the whole chain works, setting it up when needed. */
@Command(
    name = "quickstart",
    description =
        "Checks for an engine and the minimal image (running scripts/setup-engines from"
            + " this checkout when either is missing), creates a sandbox, runs a shell "
            + "command and a Python snippet in it, shows their output, exit codes and "
            + "timings, and removes the sandbox.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock quickstart", "  POCKET_DOCK_HOME=~/src/pocket-dock pocket-dock quickstart"})
public final class QuickstartCommand extends DockCommand {
  /** The commands shown, in order. */
  static final List<String> COMMANDS =
      List.of(
          "echo \"hello from $(hostname)\"; uname -sr",
          "python3 -c 'import sys; print(f\"Python {sys.version.split()[0]} says {6*7}\")'");

  private Map<String, String> env = System.getenv();
  private boolean setUp;

  /** Used by picocli. */
  public QuickstartCommand() {}

  /** Test seam: the environment that locates the setup script. */
  QuickstartCommand withEnv(Map<String, String> value) {
    env = value;
    return this;
  }

  @Override
  public Integer call() {
    PrintWriter out = out();
    Colors c = terminal().colors();
    try (Dock dock = connect()) {
      EngineInfo e = dock.engine();
      out.println(
          c.bold("engine")
              + "   "
              + e.kind().id()
              + " "
              + e.version()
              + " (API "
              + e.apiVersion()
              + ") at "
              + e.socket());
      Container box = create(dock);
      out.println(c.bold("sandbox") + "  " + box.name() + " (profile minimal)");
      int failed = 0;
      try {
        for (String command : COMMANDS) {
          out.println();
          out.println(c.dim("$ ") + command);
          ExecResult r = box.run(command);
          printEnded(out, r.stdout());
          printEnded(out, r.stderr());
          String status = "exit " + r.exitCode() + " in " + r.durationMs() + " ms";
          out.println(r.ok() ? c.green(status) : c.red(status + (r.timedOut() ? " (timed out)" : "")));
          out.flush();
          failed += r.ok() ? 0 : 1;
        }
      } finally {
        box.shutdown();
        out.println();
        out.println("removed " + box.name());
        out.flush();
      }
      if (failed > 0) {
        throw new CliException(
            failed + " of the quickstart commands failed", "run `pocket-dock quickstart -v` and check the image");
      }
    }
    return 0;
  }

  /** Prints output so that the status line after it starts on a line of its own. */
  private static void printEnded(PrintWriter out, String text) {
    out.print(text);
    if (!text.isEmpty() && !text.endsWith("\n")) {
      out.println();
    }
  }

  private Dock connect() {
    try {
      return root().connect();
    } catch (EngineNotFoundException | EngineConnectionException noEngine) {
      setUp(noEngine);
      return root().connect();
    }
  }

  private Container create(Dock dock) {
    ContainerSpec spec = ContainerSpec.builder().profile(ContainerSpec.DEFAULT_PROFILE).build();
    try {
      return dock.create(spec);
    } catch (ImageNotFoundException noImage) {
      if (setUp) {
        throw noImage;
      }
      setUp(noImage);
      return dock.create(spec);
    }
  }

  /** Runs scripts/setup-engines once, or explains why it cannot. */
  private void setUp(PocketDockException why) {
    Optional<SetupScript> script = SetupScript.locate(env, SetupScript.ownJar());
    if (setUp || script.isEmpty()) {
      throw new CliException(
          why.getMessage() + "; and " + SetupScript.RELATIVE + " was not found to set things up",
          "set POCKET_DOCK_HOME to a pocket-dock checkout, or " + why.hint().orElse("start an engine"));
    }
    setUp = true;
    PrintWriter out = out();
    out.println(
        terminal().colors().yellow("setting up")
            + " ("
            + why.getMessage()
            + "): running "
            + script.get().path());
    out.flush();
    script.get().run(out);
  }
}
