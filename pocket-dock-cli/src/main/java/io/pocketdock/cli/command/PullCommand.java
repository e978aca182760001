package io.pocketdock.cli.command;

import io.pocketdock.cli.Dock;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock pull}: copies a file or directory out of a sandbox. */
@Command(
    name = "pull",
    description =
        "Copies a sandbox file or directory tree to the host, like cp -r: into DEST when it is"
            + " an existing directory, else to exactly DEST (whose parent must exist). Nothing is"
            + " ever written outside DEST: a tree with escaping links or names is refused whole.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock pull box1 /home/sandbox/out ./results", "  pocket-dock pull box1 report.pdf ."})
public final class PullCommand extends DockCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER", description = "Name or id of the sandbox.")
  @Nullable String container;

  @Parameters(index = "1", paramLabel = "SRC", description = "Path in the sandbox (relative: to /home/sandbox).")
  @Nullable String source;

  @Parameters(index = "2", paramLabel = "DEST", description = "Host file or directory.")
  @Nullable Path dest;

  /** Used by picocli. */
  public PullCommand() {}

  @Override
  public Integer call() {
    Path target = root().workingDirectory().resolve(Objects.requireNonNull(dest));
    Transfer t = Transfer.start(this, "pulling " + container + ":" + source + " to " + target, -1);
    try (Dock dock = root().connect()) {
      dock.attach(Objects.requireNonNull(container)).pull(Objects.requireNonNull(source), target);
    }
    t.done("pulled " + container + ":" + source + " to " + target + " (" + io.pocketdock.cli.terminal.HumanFormat.bytes(Transfer.size(target)) + ")");
    return 0;
  }
}
