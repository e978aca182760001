package io.pocketdock.cli.command;

import io.pocketdock.cli.Dock;
import io.pocketdock.cli.terminal.Colors;
import io.pocketdock.cli.terminal.JsonWriter;
import io.pocketdock.project.DoctorReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pocket-dock doctor}: cross-checks the project's instance directories with the engine. */
@Command(
    name = "doctor",
    description =
        "Cross-checks the project (found at or above the current directory) with the engine:"
            + " persistent sandboxes without an instance directory (orphaned), instance"
            + " directories without a sandbox (stale), and how many match (healthy). Exits 0"
            + " either way; read the report.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock doctor", "  pocket-dock doctor --json | jq '.stale_instance_dirs | length'"})
public final class DoctorCommand extends DockCommand {
  @Option(names = "--json", description = "Print {\"orphaned_containers\",\"stale_instance_dirs\",\"healthy\"}.")
  boolean json;

  /** Used by picocli. */
  public DoctorCommand() {}

  @Override
  public Integer call() {
    DoctorReport r;
    List<String> reaped;
    try (Dock dock = root().connect()) {
      r = dock.doctor(root().workingDirectory());
      // Ephemeral sandboxes whose creating process died (SIGKILL, crash) are removed here too.
      reaped = dock.reapOrphans();
    }
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("orphaned_containers", r.orphanedContainers());
      o.put("stale_instance_dirs", r.staleInstanceDirs());
      o.put("healthy", r.healthy());
      out().println(JsonWriter.write(o));
    } else {
      Colors c = terminal().colors();
      out().println("project   " + r.project());
      out().println("healthy   " + r.healthy());
      out().println("orphaned  " + names(r.orphanedContainers(), c) + "  (persistent sandboxes with no instance directory)");
      out().println("stale     " + names(r.staleInstanceDirs(), c) + "  (instance directories with no sandbox)");
      out().println("reaped    " + names(reaped, c) + "  (ephemeral sandboxes whose creator process died)");
      if (r.ok()) {
        out().println(c.green("all good"));
      }
    }
    out().flush();
    return 0;
  }

  private static String names(List<String> names, Colors c) {
    return names.isEmpty() ? "-" : c.yellow(String.join(", ", names));
  }
}
