package io.pocketdock.cli.command;

import io.pocketdock.cli.Dock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock destroy}: removes a sandbox and its instance data, whatever its persist flag. */
@Command(
    name = "destroy",
    description =
        "Removes a sandbox, running or not, persistent or not, and deletes its instance directory"
            + " (.pocket-dock/instances/NAME: history and logs). Asks first on a terminal; without"
            + " a terminal it refuses unless --yes is given.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock destroy box1", "  pocket-dock destroy box1 --yes"})
public final class DestroyCommand extends DockCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER", description = "Name or id of the sandbox.")
  @Nullable String container;

  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask for confirmation.")
  boolean yes;

  /** Used by picocli. */
  public DestroyCommand() {}

  @Override
  public Integer call() {
    String name = Objects.requireNonNull(container);
    if (!yes) {
      confirm(
          "destroy " + name,
          "Destroy " + name + "? Its files, history and logs are deleted.",
          "pocket-dock destroy " + name + " --yes");
    }
    try (Dock dock = root().connect()) {
      dock.destroy(name);
    }
    if (terminal().interactive()) {
      out().println("destroyed " + name);
    }
    out().flush();
    return 0;
  }
}
