package io.pocketdock;

import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonObjectBuilder;
import io.pocketdock.internal.json.JsonString;
import io.pocketdock.internal.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Translates {@link Hardening} into the engine's create body, and the engine's inspect output back
 * into {@link Protections} and {@link Hardening}. Both engines accept the same fields; they differ
 * only in the tmpfs option that hands {@code /home/sandbox} to the sandbox user.
 */
final class HardeningConfig {
  static final String NO_NEW_PRIVILEGES = "no-new-privileges";

  /**
   * Docker's default capability set. Podman's compat API reports {@code CapDrop}/{@code CapAdd}
   * relative to this same list (measured on Podman 4.3), so one list reads both engines.
   */
  static final List<String> ENGINE_DEFAULT_CAPABILITIES =
      List.of(
          "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
          "NET_BIND_SERVICE", "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

  /** The uid and gid of {@code sandbox} in every profile image. */
  private static final String SANDBOX_IDS = "uid=1000,gid=1000";

  private HardeningConfig() {}

  /** Adds the user to {@code body} and the protections to {@code hostConfig}. */
  static void apply(
      Hardening h, boolean podman, JsonObjectBuilder body, JsonObjectBuilder hostConfig) {
    body.putIfNotNull("User", h.user());
    if (h.noNewPrivileges()) {
      hostConfig.put("SecurityOpt", JsonArray.ofStrings(List.of(NO_NEW_PRIVILEGES)));
    }
    if (h.dropAllCapabilities()) {
      hostConfig.put("CapDrop", JsonArray.ofStrings(List.of("ALL")));
      hostConfig.put("CapAdd", JsonArray.ofStrings(h.capabilities()));
    }
    if (h.readOnlyRootfs()) {
      // Podman 4.3 refuses uid=/gid= on tmpfs; its "U" chowns the mount to the container's user.
      String home = "rw,nosuid,nodev,mode=0755," + (podman ? "U" : SANDBOX_IDS);
      hostConfig
          .put("ReadonlyRootfs", true)
          .put(
              "Tmpfs",
              JsonObject.builder()
                  .put("/tmp", "rw,nosuid,nodev,mode=1777")
                  .put("/home/sandbox", home)
                  .build());
    }
  }

  /** The protections in force, from a container's inspect output. */
  static Protections protections(JsonObject inspect) {
    JsonObject host = inspect.object("HostConfig");
    String user = inspect.object("Config").string("User", "");
    List<String> drop = strings(host, "CapDrop");
    List<String> add = strings(host, "CapAdd");
    List<String> options = strings(host, "SecurityOpt");
    boolean nnp = options.stream().anyMatch(o -> o.startsWith(NO_NEW_PRIVILEGES)
        && !o.endsWith("=false") && !o.endsWith(":false"));
    return new Protections(
        user.isEmpty() ? "root" : user,
        nnp,
        bounding(drop, add, host.bool("Privileged", false)),
        drop,
        add,
        host.bool("ReadonlyRootfs", false),
        Math.max(0, host.longValue("PidsLimit", 0)),
        host.string("NetworkMode", ""),
        host.longValue("Memory", 0),
        options);
  }

  /** The spec-side settings, read back for {@link PocketDock#attach(String)}. */
  static Hardening hardening(JsonObject inspect) {
    Protections p = protections(inspect);
    // Podman reports a drop of ALL as the list of defaults it removed, so compare the outcome.
    boolean dropAll = !p.capabilities().equals(ENGINE_DEFAULT_CAPABILITIES);
    String user = inspect.object("Config").string("User", "");
    return new Hardening(
        user.isEmpty() ? null : user,
        p.noNewPrivileges(),
        dropAll,
        dropAll ? p.capabilities() : List.of(),
        p.readOnlyRootfs());
  }

  private static List<String> bounding(List<String> drop, List<String> add, boolean privileged) {
    TreeSet<String> caps = new TreeSet<>();
    if (privileged) {
      caps.add("ALL");
      return List.copyOf(caps);
    }
    if (!drop.contains("ALL")) {
      caps.addAll(ENGINE_DEFAULT_CAPABILITIES);
      caps.removeAll(drop);
    }
    caps.addAll(add);
    caps.remove("ALL");
    return List.copyOf(caps);
  }

  private static List<String> strings(JsonObject o, String key) {
    List<String> out = new ArrayList<>();
    if (o.members().get(key) instanceof JsonArray a) {
      for (JsonValue v : a.values()) {
        if (v instanceof JsonString s) {
          String name = s.value().toUpperCase(Locale.ROOT);
          out.add(key.startsWith("Cap") && name.startsWith("CAP_") ? name.substring(4) : s.value());
        }
      }
    }
    return out;
  }
}
