package io.pocketdock;

import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonObjectBuilder;
import io.pocketdock.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a spec's ports and volumes onto the create body: {@code HostConfig.PortBindings} plus the
 * matching {@code ExposedPorts} (both engines want both), and {@code HostConfig.Binds}. Both are
 * part of the engine's container, so a stop and a start (resume) bring them back unchanged.
 */
final class PublishedPorts {
  private PublishedPorts() {}

  static void apply(ContainerSpec spec, JsonObjectBuilder hostConfig, JsonObjectBuilder exposed) {
    Map<String, List<JsonValue>> bindings = new LinkedHashMap<>();
    for (PortMapping p : spec.ports()) {
      String key = p.containerPort() + "/" + p.protocol();
      bindings
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(
              JsonObject.builder()
                  .put("HostIp", p.hostIp())
                  .put("HostPort", Integer.toString(p.hostPort()))
                  .build());
    }
    if (!bindings.isEmpty()) {
      JsonObjectBuilder portBindings = JsonObject.builder();
      for (Map.Entry<String, List<JsonValue>> e : bindings.entrySet()) {
        portBindings.put(e.getKey(), new JsonArray(List.copyOf(e.getValue())));
        exposed.put(e.getKey(), JsonObject.empty());
      }
      hostConfig.put("PortBindings", portBindings.build());
    }
    if (!spec.volumes().isEmpty()) {
      List<String> binds = new ArrayList<>();
      for (VolumeMount v : spec.volumes()) {
        binds.add(v.toString());
      }
      hostConfig.put("Binds", JsonArray.ofStrings(binds));
    }
  }
}
