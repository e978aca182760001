package io.pocketdock.cli.command;

import io.pocketdock.ContainerSummary;
import io.pocketdock.EngineInfo;
import io.pocketdock.cli.Dock;
import io.pocketdock.cli.terminal.Colors;
import io.pocketdock.cli.terminal.JsonWriter;
import io.pocketdock.cli.terminal.Table;
import io.pocketdock.project.Project;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pocket-dock status}: the engine, the project, and how many sandboxes there are. */
@Command(
    name = "status",
    description =
        "Shows which engine answers (kind, version, socket), the project found at or above the"
            + " current directory, and how many pocket-dock sandboxes exist, running and stopped.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock status", "  pocket-dock status --json | jq .engine.kind"})
public final class StatusCommand extends DockCommand {
  @Option(names = "--json", description = "Print {\"engine\",\"project\",\"containers\"} (see docs/cli.md).")
  boolean json;

  /** Used by picocli. */
  public StatusCommand() {}

  @Override
  public Integer call() {
    EngineInfo engine;
    Optional<Project> project;
    List<ContainerSummary> all;
    try (Dock dock = root().connect()) {
      engine = dock.engine();
      project = dock.project();
      all = dock.list(null);
    }
    long running = all.stream().filter(ContainerSummary::running).count();
    long inProject =
        project.map(p -> all.stream().filter(c -> p.name().equals(c.project())).count()).orElse(0L);
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("kind", engine.kind().id());
      e.put("version", engine.version());
      e.put("api_version", engine.apiVersion());
      e.put("socket", engine.socket().toString());
      o.put("engine", e);
      Map<String, Object> p = null;
      if (project.isPresent()) {
        p = new LinkedHashMap<>();
        p.put("name", project.get().name());
        p.put("root", project.get().root().toString());
        p.put("containers", inProject);
      }
      o.put("project", p);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("total", all.size());
      c.put("running", running);
      c.put("stopped", all.size() - running);
      o.put("containers", c);
      out().println(JsonWriter.write(o));
    } else {
      Colors colors = terminal().colors();
      Table t = Table.withoutHeader(2);
      t.row("engine", colors.green(engine.kind().id()) + " " + engine.version() + " (API " + engine.apiVersion() + ") at " + engine.socket());
      t.row(
          "project",
          project
              .map(p -> p.name() + " (" + p.root() + ", " + inProject + (inProject == 1 ? " sandbox)" : " sandboxes)"))
              .orElse("none here (pocket-dock init makes one)"));
      t.row("sandboxes", all.size() + " (" + running + " running, " + (all.size() - running) + " stopped)");
      t.print(out(), colors);
    }
    out().flush();
    return 0;
  }
}
