package io.pocketdock.cli.command;

import io.pocketdock.cli.Dock;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock push}: copies a host file or directory into a sandbox. */
@Command(
    name = "push",
    description =
        "Copies a host file or directory tree into a sandbox, like cp -r: into DEST when it is"
            + " an existing directory, else to exactly DEST (whose parent must exist). Modes and"
            + " symlinks are kept; everything belongs to the sandbox's user.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock push box1 ./src /home/sandbox/", "  pocket-dock push box1 data.csv /home/sandbox/in.csv"})
public final class PushCommand extends DockCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER", description = "Name or id of the sandbox.")
  @Nullable String container;

  @Parameters(index = "1", paramLabel = "SRC", description = "Host file or directory.")
  @Nullable Path source;

  @Parameters(index = "2", paramLabel = "DEST", description = "Path in the sandbox (relative: to /home/sandbox).")
  @Nullable String dest;

  /** Used by picocli. */
  public PushCommand() {}

  @Override
  public Integer call() {
    Path src = root().workingDirectory().resolve(Objects.requireNonNull(source));
    Transfer t = Transfer.start(this, "pushing " + src + " to " + container + ":" + dest, Transfer.size(src));
    try (Dock dock = root().connect()) {
      dock.attach(Objects.requireNonNull(container)).push(src, Objects.requireNonNull(dest));
    }
    t.done("pushed " + src + " to " + container + ":" + dest);
    return 0;
  }
}
