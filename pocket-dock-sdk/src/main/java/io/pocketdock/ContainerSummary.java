package io.pocketdock;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One managed container as {@link PocketDock#list()} sees it: a cheap listing entry, not a live
 * {@link ContainerInfo}.
 *
 * @param id the engine's container id
 * @param name the container name
 * @param status the engine's state: {@code running}, {@code exited}, {@code created}, ...
 * @param image the image reference it was created from
 * @param created when it was created
 * @param persist whether it is persistent (survives {@code shutdown()})
 * @param project the project it belongs to, or {@code null}
 */
public record ContainerSummary(
    String id,
    String name,
    String status,
    String image,
    Instant created,
    boolean persist,
    @Nullable String project) {

  /** Whether the container is running. */
  public boolean running() {
    return status.equals("running");
  }
}
