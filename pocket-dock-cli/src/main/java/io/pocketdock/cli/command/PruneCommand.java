package io.pocketdock.cli.command;

import io.pocketdock.PruneOptions;
import io.pocketdock.cli.Dock;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pocket-dock prune}: removes stopped pocket-dock sandboxes. */
@Command(
    name = "prune",
    description =
        "Removes stopped pocket-dock sandboxes (never a running one) and their instance"
            + " directories, and prints how many. Persistent ones are spared unless --all. Asks"
            + " first on a terminal; without a terminal it refuses unless --yes is given.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  pocket-dock prune",
      "  pocket-dock prune --project demo --all --yes"
    })
public final class PruneCommand extends DockCommand {
  @Option(
      names = {"-y", "--yes"},
      description = "Do not ask for confirmation.")
  boolean yes;

  @Option(names = "--project", paramLabel = "P", description = "Only this project's sandboxes (default: every project).")
  @Nullable String project;

  @Option(names = "--all", description = "Also remove stopped persistent sandboxes.")
  boolean all;

  /** Used by picocli. */
  public PruneCommand() {}

  @Override
  public Integer call() {
    PruneOptions options = PruneOptions.defaults().withProject(project).withIncludePersistent(all);
    if (!yes) {
      String scope = (all ? "all stopped" : "stopped ephemeral") + " sandboxes"
          + (project == null ? "" : " of project " + project);
      confirm(
          "prune " + scope,
          "Remove " + scope + "?",
          "pocket-dock prune" + (project == null ? "" : " --project " + project) + (all ? " --all" : "") + " --yes");
    }
    int removed;
    java.util.List<String> orphans;
    try (Dock dock = root().connect()) {
      // Sandboxes of a process that died without removing them (SIGKILL, crash) go too.
      orphans = dock.reapOrphans();
      removed = dock.prune(options);
    }
    out().println("removed " + removed + (removed == 1 ? " sandbox" : " sandboxes"));
    if (!orphans.isEmpty()) {
      out().println("removed " + orphans.size() + " orphaned (creator process gone): " + String.join(", ", orphans));
    }
    out().flush();
    return 0;
  }
}
