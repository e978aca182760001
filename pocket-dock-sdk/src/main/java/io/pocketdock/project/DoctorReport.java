package io.pocketdock.project;

import java.util.List;

/**
 * What {@link io.pocketdock.PocketDock#doctor} found when it compared a project's instance
 * directories with the engine's containers.
 *
 * @param project the project's name
 * @param orphanedContainers persistent containers labelled with the project that have no instance
 *     directory (for example after {@code .pocket-dock/} was deleted)
 * @param staleInstanceDirs instance directories whose container no longer exists
 * @param healthy how many persistent containers have a matching instance directory
 */
public record DoctorReport(
    String project, List<String> orphanedContainers, List<String> staleInstanceDirs, int healthy) {

  /** Copies the lists. */
  public DoctorReport {
    orphanedContainers = List.copyOf(orphanedContainers);
    staleInstanceDirs = List.copyOf(staleInstanceDirs);
  }

  /** Whether nothing is orphaned or stale. */
  public boolean ok() {
    return orphanedContainers.isEmpty() && staleInstanceDirs.isEmpty();
  }
}
