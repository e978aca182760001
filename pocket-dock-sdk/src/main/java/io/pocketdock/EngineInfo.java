package io.pocketdock;

import java.nio.file.Path;

/**
 * Which engine pocket-dock is talking to.
 *
 * @param kind Podman or Docker
 * @param version the engine's own version, e.g. {@code 4.3.1}
 * @param apiVersion the Docker-compatible API version negotiated with it, e.g. {@code 1.41}
 * @param socket the Unix socket it answers on
 * @param source how the socket was found, e.g. {@code POCKET_DOCK_SOCKET} or {@code podman
 *     (system)}
 */
public record EngineInfo(Kind kind, String version, String apiVersion, Path socket, String source) {

  /** The container engines pocket-dock supports. */
  public enum Kind {
    /** Podman, through its Docker-compatible API. */
    PODMAN,
    /** Docker Engine (dockerd). */
    DOCKER;

    /** Lower-case name, as used in labels and test names. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
