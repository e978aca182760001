package io.pocketdock.cli.command;

import io.pocketdock.ContainerSummary;
import io.pocketdock.cli.Dock;
import io.pocketdock.cli.terminal.Colors;
import io.pocketdock.cli.terminal.JsonWriter;
import io.pocketdock.cli.terminal.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pocket-dock list}: the pocket-dock sandboxes on the engine, running and stopped. */
@Command(
    name = "list",
    description = "Lists the pocket-dock sandboxes on the engine, running and stopped, sorted by name.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock list", "  pocket-dock list --project demo --json | jq -r '.[].name'"})
public final class ListCommand extends DockCommand {
  @Option(names = "--json", description = "Print an array of {\"id\",\"name\",\"status\",\"image\",\"created_at\",\"persist\",\"project\"}.")
  boolean json;

  @Option(names = "--project", paramLabel = "P", description = "Only this project's sandboxes (default: all).")
  @Nullable String project;

  /** Used by picocli. */
  public ListCommand() {}

  @Override
  public Integer call() {
    List<ContainerSummary> all;
    try (Dock dock = root().connect()) {
      all = dock.list(project);
    }
    if (json) {
      List<Map<String, Object>> items = new ArrayList<>();
      all.forEach(c -> items.add(toJson(c)));
      out().println(JsonWriter.write(items));
    } else if (all.isEmpty()) {
      err().println("no sandboxes" + (project == null ? "" : " in project " + project));
    } else {
      Colors c = terminal().colors();
      Table t = Table.of("NAME", "STATUS", "IMAGE", "CREATED", "PERSIST", "PROJECT");
      for (ContainerSummary s : all) {
        t.row(
            s.name(),
            s.running() ? c.green(s.status()) : c.yellow(s.status()),
            s.image(),
            s.created().toString(),
            s.persist() ? "yes" : "no",
            s.project() == null ? "-" : s.project());
      }
      t.print(out(), c);
    }
    out().flush();
    err().flush();
    return 0;
  }

  /** One {@code --json} entry, fields in the documented order. */
  static Map<String, Object> toJson(ContainerSummary s) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", s.id());
    o.put("name", s.name());
    o.put("status", s.status());
    o.put("image", s.image());
    o.put("created_at", s.created().toString());
    o.put("persist", s.persist());
    o.put("project", s.project());
    return o;
  }
}
