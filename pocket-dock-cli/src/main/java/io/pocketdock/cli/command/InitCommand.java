package io.pocketdock.cli.command;

import io.pocketdock.project.Project;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock init}: makes a directory a pocket-dock project. */
@Command(
    name = "init",
    description =
        "Makes a directory a pocket-dock project: writes .pocket-dock/pocket-dock.yaml with every"
            + " setting at its default, commented. Commands run in it or below find it; its"
            + " persistent sandboxes keep history and logs in .pocket-dock/instances/. Prints the"
            + " config file's path.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock init", "  pocket-dock init ~/src/app --name app"})
public final class InitCommand extends DockCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "The project directory (default: the current one).")
  @Nullable Path path;

  @Option(names = "--name", paramLabel = "NAME", description = "Project name (default: the directory's name).")
  @Nullable String name;

  /** Used by picocli. */
  public InitCommand() {}

  @Override
  public Integer call() {
    Path dir = path == null ? root().workingDirectory() : root().workingDirectory().resolve(path);
    dir = dir.toAbsolutePath().normalize();
    String projectName = name;
    if (projectName == null) {
      Path last = dir.getFileName();
      projectName = last == null ? "project" : last.toString();
    }
    Project p = Project.init(dir, projectName);
    out().println(p.stateDir().resolve(Project.CONFIG_FILE));
    if (terminal().interactive()) {
      err().println("initialized project " + p.name() + "; edit the file above to change its defaults");
    }
    out().flush();
    err().flush();
    return 0;
  }
}
