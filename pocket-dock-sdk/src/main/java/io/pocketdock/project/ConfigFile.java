package io.pocketdock.project;

import io.pocketdock.ByteSize;
import io.pocketdock.ConfigException;
import io.pocketdock.PocketDockException;
import io.pocketdock.internal.config.ConfigSyntaxException;
import io.pocketdock.internal.config.FlatYaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Reads and writes {@code pocket-dock.yaml}: the template {@code init} writes, and its parser. */
final class ConfigFile {
  static final Set<String> KEYS =
      Set.of(
          "project_name",
          "default_profile",
          "default_persist",
          "auto_log",
          "max_log_size",
          "max_logs_per_instance",
          "retention_days",
          "socket",
          "log_level");

  private ConfigFile() {}

  /** The file {@code init} writes: every key with its default and a comment saying what it does. */
  static String template(ProjectConfig c) {
    return String.join(
        "\n",
        List.of(
            "# pocket-dock project configuration (flat YAML: key: value, # comments).",
            "# Docs: docs/projects.md. Delete .pocket-dock/ at any time; containers keep working.",
            "",
            "# Name put on every container created in this project (label io.pocketdock.project).",
            "project_name: " + FlatYaml.quote(c.projectName()),
            "",
            "# Image profile and persist flag that new containers start from.",
            "default_profile: " + c.defaultProfile(),
            "default_persist: " + c.defaultPersist(),
            "",
            "# Record every run of a persistent container in instances/<name>/history.jsonl and logs/.",
            "auto_log: " + c.autoLog(),
            "# Rotate a log file at this size (k, m, g); keep this many per instance, for this many days.",
            "max_log_size: 10m",
            "max_logs_per_instance: " + c.maxLogsPerInstance(),
            "retention_days: " + c.retentionDays(),
            "",
            "# Engine socket for this project; empty means discovery (POCKET_DOCK_SOCKET still wins).",
            "socket: " + FlatYaml.quote(c.socket() == null ? "" : c.socket()),
            "",
            "# debug, info, warn or error.",
            "log_level: " + c.logLevel(),
            ""));
  }

  /**
   * Parses the file's text; unknown keys go to {@code warn}.
   *
   * @throws ConfigException naming the file and line of a malformed line or bad value
   */
  static ProjectConfig parse(Path file, String text, Consumer<String> warn) {
    Map<String, FlatYaml.Entry> entries;
    try {
      entries = FlatYaml.parse(text);
    } catch (ConfigSyntaxException e) {
      throw ConfigException.of(
          "load project", file, e.line(), e.getMessage().replaceFirst("^line \\d+: ", ""), null);
    }
    for (Map.Entry<String, FlatYaml.Entry> e : entries.entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        warn.accept(file + ":" + e.getValue().line() + ": unknown key '" + e.getKey() + "' ignored");
      }
    }
    FlatYaml.Entry name = entries.get("project_name");
    if (name == null || name.value().isBlank()) {
      throw ConfigException.of("load project", file, 0, "project_name is missing", "add project_name: <name>");
    }
    Values v = new Values(file, entries);
    if (!Project.NAME.matcher(name.value()).matches()) {
      throw v.bad(name, "project_name must use letters, digits, '_', '.' and '-'");
    }
    FlatYaml.Entry level = entries.get("log_level");
    if (level != null && !ProjectConfig.LOG_LEVELS.contains(level.value().toLowerCase(Locale.ROOT))) {
      throw v.bad(level, "log_level must be debug, info, warn or error");
    }
    ProjectConfig d = ProjectConfig.defaults("x");
    try {
      return new ProjectConfig(
          name.value(),
          v.string("default_profile", d.defaultProfile()),
          v.bool("default_persist", d.defaultPersist()),
          v.bool("auto_log", d.autoLog()),
          v.size("max_log_size", d.maxLogSize()),
          v.integer("max_logs_per_instance", d.maxLogsPerInstance()),
          v.integer("retention_days", d.retentionDays()),
          v.string("socket", ""),
          v.string("log_level", d.logLevel()));
    } catch (ConfigException e) {
      throw e;
    } catch (PocketDockException e) {
      throw ConfigException.of("load project", file, 0, e.getMessage(), null);
    }
  }

  /** Typed access that reports the line of a bad value. */
  private record Values(Path file, Map<String, FlatYaml.Entry> entries) {
    String string(String key, String fallback) {
      FlatYaml.Entry e = entries.get(key);
      return e == null ? fallback : e.value();
    }

    boolean bool(String key, boolean fallback) {
      FlatYaml.Entry e = entries.get(key);
      if (e == null) {
        return fallback;
      }
      return switch (e.value().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default -> throw bad(e, key + " must be true or false");
      };
    }

    int integer(String key, int fallback) {
      FlatYaml.Entry e = entries.get(key);
      if (e == null) {
        return fallback;
      }
      try {
        return Integer.parseInt(e.value());
      } catch (NumberFormatException x) {
        throw bad(e, key + " must be a whole number");
      }
    }

    ByteSize size(String key, ByteSize fallback) {
      FlatYaml.Entry e = entries.get(key);
      if (e == null) {
        return fallback;
      }
      try {
        return ByteSize.parse(e.value());
      } catch (PocketDockException x) {
        throw bad(e, key + " must be a size such as 10m");
      }
    }

    ConfigException bad(FlatYaml.Entry e, String message) {
      return ConfigException.of(
          "load project", file, e.line(), message + ", got '" + e.value() + "'", null);
    }
  }
}
