package io.pocketdock;

import org.jspecify.annotations.Nullable;

/**
 * What {@link PocketDock#prune(PruneOptions)} may remove. Only stopped pocket-dock containers are
 * ever removed; by default persistent ones are spared (surviving is their purpose).
 *
 * <pre>{@code
 * dock.prune(PruneOptions.defaults().withProject("demo").withIncludePersistent(true));
 * }</pre>
 *
 * @param project only containers of this project, or {@code null} for every project (and none)
 * @param includePersistent whether stopped persistent containers are removed too
 */
public record PruneOptions(@Nullable String project, boolean includePersistent) {

  /** Every project, persistent containers spared. */
  public static PruneOptions defaults() {
    return new PruneOptions(null, false);
  }

  /** Only this project's containers. */
  public PruneOptions withProject(@Nullable String value) {
    return new PruneOptions(value, includePersistent);
  }

  /** Whether persistent containers are removed too. */
  public PruneOptions withIncludePersistent(boolean value) {
    return new PruneOptions(project, value);
  }
}
