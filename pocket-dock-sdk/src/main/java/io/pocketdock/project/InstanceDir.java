package io.pocketdock.project;

import io.pocketdock.ConfigException;
import io.pocketdock.internal.config.AtomicFiles;
import io.pocketdock.internal.config.ConfigSyntaxException;
import io.pocketdock.internal.config.JsonLines;
import io.pocketdock.internal.config.RotatingLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code .pocket-dock/instances/<name>/}: the record, run history and logs of one persistent
 * container.
 *
 * <ul>
 *   <li>{@code instance.toml}: {@link InstanceRecord}, replaced atomically (never half-written).
 *   <li>{@code history.jsonl}: one {@link HistoryEntry} per run, appended under a file lock.
 *   <li>{@code logs/run.log}: each run's command and output; rotated to {@code
 *       run-<UTC time>.log} at {@code max_log_size}, at most {@code max_logs_per_instance} files,
 *       none older than {@code retention_days}.
 * </ul>
 *
 * With {@code auto_log: false}, {@link #appendHistory} and {@link #logRun} write nothing.
 */
public final class InstanceDir {
  static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");

  private final Path path;
  private final String name;
  private final ProjectConfig config;
  private final Clock clock;

  InstanceDir(Path instancesDir, String name, ProjectConfig config) {
    this(instancesDir, name, config, Clock.systemUTC());
  }

  InstanceDir(Path instancesDir, String name, ProjectConfig config, Clock clock) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid instance name " + name);
    }
    this.path = instancesDir.resolve(name);
    this.name = name;
    this.config = config;
    this.clock = clock;
  }

  /** The container name. */
  public String name() {
    return name;
  }

  /** The directory. */
  public Path path() {
    return path;
  }

  /** Whether the directory exists. */
  public boolean exists() {
    return Files.isDirectory(path);
  }

  /** {@code instance.toml}. */
  public Path recordFile() {
    return path.resolve("instance.toml");
  }

  /** {@code history.jsonl}. */
  public Path historyFile() {
    return path.resolve("history.jsonl");
  }

  /** {@code logs/}. */
  public Path logsDir() {
    return path.resolve("logs");
  }

  /** Writes {@code instance.toml} atomically (written whatever {@code auto_log} says). */
  public void write(InstanceRecord record) throws IOException {
    AtomicFiles.write(recordFile(), record.toToml().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The record, if {@code instance.toml} exists.
   *
   * @throws ConfigException when the file is malformed (edited by hand)
   */
  public Optional<InstanceRecord> record() throws IOException {
    String text;
    try {
      text = Files.readString(recordFile(), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(InstanceRecord.parse(text));
    } catch (ConfigSyntaxException e) {
      throw ConfigException.of("read instance", recordFile(), e.line(), e.getMessage(), null);
    } catch (RuntimeException e) {
      throw ConfigException.of("read instance", recordFile(), 0, String.valueOf(e.getMessage()), null);
    }
  }

  /** Appends one line to {@code history.jsonl}, unless {@code auto_log} is off. */
  public void appendHistory(HistoryEntry entry) throws IOException {
    if (config.autoLog()) {
      JsonLines.append(historyFile(), entry.toJson());
    }
  }

  /**
   * The history, oldest first (an unfinished last line, from a writer that died mid-line, is
   * skipped).
   *
   * @throws ConfigException naming the line when one is not a history entry (edited by hand)
   */
  public List<HistoryEntry> history() throws IOException {
    List<HistoryEntry> out = new ArrayList<>();
    List<String> lines = JsonLines.read(historyFile());
    for (int i = 0; i < lines.size(); i++) {
      try {
        out.add(HistoryEntry.parse(lines.get(i)));
      } catch (RuntimeException e) {
        throw ConfigException.of(
            "read history", historyFile(), i + 1, "not a history entry: " + e.getMessage(), null);
      }
    }
    return out;
  }

  /** Appends a run's command and output to {@code logs/run.log}, unless {@code auto_log} is off. */
  public void logRun(HistoryEntry entry, String stdout, String stderr) throws IOException {
    if (!config.autoLog()) {
      return;
    }
    StringBuilder b = new StringBuilder();
    b.append("=== ")
        .append(entry.time())
        .append(" exit=")
        .append(entry.exitCode())
        .append(" duration_ms=")
        .append(entry.durationMs())
        .append(entry.timedOut() ? " timed_out" : "")
        .append(entry.truncated() ? " truncated" : "")
        .append('\n')
        .append("$ ")
        .append(entry.command())
        .append('\n');
    section(b, "stdout", stdout);
    section(b, "stderr", stderr);
    log("run").append(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void section(StringBuilder b, String label, String text) {
    if (!text.isEmpty()) {
      b.append("--- ").append(label).append('\n').append(text);
      if (!text.endsWith("\n")) {
        b.append('\n');
      }
    }
  }

  /**
   * A rotating log in {@code logs/} named {@code base} ({@code run}, {@code session-<id>}, ...)
   * with this project's limits; for other kinds of output to share the rotation and pruning.
   */
  public RotatingLogHandle log(String base) {
    return new RotatingLogHandle(
        new RotatingLog(
            logsDir(),
            base,
            config.maxLogSize().bytes(),
            config.maxLogsPerInstance(),
            Duration.ofDays(config.retentionDays()),
            clock),
        config.autoLog());
  }

  /** Deletes the directory and everything in it; a missing directory is fine. */
  public void delete() throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  @Override
  public String toString() {
    return "InstanceDir[" + path + "]";
  }

  /** An append-only handle to one rotating log of this instance. */
  public static final class RotatingLogHandle {
    private final RotatingLog log;
    private final boolean enabled;

    RotatingLogHandle(RotatingLog log, boolean enabled) {
      this.log = log;
      this.enabled = enabled;
    }

    /** The file being written. */
    public Path current() {
      return log.current();
    }

    /** Appends bytes, rotating and pruning as configured (unless {@code auto_log} is off). */
    public void append(byte[] bytes) throws IOException {
      if (enabled) {
        log.append(bytes);
      }
    }
  }
}
