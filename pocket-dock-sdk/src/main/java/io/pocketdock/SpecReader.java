package io.pocketdock;

import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonString;
import io.pocketdock.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rebuilds a {@link ContainerSpec} from the engine's inspect output and our labels. */
final class SpecReader {
  private SpecReader() {}

  static ContainerSpec fromInspect(JsonObject inspect) {
    JsonObject config = inspect.object("Config");
    JsonObject host = inspect.object("HostConfig");
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : config.object("Labels").members().entrySet()) {
      if (e.getValue() instanceof JsonString s && !e.getKey().startsWith(Labels.PREFIX + "creator.")) {
        labels.put(e.getKey(), s.value());
      }
    }
    String profile = labels.getOrDefault(Labels.PROFILE, "");
    List<String> command = new ArrayList<>();
    for (JsonValue v : config.array("Cmd").values()) {
      if (v instanceof JsonString s) {
        command.add(s.value());
      }
    }
    ContainerSpec.Builder b =
        ContainerSpec.builder()
            .image(profile.isEmpty() ? config.string("Image", "") : null)
            .profile(profile.isEmpty() ? ContainerSpec.DEFAULT_PROFILE : profile)
            .name(null)
            .persist("true".equals(labels.get(Labels.PERSIST)))
            .network(!"none".equals(host.string("NetworkMode", "none")))
            .pidsLimit(host.longValue("PidsLimit", 0) > 0 ? host.longValue("PidsLimit", 0) : -1)
            .labels(labels)
            .hardening(HardeningConfig.hardening(inspect));
    long timeoutMs = parseLong(labels.get(Labels.EXEC_TIMEOUT_MS));
    if (timeoutMs > 0) {
      b.execTimeout(java.time.Duration.ofMillis(timeoutMs));
    }
    if (!command.isEmpty()) {
      b.command(command);
    }
    String project = labels.getOrDefault(Labels.PROJECT, "");
    b.project(project.isEmpty() ? null : project);
    for (String p : Labels.strings(labels, Labels.PORTS)) {
      b.port(PortMapping.parse(p));
    }
    for (String v : Labels.strings(labels, Labels.VOLUMES)) {
      b.volume(VolumeMount.parse(v));
    }
    List<String> devices = new ArrayList<>();
    for (JsonObject d : host.array("Devices").objects()) {
      String onHost = d.string("PathOnHost", "");
      String inContainer = d.string("PathInContainer", onHost);
      String perms = d.string("CgroupPermissions", "rwm");
      String text = onHost + ":" + inContainer + ":" + (perms.isEmpty() ? "rwm" : perms);
      try {
        DeviceMapping.parse(text);
        devices.add(text);
      } catch (InvalidArgumentException notOurs) {
        // An engine-added entry we could not have asked for; not part of the spec.
      }
    }
    b.devices(devices);
    long memory = host.longValue("Memory", 0);
    if (memory > 0) {
      b.memoryLimit(ByteSize.of(memory));
    }
    long nanoCpus = host.longValue("NanoCpus", 0);
    if (nanoCpus > 0) {
      b.cpuPercent((int) Math.max(1, nanoCpus / 10_000_000L));
    }
    return b.build();
  }

  private static long parseLong(@org.jspecify.annotations.Nullable String value) {
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
