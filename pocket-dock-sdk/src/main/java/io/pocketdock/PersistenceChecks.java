package io.pocketdock;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The {@link ContainerSpec} rules for volumes, ports and project, kept out of the record. */
final class PersistenceChecks {
  /** Project names: what fits in a label and a directory name. */
  static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  private PersistenceChecks() {}

  static void check(
      @Nullable Boolean network,
      List<VolumeMount> volumes,
      List<PortMapping> ports,
      @Nullable String project) {
    if (!ports.isEmpty() && Boolean.FALSE.equals(network)) {
      throw new InvalidArgumentException(
          "create",
          "published ports need a network, but network(false) was asked for",
          "drop network(false): ports turn the network on");
    }
    Set<String> hostPorts = new HashSet<>();
    for (PortMapping p : ports) {
      if (!hostPorts.add(p.hostPort() + "/" + p.protocol())) {
        throw InvalidArgumentException.of(
            "create", "host port " + p.hostPort() + "/" + p.protocol() + " is published twice");
      }
    }
    Set<String> targets = new HashSet<>();
    for (VolumeMount v : volumes) {
      if (!targets.add(v.container())) {
        throw InvalidArgumentException.of("create", "two volumes mount at " + v.container());
      }
    }
    if (project != null && !PROJECT.matcher(project).matches()) {
      throw InvalidArgumentException.of(
          "create",
          "invalid project name '" + project + "': use letters, digits, '_', '.' and '-'");
    }
  }
}
