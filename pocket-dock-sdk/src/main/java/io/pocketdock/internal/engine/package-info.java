/**
 * Typed calls to the Docker-compatible engine API that Podman and Docker both serve, engine
 * discovery and API version negotiation. Throws {@link
 * io.pocketdock.internal.engine.EngineResponseException} for refused requests and {@link
 * java.io.IOException} for transport failures; callers in {@code io.pocketdock} map both to public
 * exceptions because only they know the operation and the container.
 */
@NullMarked
package io.pocketdock.internal.engine;

import org.jspecify.annotations.NullMarked;
