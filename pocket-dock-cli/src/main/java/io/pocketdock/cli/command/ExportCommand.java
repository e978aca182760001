package io.pocketdock.cli.command;

import io.pocketdock.Profile;
import io.pocketdock.cli.CliException;
import io.pocketdock.cli.Dock;
import io.pocketdock.cli.terminal.HumanFormat;
import io.pocketdock.cli.terminal.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock export}: writes profile images to an archive for another machine. */
@Command(
    name = "export",
    description =
        "Writes images to an archive (docker save format; gzipped when FILE ends in .gz or .tgz)"
            + " that `pocket-dock import` loads on another machine or engine. Names are profiles"
            + " or image references; --all exports every built profile. The file appears only"
            + " when complete.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  pocket-dock export minimal dev -o images.tar.gz",
      "  pocket-dock export --all -o all-profiles.tar"
    })
public final class ExportCommand extends DockCommand {
  @Parameters(arity = "0..*", paramLabel = "PROFILE", description = "Profiles or image references to export.")
  List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "Every profile whose image is built.")
  boolean all;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The archive to write.")
  @Nullable Path file;

  /** Used by picocli. */
  public ExportCommand() {}

  @Override
  public Integer call() {
    if (all == !names.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(
          spec().commandLine(), all ? "--all and PROFILE names exclude each other" : "name a PROFILE or give --all");
    }
    Path target = root().workingDirectory().resolve(java.util.Objects.requireNonNull(file));
    try (Dock dock = root().connect()) {
      List<String> chosen = names;
      if (all) {
        chosen = new ArrayList<>();
        for (Profile p : dock.profiles(dock.project().map(pr -> pr.root()).orElse(null))) {
          if (p.size().isPresent()) {
            chosen.add(p.name());
          }
        }
        if (chosen.isEmpty()) {
          throw new CliException("no profile image is built, nothing to export", "build one first: pocket-dock build");
        }
      }
      Progress progress = Progress.start(err(), terminal().interactive(), "exporting " + String.join(", ", chosen), -1);
      long size = dock.exportImages(chosen, target, progress::update);
      progress.done("exported " + String.join(", ", chosen) + " to " + target + " (" + HumanFormat.bytes(size) + " uncompressed)");
    }
    return 0;
  }
}
