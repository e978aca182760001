package io.pocketdock.cli.command;

import io.pocketdock.ContainerInfo;
import io.pocketdock.cli.Dock;
import io.pocketdock.cli.terminal.Colors;
import io.pocketdock.cli.terminal.HumanFormat;
import io.pocketdock.cli.terminal.JsonWriter;
import io.pocketdock.cli.terminal.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pocket-dock info}: a live reading of a sandbox's state and resource use. */
@Command(
    name = "info",
    description = "Shows a sandbox's state, resource use and processes, read live from the engine.",
    footerHeading = "%nExamples:%n",
    footer = {"  pocket-dock info box1", "  pocket-dock info box1 --json | jq .memory_usage"})
public final class InfoCommand extends DockCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER", description = "Name or id of the sandbox.")
  @Nullable String container;

  @Option(names = "--json", description = "Print one JSON object with snake_case fields.")
  boolean json;

  /** Used by picocli. */
  public InfoCommand() {}

  @Override
  public Integer call() {
    ContainerInfo info;
    try (Dock dock = root().connect()) {
      info = dock.attach(Objects.requireNonNull(container)).info();
    }
    if (json) {
      out().println(JsonWriter.write(toJson(info)));
    } else {
      print(info, out(), terminal().colors());
    }
    out().flush();
    return 0;
  }

  /** The {@code --json} object. Times are ISO-8601 in UTC; sizes are bytes. */
  static Map<String, Object> toJson(ContainerInfo i) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", i.id());
    o.put("name", i.name());
    o.put("status", i.status());
    o.put("image", i.image());
    o.put("created_at", i.createdAt().toString());
    o.put("started_at", i.started().map(Object::toString).orElse(null));
    o.put("uptime_seconds", i.uptime().getSeconds());
    o.put("memory_usage", i.memoryUsage());
    o.put("memory_limit", i.memoryLimit());
    o.put("memory_percent", round2(i.memoryPercent()));
    o.put("cpu_percent", round2(i.cpuPercent()));
    o.put("pids", i.pids());
    o.put("network", i.network());
    o.put("ip_address", i.ipAddress());
    o.put("ports", i.ports());
    List<Map<String, Object>> processes = new ArrayList<>();
    for (ContainerInfo.ProcessEntry p : i.processes()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("pid", p.pid());
      e.put("user", p.user());
      e.put("command", p.command());
      processes.add(e);
    }
    o.put("processes", processes);
    return o;
  }

  /** Key/value lines, then the process table; the same text on a terminal and in a pipe. */
  static void print(ContainerInfo i, PrintWriter out, Colors colors) {
    String status = i.running() ? colors.green(i.status()) : colors.yellow(i.status());
    Table t = Table.withoutHeader(2);
    t.row("name", i.name());
    t.row("id", i.id().length() > 12 ? i.id().substring(0, 12) : i.id());
    t.row("status", status);
    t.row("image", i.image());
    t.row("created", i.createdAt().toString());
    t.row("started", i.started().map(Object::toString).orElse("-"));
    t.row("uptime", HumanFormat.duration(i.uptime()));
    t.row(
        "memory",
        HumanFormat.bytes(i.memoryUsage())
            + " / "
            + HumanFormat.bytes(i.memoryLimit())
            + " ("
            + HumanFormat.percent(i.memoryPercent())
            + ")");
    t.row("cpu", HumanFormat.percent(i.cpuPercent()));
    t.row("pids", Integer.toString(i.pids()));
    t.row("network", i.network() ? "on" : "off");
    t.row("ip address", i.ipAddress().isEmpty() ? "-" : i.ipAddress());
    t.row("ports", i.ports().isEmpty() ? "-" : String.join(", ", i.ports()));
    t.print(out, colors);
    if (!i.processes().isEmpty()) {
      out.println();
      Table p = Table.of("PID", "USER", "COMMAND");
      for (ContainerInfo.ProcessEntry e : i.processes()) {
        p.row(e.pid(), e.user(), e.command());
      }
      p.print(out, colors);
    }
  }

  private static double round2(double d) {
    return Math.round(d * 100) / 100.0;
  }
}
