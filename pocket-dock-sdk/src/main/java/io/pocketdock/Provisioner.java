package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonObjectBuilder;
import io.pocketdock.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Creates and starts the engine container for a spec, and leaves nothing behind when either step
 * fails. The container always gets an init process as PID 1 (so a stop takes milliseconds, not the
 * engine's 10-second grace), no-new-privileges, a pids limit, and a network only when asked or when
 * its profile's default is on ({@link NetworkDefault}).
 */
final class Provisioner {
  /** Seconds an engine-initiated stop waits before SIGKILL; init makes the real wait ~0. */
  static final int STOP_TIMEOUT_SECONDS = 3;

  private final EngineContext engine;
  private final String host;
  private final @Nullable Project project;

  Provisioner(EngineContext engine, String host) {
    this(engine, host, null);
  }

  Provisioner(EngineContext engine, String host, @Nullable Project project) {
    this.engine = engine;
    this.host = host;
    this.project = project;
  }

  /** Creates and starts; returns the new container's id. */
  String provision(ContainerSpec spec, String name) {
    for (VolumeMount v : spec.volumes()) {
      if (!Files.exists(v.host())) {
        throw new InvalidArgumentException(
            "create", "volume host path does not exist: " + v.host(), "create it first, or fix the path");
      }
    }
    String image = spec.imageReference();
    String hint =
        spec.image() == null
            ? "build it: `pocket-dock build " + spec.profile() + "` (or scripts/setup-engines)"
            : "pull, build or import the image " + image + " first";
    String id;
    try {
      id = engine.client.createContainer(name, body(spec, name, image));
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("create", e.status() == 404 ? image : name, e, Failures.Missing.IMAGE, hint);
    } catch (IOException e) {
      throw Failures.fromIo("create", name, engine.socket(), e);
    }
    try {
      engine.client.startContainer(id);
    } catch (EngineResponseException | IOException e) {
      engine.quietly(() -> engine.client.removeContainer(id, true));
      if (e instanceof EngineResponseException er) {
        throw Failures.fromEngine("start", name, er, Failures.Missing.CONTAINER_GONE, hint);
      }
      throw Failures.fromIo("start", name, engine.socket(), (IOException) e);
    }
    return id;
  }

  private static final java.util.regex.Pattern HOSTNAME =
      java.util.regex.Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");

  private JsonObject body(ContainerSpec spec, String name, String image) {
    JsonObjectBuilder labels = JsonObject.builder();
    Path root =
        project != null && project.name().equals(spec.project()) ? project.root() : null;
    for (Map.Entry<String, String> e : Labels.forSpec(spec, host, root).entrySet()) {
      labels.put(e.getKey(), e.getValue());
    }
    // Ports need a network, so they turn it on unless the spec says otherwise (which it refuses).
    boolean network = (spec.network() == null && !spec.ports().isEmpty()) || NetworkDefault.of(spec, engine);
    JsonObjectBuilder hostConfig =
        JsonObject.builder()
            .put("Init", true)
            .put("NetworkMode", network ? "bridge" : "none")
            .put("PidsLimit", spec.pidsLimit());
    if (spec.memoryLimit() != null) {
      long bytes = spec.memoryLimit().bytes();
      // Swap equal to memory means "no swap on top": the cap is a real cap.
      hostConfig.put("Memory", bytes).put("MemorySwap", bytes);
    }
    if (spec.cpuPercent() != null) {
      hostConfig.put("NanoCpus", spec.cpuPercent() * 10_000_000L);
    }
    if (!spec.devices().isEmpty()) {
      java.util.List<io.pocketdock.internal.json.JsonValue> devices = new java.util.ArrayList<>();
      for (String d : spec.devices()) {
        DeviceMapping m = DeviceMapping.parse(d);
        devices.add(
            JsonObject.builder()
                .put("PathOnHost", m.host())
                .put("PathInContainer", m.container())
                .put("CgroupPermissions", m.permissions())
                .build());
      }
      hostConfig.put("Devices", new JsonArray(devices));
    }
    JsonObjectBuilder exposed = JsonObject.builder();
    PublishedPorts.apply(spec, hostConfig, exposed);
    JsonObjectBuilder body = JsonObject.builder();
    if (HOSTNAME.matcher(name).matches()) {
      // The sandbox calls itself by its name (not the engine's short id) when that is a valid host name.
      body.put("Hostname", name);
    }
    // Secure defaults (docs/security.md): user, no-new-privileges, capabilities, read-only root.
    HardeningConfig.apply(
        spec.hardening(), engine.info.kind() == EngineInfo.Kind.PODMAN, body, hostConfig);
    return body
        .putIfNotNull("ExposedPorts", spec.ports().isEmpty() ? null : exposed.build())
        .put("Image", image)
        .put("Cmd", JsonArray.ofStrings(spec.command()))
        .put("Labels", labels.build())
        .put("Tty", false)
        .put("OpenStdin", false)
        .put("StopTimeout", STOP_TIMEOUT_SECONDS)
        .put("HostConfig", hostConfig.build())
        .build();
  }
}
