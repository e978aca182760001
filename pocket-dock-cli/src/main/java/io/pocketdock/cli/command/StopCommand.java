package io.pocketdock.cli.command;

import io.pocketdock.cli.Dock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock stop}: stops a sandbox and keeps it for {@code resume}. */
@Command(
    name = "stop",
    description =
        "Stops a sandbox, keeping it and its files for `pocket-dock resume` (whatever its persist"
            + " flag). Stopping a stopped sandbox is fine. Prints the name.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock stop box1", "  pocket-dock stop box1 && pocket-dock resume box1"})
public final class StopCommand extends DockCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER", description = "Name or id of the sandbox.")
  @Nullable String container;

  /** Used by picocli. */
  public StopCommand() {}

  @Override
  public Integer call() {
    String name = Objects.requireNonNull(container);
    try (Dock dock = root().connect()) {
      dock.stop(name);
    }
    out().println(name);
    out().flush();
    return 0;
  }
}
