package io.pocketdock.cli.command;

import io.pocketdock.cli.Dock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock snapshot}: commits a sandbox's filesystem to an image. */
@Command(
    name = "snapshot",
    description =
        "Commits a sandbox's filesystem to an image (the sandbox keeps running) and prints the"
            + " image id. A short name becomes localhost/NAME:latest; start new sandboxes from it"
            + " with `create --image`. Volumes are not part of the image.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  pocket-dock snapshot box1 my-snap",
      "  pocket-dock create --image localhost/my-snap:latest"
    })
public final class SnapshotCommand extends DockCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER", description = "Name or id of the sandbox.")
  @Nullable String container;

  @Parameters(index = "1", paramLabel = "IMAGE", description = "Image name, e.g. my-snap or localhost/work/snap:v2.")
  @Nullable String image;

  /** Used by picocli. */
  public SnapshotCommand() {}

  @Override
  public Integer call() {
    try (Dock dock = root().connect()) {
      String id = dock.attach(Objects.requireNonNull(container)).snapshot(Objects.requireNonNull(image));
      out().println(id);
    }
    out().flush();
    return 0;
  }
}
