package io.pocketdock.cli.command;

import io.pocketdock.cli.CliException;
import io.pocketdock.cli.terminal.JsonWriter;
import io.pocketdock.cli.terminal.Table;
import io.pocketdock.project.HistoryEntry;
import io.pocketdock.project.InstanceDir;
import io.pocketdock.project.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pocket-dock logs}: the run logs or run history that the project keeps for its persistent
 * sandboxes in {@code .pocket-dock/instances/<name>/}. Reads files only; no engine call.
 */
@Command(
    name = "logs",
    description =
        "Shows what the project recorded for its persistent sandboxes: each run's command and"
            + " output (logs/run*.log), or with --history one line per run (history.jsonl: time,"
            + " exit code, duration, command). Without CONTAINER, every instance of the project."
            + " --follow keeps printing new entries until interrupted.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  pocket-dock logs box1",
      "  pocket-dock logs --history --limit 20",
      "  pocket-dock logs box1 --follow",
      "  pocket-dock logs box1 --json | jq '.[] | select(.exit_code != 0)'"
    })
public final class LogsCommand extends DockCommand {
  private static final long POLL_MS = 200;

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONTAINER", description = "A persistent sandbox of the project (default: all).")
  @Nullable String container;

  @Option(names = "--history", description = "One line per run instead of the run logs.")
  boolean history;

  @Option(names = {"-f", "--follow"}, description = "Keep printing what is added, until interrupted (Ctrl-C).")
  boolean follow;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Only the last N runs (--history) or lines (logs).")
  @Nullable Integer limit;

  @Option(names = "--json", description = "The history as a JSON array of {\"container\",\"time\",\"command\",\"exit_code\",\"duration_ms\",\"timed_out\",\"truncated\"} (one object per line with --follow).")
  boolean json;

  /** Used by picocli. */
  public LogsCommand() {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (limit != null && limit < 0) {
      throw new picocli.CommandLine.ParameterException(spec().commandLine(), "--limit must be 0 or more");
    }
    Project project = Project.require("logs", root().workingDirectory());
    List<InstanceDir> dirs = instances(project);
    Map<InstanceDir, Long> positions = new LinkedHashMap<>();
    if (history || json) {
      printHistory(dirs);
      for (InstanceDir d : dirs) {
        positions.put(d, Files.exists(d.historyFile()) ? Files.size(d.historyFile()) : 0L);
      }
    } else {
      printLogs(dirs);
      for (InstanceDir d : dirs) {
        Path f = d.log("run").current();
        positions.put(d, Files.exists(f) ? Files.size(f) : 0L);
      }
    }
    out().flush();
    if (follow) {
      follow(positions, dirs.size() > 1);
    }
    return 0;
  }

  private List<InstanceDir> instances(Project project) {
    if (container != null) {
      InstanceDir d = project.instance(container);
      if (!d.exists()) {
        throw new CliException(
            "no instance directory for " + container + " in project " + project.name(),
            "only persistent sandboxes created in the project keep logs (create --persist);"
                + " `pocket-dock doctor` compares them with the engine");
      }
      return List.of(d);
    }
    return project.instances();
  }

  private void printHistory(List<InstanceDir> dirs) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (InstanceDir d : dirs) {
      for (HistoryEntry e : d.history()) {
        rows.add(toJson(d.name(), e));
      }
    }
    rows.sort(Comparator.comparing(r -> (String) r.get("time")));
    if (limit != null && rows.size() > limit) {
      rows = rows.subList(rows.size() - limit, rows.size());
    }
    if (json) {
      out().println(JsonWriter.write(rows));
      return;
    }
    Table t = Table.of("TIME", "CONTAINER", "EXIT", "MS", "COMMAND");
    for (Map<String, Object> r : rows) {
      t.row(
          (String) r.get("time"),
          (String) r.get("container"),
          r.get("exit_code") + (Boolean.TRUE.equals(r.get("timed_out")) ? " (timeout)" : ""),
          String.valueOf(r.get("duration_ms")),
          (String) r.get("command"));
    }
    t.print(out(), terminal().colors());
  }

  static Map<String, Object> toJson(String container, HistoryEntry e) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("container", container);
    o.put("time", e.time().toString());
    o.put("command", e.command());
    o.put("exit_code", e.exitCode());
    o.put("duration_ms", e.durationMs());
    o.put("timed_out", e.timedOut());
    o.put("truncated", e.truncated());
    return o;
  }

  private void printLogs(List<InstanceDir> dirs) throws IOException {
    for (InstanceDir d : dirs) {
      List<String> lines = new ArrayList<>();
      for (Path f : logFiles(d)) {
        lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
      }
      if (limit != null && lines.size() > limit) {
        lines = lines.subList(lines.size() - limit, lines.size());
      }
      if (dirs.size() > 1) {
        out().println(terminal().colors().bold("==> " + d.name() + " <=="));
      }
      lines.forEach(out()::println);
    }
  }

  /** Rotated files ({@code run-<UTC time>.log}, so by name is by age) first, then the live one. */
  private static List<Path> logFiles(InstanceDir d) throws IOException {
    if (!Files.isDirectory(d.logsDir())) {
      return List.of();
    }
    Path live = d.log("run").current();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> all = Files.list(d.logsDir())) {
      all.filter(p -> p.getFileName().toString().endsWith(".log") && !p.equals(live))
          .sorted()
          .forEach(files::add);
    }
    if (Files.exists(live)) {
      files.add(live);
    }
    return files;
  }

  /** Polls the live files and prints what is appended; a file that shrank was rotated. */
  private void follow(Map<InstanceDir, Long> positions, boolean label) throws InterruptedException {
    while (!Thread.currentThread().isInterrupted()) {
      for (Map.Entry<InstanceDir, Long> e : positions.entrySet()) {
        InstanceDir d = e.getKey();
        Path f = history || json ? d.historyFile() : d.log("run").current();
        try {
          long size = Files.exists(f) ? Files.size(f) : 0;
          long from = size < e.getValue() ? 0 : e.getValue();
          if (size > from) {
            e.setValue(from + printAppended(d.name(), f, from, size, label));
          } else {
            e.setValue(size);
          }
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      }
      Thread.sleep(POLL_MS);
    }
  }

  /** Prints the whole lines between {@code from} and {@code to}; returns the bytes consumed. */
  private long printAppended(String name, Path f, long from, long to, boolean label) throws IOException {
    byte[] bytes;
    try (var ch = Files.newByteChannel(f)) {
      ch.position(from);
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) Math.min(to - from, 1 << 20));
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // fill
      }
      bytes = java.util.Arrays.copyOf(buf.array(), buf.position());
    }
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--; // a line still being written is printed on the next round
    }
    String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
    for (String line : text.lines().toList()) {
      if (history || json) {
        HistoryEntry entry = HistoryEntry.parse(line);
        out().println(json ? JsonWriter.write(toJson(name, entry)) : historyLine(name, entry));
      } else {
        out().println(label ? name + " | " + line : line);
      }
    }
    out().flush();
    return end;
  }

  private static String historyLine(String name, HistoryEntry e) {
    return e.time() + "  " + name + "  " + e.exitCode() + (e.timedOut() ? " (timeout)" : "") + "  " + e.durationMs() + "  " + e.command();
  }
}
