package io.pocketdock.internal.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The ordered list of places to look for an engine: an explicit socket, {@code
 * POCKET_DOCK_SOCKET}, the project's configured socket, {@code CONTAINER_HOST}/{@code DOCKER_HOST}
 * when they name a Unix socket, rootless Podman, system Podman, Docker, then the macOS Podman
 * machine and Docker Desktop sockets. The first three are the user's choice: when one is set, only
 * it is tried.
 */
public final class SocketDiscovery {
  private SocketDiscovery() {}

  /**
   * Lists the candidates in order.
   *
   * @param explicit a socket the caller named, or null
   * @param projectSocket the socket in the project's config, or null
   * @param env the process environment (injected for tests)
   * @param home the user's home directory
   */
  public static List<SocketCandidate> candidates(
      @Nullable Path explicit, @Nullable String projectSocket, Map<String, String> env, Path home) {
    if (explicit != null) {
      return List.of(new SocketCandidate(explicit, "explicit socket", true));
    }
    String fromEnv = env.get("POCKET_DOCK_SOCKET");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return List.of(new SocketCandidate(unixPath(fromEnv), "POCKET_DOCK_SOCKET", true));
    }
    if (projectSocket != null && !projectSocket.isBlank()) {
      return List.of(new SocketCandidate(unixPath(projectSocket), "project config", true));
    }
    List<SocketCandidate> list = new ArrayList<>();
    for (String var : List.of("CONTAINER_HOST", "DOCKER_HOST")) {
      unixHost(env.get(var)).ifPresent(p -> list.add(new SocketCandidate(p, var, false)));
    }
    String xdg = env.get("XDG_RUNTIME_DIR");
    if (xdg != null && !xdg.isBlank()) {
      list.add(
          new SocketCandidate(Path.of(xdg, "podman", "podman.sock"), "podman (rootless)", false));
    }
    list.add(new SocketCandidate(Path.of("/run/podman/podman.sock"), "podman (system)", false));
    list.add(new SocketCandidate(Path.of("/var/run/docker.sock"), "docker", false));
    list.add(
        new SocketCandidate(
            home.resolve(".local/share/containers/podman/machine/podman.sock"),
            "podman machine (macOS)",
            false));
    list.add(
        new SocketCandidate(
            home.resolve(".local/share/containers/podman/machine/qemu/podman.sock"),
            "podman machine (macOS, qemu)",
            false));
    list.add(
        new SocketCandidate(home.resolve(".docker/run/docker.sock"), "Docker Desktop", false));
    return List.copyOf(list);
  }

  /** Accepts a plain path or a {@code unix://} URL. */
  static Path unixPath(String value) {
    return value.startsWith("unix://") ? Path.of(value.substring("unix://".length())) : Path.of(value);
  }

  /** A {@code unix://} host URL's path; other schemes (tcp, ssh) are not ours to use. */
  static Optional<Path> unixHost(@Nullable String value) {
    if (value == null || !value.startsWith("unix://") || value.length() <= "unix://".length()) {
      return Optional.empty();
    }
    return Optional.of(Path.of(value.substring("unix://".length())));
  }
}
