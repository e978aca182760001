package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonObjectBuilder;
import java.io.IOException;
import java.util.Map;

/**
 * Creates and starts the engine container for a spec, and leaves nothing behind when either step
 * fails. The container always gets an init process as PID 1 (so a stop takes milliseconds, not the
 * engine's 10-second grace), no-new-privileges, a pids limit, and no network unless asked.
 */
final class Provisioner {
  /** Seconds an engine-initiated stop waits before SIGKILL; init makes the real wait ~0. */
  static final int STOP_TIMEOUT_SECONDS = 3;

  private final EngineContext engine;
  private final String host;

  Provisioner(EngineContext engine, String host) {
    this.engine = engine;
    this.host = host;
  }

  /** Creates and starts; returns the new container's id. */
  String provision(ContainerSpec spec, String name) {
    String image = spec.imageReference();
    String hint =
        spec.image() == null
            ? "build it: `pocket-dock build " + spec.profile() + "` (or scripts/setup-engines)"
            : "pull, build or import the image " + image + " first";
    String id;
    try {
      id = engine.client.createContainer(name, body(spec, image));
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

  private JsonObject body(ContainerSpec spec, String image) {
    JsonObjectBuilder labels = JsonObject.builder();
    for (Map.Entry<String, String> e : Labels.forSpec(spec, host).entrySet()) {
      labels.put(e.getKey(), e.getValue());
    }
    boolean network = spec.network() != null && spec.network();
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
    JsonObjectBuilder body = JsonObject.builder();
    // Secure defaults (docs/security.md): user, no-new-privileges, capabilities, read-only root.
    HardeningConfig.apply(
        spec.hardening(), engine.info.kind() == EngineInfo.Kind.PODMAN, body, hostConfig);
    return body
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
