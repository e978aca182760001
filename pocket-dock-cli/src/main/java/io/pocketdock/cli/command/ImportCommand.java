package io.pocketdock.cli.command;

import io.pocketdock.cli.Dock;
import io.pocketdock.cli.terminal.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock import}: loads images from an archive made by {@code export}. */
@Command(
    name = "import",
    description =
        "Loads every image in an archive made by `pocket-dock export` (or docker/podman save),"
            + " plain or gzipped, and prints the loaded image names, one per line.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock import images.tar.gz", "  pocket-dock --socket /var/run/docker.sock import images.tar"})
public final class ImportCommand extends DockCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "The archive.")
  @Nullable Path file;

  /** Used by picocli. */
  public ImportCommand() {}

  @Override
  public Integer call() {
    Path source = root().workingDirectory().resolve(Objects.requireNonNull(file));
    long total;
    try {
      total = Files.size(source);
    } catch (IOException e) {
      total = -1; // the SDK reports a missing file with its own error
    }
    List<String> images;
    try (Dock dock = root().connect()) {
      Progress progress = Progress.start(err(), terminal().interactive(), "importing " + source.getFileName(), total);
      images = dock.importImages(source, progress::update);
      progress.done("imported " + images.size() + (images.size() == 1 ? " image" : " images") + " from " + source);
    }
    images.forEach(out()::println);
    out().flush();
    return 0;
  }
}
