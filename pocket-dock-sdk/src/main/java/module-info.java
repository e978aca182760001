/**
 * The pocket-dock SDK: local sandboxes on Podman or Docker, with no runtime dependencies. Only
 * {@code io.pocketdock} is API; everything under {@code io.pocketdock.internal} may change.
 */
module io.pocketdock {
  requires static transitive org.jspecify;

  exports io.pocketdock;
  exports io.pocketdock.project;
}
