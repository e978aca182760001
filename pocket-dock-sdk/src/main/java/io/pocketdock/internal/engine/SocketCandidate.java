package io.pocketdock.internal.engine;

import java.nio.file.Path;

/**
 * A place an engine socket may be.
 *
 * @param path the socket path
 * @param source where the path came from, e.g. {@code POCKET_DOCK_SOCKET}
 * @param pinned whether the user chose it (then it is the only one tried: silently falling back to
 *     another engine would surprise them)
 */
public record SocketCandidate(Path path, String source, boolean pinned) {}
