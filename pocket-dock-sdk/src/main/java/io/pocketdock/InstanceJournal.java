package io.pocketdock;

import io.pocketdock.project.HistoryEntry;
import io.pocketdock.project.InstanceDir;
import io.pocketdock.project.InstanceRecord;
import io.pocketdock.project.Project;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a persistent container's instance directory in its project: writes {@code instance.toml}
 * when the container is created (or resumed without one), and records each run in {@code
 * history.jsonl} and {@code logs/}. Disk trouble is logged, never thrown: the sandbox matters more
 * than its diary.
 */
final class InstanceJournal implements RunListener {
  private static final System.Logger LOG = System.getLogger("io.pocketdock.project");

  private final InstanceDir dir;
  private final java.nio.file.Path configFile;

  private InstanceJournal(InstanceDir dir, java.nio.file.Path configFile) {
    this.dir = dir;
    this.configFile = configFile;
  }

  /**
   * Whether the project still exists: after someone deletes {@code .pocket-dock/}, writing would
   * recreate a half project (instances without a config), so the journal goes quiet instead.
   */
  private boolean projectExists() {
    return java.nio.file.Files.isRegularFile(configFile);
  }

  /** The journal for a container of {@code spec}, or {@code null} when it gets none. */
  static @Nullable InstanceJournal forContainer(@Nullable Project project, ContainerSpec spec, String name) {
    if (project == null || !spec.persist() || !project.name().equals(spec.project())) {
      return null;
    }
    return new InstanceJournal(
        project.instance(name), project.stateDir().resolve(Project.CONFIG_FILE));
  }

  /** Writes {@code instance.toml}; with {@code onlyIfMissing}, keeps an existing one. */
  void record(ContainerSpec spec, String name, String id, boolean onlyIfMissing) {
    if (!projectExists() || (onlyIfMissing && java.nio.file.Files.exists(dir.recordFile()))) {
      return;
    }
    List<String> ports = new ArrayList<>();
    spec.ports().forEach(p -> ports.add(p.toString()));
    List<String> volumes = new ArrayList<>();
    spec.volumes().forEach(v -> volumes.add(v.toString()));
    InstanceRecord r =
        new InstanceRecord(
            id,
            name,
            spec.imageReference(),
            String.valueOf(spec.project()),
            Instant.now(),
            spec.persist(),
            spec.memoryLimit() == null ? null : spec.memoryLimit().bytes(),
            spec.cpuPercent(),
            spec.pidsLimit(),
            ports,
            volumes);
    try {
      dir.write(r);
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot write " + dir.recordFile() + ": " + e.getMessage());
    }
  }

  @Override
  public void completed(String command, ExecResult result, Instant started) {
    if (!projectExists()) {
      return;
    }
    HistoryEntry entry =
        new HistoryEntry(
            started, command, result.exitCode(), result.durationMs(), result.timedOut(), result.truncated());
    try {
      dir.appendHistory(entry);
      dir.logRun(entry, result.stdout(), result.stderr());
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot record a run in " + dir.path() + ": " + e.getMessage());
    }
  }
}
