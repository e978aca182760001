package io.pocketdock.project;

import io.pocketdock.ByteSize;
import io.pocketdock.InvalidArgumentException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The settings in {@code .pocket-dock/pocket-dock.yaml}.
 *
 * @param projectName the project's name, put on every container created in it as {@code
 *     io.pocketdock.project}
 * @param defaultProfile the profile {@link io.pocketdock.PocketDock#specBuilder()} starts from
 * @param defaultPersist whether {@link io.pocketdock.PocketDock#specBuilder()} makes persistent
 *     containers
 * @param autoLog whether runs of persistent containers are recorded in {@code history.jsonl} and
 *     {@code logs/}
 * @param maxLogSize the size at which a log file is rotated
 * @param maxLogsPerInstance how many log files an instance keeps
 * @param retentionDays how many days a log file is kept after its last write
 * @param socket the engine socket to use, or {@code null} for discovery
 * @param logLevel {@code debug}, {@code info}, {@code warn} or {@code error}
 */
public record ProjectConfig(
    String projectName,
    String defaultProfile,
    boolean defaultPersist,
    boolean autoLog,
    ByteSize maxLogSize,
    int maxLogsPerInstance,
    int retentionDays,
    @Nullable String socket,
    String logLevel) {

  /** The levels {@code log_level} accepts. */
  public static final Set<String> LOG_LEVELS = Set.of("debug", "info", "warn", "error");

  /** Validates the values. */
  public ProjectConfig {
    if (!Project.NAME.matcher(projectName).matches()) {
      throw InvalidArgumentException.of(
          "project", "invalid project name '" + projectName + "': use letters, digits, '_', '.', '-'");
    }
    if (maxLogSize.bytes() < 1024) {
      throw InvalidArgumentException.of("project", "max_log_size must be at least 1k");
    }
    if (maxLogsPerInstance < 1) {
      throw InvalidArgumentException.of("project", "max_logs_per_instance must be at least 1");
    }
    if (retentionDays < 0) {
      throw InvalidArgumentException.of("project", "retention_days must not be negative");
    }
    logLevel = logLevel.toLowerCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(logLevel)) {
      throw InvalidArgumentException.of(
          "project", "log_level must be one of debug, info, warn, error; got '" + logLevel + "'");
    }
    socket = socket == null || socket.isBlank() ? null : socket;
  }

  /** The defaults {@link Project#init} writes, for {@code name}. */
  public static ProjectConfig defaults(String name) {
    return new ProjectConfig(
        name, "minimal", false, true, ByteSize.ofMebibytes(10), 10, 30, null, "info");
  }
}
