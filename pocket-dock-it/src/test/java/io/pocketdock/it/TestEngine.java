package io.pocketdock.it;

import io.pocketdock.ContainerSpec;
import io.pocketdock.EngineInfo;
import io.pocketdock.PocketDock;
import java.nio.file.Path;
import java.util.Map;

/**
 * One engine under test: a connected {@link PocketDock} and the label every test container
 * carries, so the sweeper can find leftovers.
 *
 * @param kind the engine
 * @param socket its socket
 * @param dock connected to it for this test; closed after the test
 */
public record TestEngine(EngineInfo.Kind kind, Path socket, PocketDock dock) {
  /** The label on every container the tests create. */
  public static final String RUN_LABEL = "io.pocketdock.test-run";

  /** One id per test JVM, so parallel runs on one machine never sweep each other's containers. */
  public static final String RUN_ID = java.util.UUID.randomUUID().toString();

  /** A spec builder for the pinned test image, labelled for the sweeper. */
  public ContainerSpec.Builder spec() {
    return ContainerSpec.builder().image(TestImages.MINIMAL).labels(Map.of(RUN_LABEL, RUN_ID));
  }

  /** The engine's socket path for a kind; overridable with {@code -Dpocketdock.socket.<kind>}. */
  static Path socketOf(EngineInfo.Kind kind) {
    String def =
        kind == EngineInfo.Kind.PODMAN ? "/run/podman/podman.sock" : "/var/run/docker.sock";
    return Path.of(System.getProperty("pocketdock.socket." + kind.id(), def));
  }
}
