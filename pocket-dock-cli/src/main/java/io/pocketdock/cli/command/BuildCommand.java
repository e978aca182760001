package io.pocketdock.cli.command;

import io.pocketdock.BuildOptions;
import io.pocketdock.BuildProgress;
import io.pocketdock.BuildResult;
import io.pocketdock.ContainerSpec;
import io.pocketdock.cli.Dock;
import io.pocketdock.cli.terminal.Colors;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock build}: builds a profile's image through the engine, with live progress. */
@Command(
    name = "build",
    description =
        "Builds a profile's image (localhost/pocket-dock/PROFILE:latest) through the engine's"
            + " build API, showing each step and its output as it runs (on stderr). Makes the base"
            + " image first when it is missing, from the host's Debian sources when no registry"
            + " answers. An image whose inputs are unchanged is kept unless --force. Prints the"
            + " image name on stdout.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock build", "  pocket-dock build dev --offline", "  pocket-dock build agent --force"})
public final class BuildCommand extends DockCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "PROFILE", description = "minimal, dev, agent, embedded, node, or a project profile (default: minimal).")
  @Nullable String profile;

  @Option(names = "--offline", description = "Never try a registry for the base image: make it from the host's Debian sources.")
  boolean offline;

  @Option(names = "--force", description = "Build even when the image is current.")
  boolean force;

  /** Used by picocli. */
  public BuildCommand() {}

  @Override
  public Integer call() {
    String name = profile == null ? ContainerSpec.DEFAULT_PROFILE : profile;
    PrintWriter err = err();
    Colors c = terminal().colors();
    BuildResult result;
    try (Dock dock = root().connect()) {
      Path projectRoot = dock.project().map(p -> p.root()).orElse(null);
      BuildOptions options =
          BuildOptions.defaults()
              .withOffline(offline)
              .withForce(force)
              .withProjectRoot(projectRoot)
              .withProgress(p -> show(p, err, c));
      result = dock.build(name, options);
    }
    if (result.reused()) {
      err.println(c.green("up to date") + ": " + result.image() + " (inputs unchanged; --force rebuilds)");
    } else {
      err.println(
          c.green("built")
              + " "
              + result.image()
              + ": "
              + result.steps()
              + " steps, "
              + result.cachedSteps()
              + " cached, in "
              + result.duration().toSeconds()
              + " s");
    }
    out().println(result.image());
    out().flush();
    err.flush();
    return 0;
  }

  /** Steps in bold, their output dimmed and indented. */
  private static void show(BuildProgress p, PrintWriter err, Colors c) {
    switch (p.phase()) {
      case STEP -> err.println(c.bold(p.toString()));
      case BASE -> err.println(c.yellow("base") + " " + p.line());
      case OUTPUT -> err.println("  " + c.dim(p.line()));
    }
    err.flush();
  }
}
