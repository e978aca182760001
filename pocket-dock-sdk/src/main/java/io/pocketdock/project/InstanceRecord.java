package io.pocketdock.project;

import io.pocketdock.internal.config.TomlSubset;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The contents of {@code instance.toml}: what a persistent container was created with. It is a
 * record for people and tools; the engine's container (and its {@code io.pocketdock.*} labels)
 * remains the truth, so deleting the file loses nothing that resume needs.
 *
 * @param id the engine's container id
 * @param name the container name
 * @param image the image reference
 * @param project the project name
 * @param created when it was created
 * @param persist whether it is persistent
 * @param memoryLimit memory cap in bytes, or {@code null}
 * @param cpuPercent CPU cap in percent of one core, or {@code null}
 * @param pidsLimit process limit (-1: none)
 * @param ports published ports, {@code hostIp:hostPort:containerPort/proto}
 * @param volumes mounts, {@code host:container[:ro]}
 */
public record InstanceRecord(
    String id,
    String name,
    String image,
    String project,
    Instant created,
    boolean persist,
    @Nullable Long memoryLimit,
    @Nullable Integer cpuPercent,
    long pidsLimit,
    List<String> ports,
    List<String> volumes) {

  /** Copies the lists. */
  public InstanceRecord {
    ports = List.copyOf(ports);
    volumes = List.copyOf(volumes);
  }

  /** The TOML text of {@code instance.toml}. */
  public String toToml() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", id);
    v.put("name", name);
    v.put("image", image);
    v.put("project", project);
    v.put("created", created.toString());
    v.put("persist", persist);
    if (memoryLimit != null) {
      v.put("memory_limit", memoryLimit);
    }
    if (cpuPercent != null) {
      v.put("cpu_percent", cpuPercent);
    }
    v.put("pids_limit", pidsLimit);
    v.put("ports", ports);
    v.put("volumes", volumes);
    return TomlSubset.write(
        "pocket-dock instance record, written when the container was created.\n"
            + "The container itself is the source of truth; this file is for you and `doctor`.",
        v);
  }

  /**
   * Reads {@link #toToml()}'s output.
   *
   * @throws RuntimeException on a malformed line, or a required key missing or of the wrong type
   *     ({@link InstanceDir#record()} reports these as {@link io.pocketdock.ConfigException})
   */
  public static InstanceRecord parse(String toml) {
    Map<String, Object> v = TomlSubset.parse(toml);
    return new InstanceRecord(
        str(v, "id"),
        str(v, "name"),
        str(v, "image"),
        str(v, "project"),
        Instant.parse(str(v, "created")),
        v.get("persist") instanceof Boolean b && b,
        v.get("memory_limit") instanceof Long m ? m : null,
        v.get("cpu_percent") instanceof Long c ? Integer.valueOf(c.intValue()) : null,
        v.get("pids_limit") instanceof Long p ? p : -1L,
        strings(v, "ports"),
        strings(v, "volumes"));
  }

  private static String str(Map<String, Object> v, String key) {
    if (v.get(key) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("instance.toml: '" + key + "' is missing or not a string");
  }

  private static List<String> strings(Map<String, Object> v, String key) {
    List<String> out = new java.util.ArrayList<>();
    if (v.get(key) instanceof List<?> list) {
      for (Object o : list) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }
}
