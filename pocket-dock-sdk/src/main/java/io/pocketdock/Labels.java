package io.pocketdock;

import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonArray;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The labels pocket-dock puts on every container it creates, in one place. */
final class Labels {
  static final String PREFIX = "io.pocketdock.";
  static final String MANAGED = PREFIX + "managed";
  static final String PERSIST = PREFIX + "persist";
  static final String PROJECT = PREFIX + "project";
  static final String PROFILE = PREFIX + "profile";
  static final String EXEC_TIMEOUT_MS = PREFIX + "exec-timeout-ms";
  static final String CREATOR_HOST = PREFIX + "creator.host";
  static final String CREATOR_PID = PREFIX + "creator.pid";
  static final String CREATOR_STARTED = PREFIX + "creator.started";
  /** Published ports, a JSON array of {@link PortMapping#toString()} forms. */
  static final String PORTS = PREFIX + "ports";
  /** Mounts, a JSON array of {@link VolumeMount#toString()} forms. */
  static final String VOLUMES = PREFIX + "volumes";
  /** The absolute project root, so destroy finds the instance dir from anywhere. */
  static final String PROJECT_ROOT = PREFIX + "project.root";
  /** On snapshot images: the source container id and the commit time. */
  static final String SNAPSHOT_SOURCE = PREFIX + "snapshot.source";

  static final String SNAPSHOT_TIME = PREFIX + "snapshot.time";
  /**
   * Whether an ephemeral container dies with its creating process ({@value #LIFETIME_PROCESS},
   * the default) or may outlive it ({@value #LIFETIME_DETACHED}); see {@link OrphanReaper}.
   */
  static final String LIFETIME = PREFIX + "lifetime";

  static final String LIFETIME_PROCESS = "process";
  static final String LIFETIME_DETACHED = "detached";

  private Labels() {}

  static Map<String, String> forSpec(ContainerSpec spec, String host) {
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.putIfAbsent(LIFETIME, LIFETIME_PROCESS);
    labels.put(MANAGED, "true");
    labels.put(PERSIST, Boolean.toString(spec.persist()));
    labels.put(PROFILE, spec.image() == null ? spec.profile() : "");
    labels.put(EXEC_TIMEOUT_MS, Long.toString(spec.execTimeout().toMillis()));
    // Always written, even empty: an image committed from a managed container carries its labels,
    // and a container created from it would otherwise inherit another container's project/ports.
    labels.put(PROJECT, spec.project() == null ? "" : spec.project());
    labels.put(PROJECT_ROOT, "");
    labels.put(PORTS, jsonStrings(spec.ports()));
    labels.put(VOLUMES, jsonStrings(spec.volumes()));
    labels.put(CREATOR_HOST, host);
    labels.put(CREATOR_PID, Long.toString(ProcessHandle.current().pid()));
    labels.put(
        CREATOR_STARTED,
        Long.toString(
            ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH).toEpochMilli()));
    return labels;
  }

  /** Like {@link #forSpec(ContainerSpec, String)}, recording the project's root directory. */
  static Map<String, String> forSpec(
      ContainerSpec spec, String host, @Nullable Path root) {
    Map<String, String> labels = forSpec(spec, host);
    if (root != null) {
      labels.put(PROJECT_ROOT, root.toAbsolutePath().toString());
    }
    return labels;
  }

  private static String jsonStrings(List<?> values) {
    List<String> text = new ArrayList<>();
    for (Object v : values) {
      text.add(v.toString());
    }
    return Json.write(JsonArray.ofStrings(text));
  }

  /** Reads back a label written by {@link #jsonStrings}; missing or malformed → empty. */
  static List<String> strings(Map<String, String> labels, String key) {
    String v = labels.get(key);
    if (v == null || v.isBlank()) {
      return List.of();
    }
    try {
      if (Json.parse(v) instanceof JsonArray a) {
        return a.strings();
      }
    } catch (RuntimeException malformed) {
      // Someone edited the label by hand; the engine's own config still has the truth.
    }
    return List.of();
  }
}
