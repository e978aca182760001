package io.pocketdock.internal.engine;

import java.nio.file.Path;

/**
 * A socket that answered {@code /_ping} as a container engine, with what the answer said.
 *
 * @param socket the Unix socket path
 * @param source how it was found (for messages and {@code doctor})
 * @param podman whether the engine is Podman (its ping carries {@code Libpod-Api-Version})
 * @param version the engine's version from its {@code Server} header, or {@code unknown}
 * @param apiVersion the negotiated Docker-compatible API version
 */
public record EngineEndpoint(
    Path socket, String source, boolean podman, String version, String apiVersion) {}
