package io.pocketdock.cli.command;

import io.pocketdock.Container;
import io.pocketdock.cli.CliException;
import io.pocketdock.cli.Dock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock shutdown}: removes an ephemeral sandbox or stops a persistent one. */
@Command(
    name = "shutdown",
    description =
        "Removes an ephemeral sandbox, or stops a persistent one (as the SDK's "
            + "shutdown() does). Asks first on a terminal; without a terminal it refuses "
            + "unless --yes is given.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock shutdown box1", "  pocket-dock shutdown \"$NAME\" --yes"})
public final class ShutdownCommand extends DockCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER", description = "Name or id of the sandbox.")
  @Nullable String container;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask for confirmation.")
  boolean yes;

  /** Used by picocli. */
  public ShutdownCommand() {}

  @Override
  public Integer call() {
    String name = Objects.requireNonNull(container);
    if (!yes) {
      if (!terminal().interactive()) {
        throw new CliException(
            "refusing to shut down " + name + " without confirmation: no terminal to ask on",
            "pass --yes to confirm: pocket-dock shutdown " + name + " --yes");
      }
      if (!terminal().confirm(err(), "Shut down " + name + "? An ephemeral sandbox is removed.")) {
        throw new CliException("shutdown of " + name + " cancelled", null);
      }
    }
    try (Dock dock = root().connect()) {
      Container box = dock.attach(name);
      box.shutdown();
      if (terminal().interactive()) {
        out().println((box.spec().persist() ? "stopped " : "removed ") + box.name());
      }
    }
    out().flush();
    return 0;
  }
}
