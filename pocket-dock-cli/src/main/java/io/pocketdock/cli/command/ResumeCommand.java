package io.pocketdock.cli.command;

import io.pocketdock.Container;
import io.pocketdock.cli.Dock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock resume}: starts a stopped sandbox again. */
@Command(
    name = "resume",
    description =
        "Starts a stopped sandbox again with its files, ports, volumes and limits as they were."
            + " Running already is fine. Prints the name.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock resume box1", "  pocket-dock resume box1 && pocket-dock run box1 cat notes.txt"})
public final class ResumeCommand extends DockCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER", description = "Name or id of the sandbox.")
  @Nullable String container;

  /** Used by picocli. */
  public ResumeCommand() {}

  @Override
  public Integer call() {
    try (Dock dock = root().connect()) {
      Container box = dock.resume(Objects.requireNonNull(container));
      out().println(box.name());
    }
    out().flush();
    return 0;
  }
}
