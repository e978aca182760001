/**
 * pocket-dock: local, offline-first Linux sandboxes on Podman or Docker.
 *
 * <p>Everything starts from {@link io.pocketdock.PocketDock}.
 */
@NullMarked
package io.pocketdock;

import org.jspecify.annotations.NullMarked;
