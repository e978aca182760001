package io.pocketdock.cli.command;

import io.pocketdock.Container;
import io.pocketdock.cli.Dock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock reboot}: restarts a sandbox, optionally from a clean filesystem. */
@Command(
    name = "reboot",
    description =
        "Restarts a sandbox, keeping its filesystem. With --fresh, recreates it from "
            + "the same settings and name with a clean filesystem (its id changes). Prints "
            + "the name.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock reboot box1", "  pocket-dock reboot box1 --fresh"})
public final class RebootCommand extends DockCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER", description = "Name or id of the sandbox.")
  @Nullable String container;

  @Option(names = "--fresh", description = "Start over from the image: files written are lost.")
  boolean fresh;

  /** Used by picocli. */
  public RebootCommand() {}

  @Override
  public Integer call() {
    try (Dock dock = root().connect()) {
      Container box = dock.attach(Objects.requireNonNull(container));
      box.reboot(fresh);
      out().println(box.name());
    }
    out().flush();
    return 0;
  }
}
