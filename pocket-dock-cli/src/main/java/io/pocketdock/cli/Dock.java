package io.pocketdock.cli;

import io.pocketdock.BuildOptions;
import io.pocketdock.BuildResult;
import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.ContainerSummary;
import io.pocketdock.EngineInfo;
import io.pocketdock.Profile;
import io.pocketdock.PruneOptions;
import io.pocketdock.project.DoctorReport;
import io.pocketdock.project.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The SDK calls the commands make, behind one small interface so command tests can run against a
 * fake instead of an engine. The real one is a thin wrapper over {@link io.pocketdock.PocketDock}.
 */
public interface Dock extends AutoCloseable {

  /** Which engine this is. */
  EngineInfo engine();

  /** Creates and starts a sandbox; it is removed when this dock closes unless {@link #keep} is called. */
  Container create(ContainerSpec spec);

  /**
   * A handle on an existing container, by name or id. Closing the dock leaves it alone.
   *
   * @throws io.pocketdock.ContainerNotFoundException when there is none
   */
  Container attach(String nameOrId);

  /** Leaves a container this dock created running after the dock closes and the JVM exits. */
  void keep(Container container);

  /** The project found at or above the working directory, if any. */
  Optional<Project> project();

  /** Starts a stopped container again; see {@link io.pocketdock.PocketDock#resume}. */
  Container resume(String name);

  /** Stops a container, keeping it; see {@link io.pocketdock.PocketDock#stop}. */
  void stop(String name);

  /** Removes a container and its instance directory; see {@link io.pocketdock.PocketDock#destroy}. */
  void destroy(String name);

  /** Removes stopped containers; see {@link io.pocketdock.PocketDock#prune(PruneOptions)}. */
  int prune(PruneOptions options);

  /**
   * Removes ephemeral sandboxes whose creating process died; see {@link
   * io.pocketdock.PocketDock#reapOrphans()}.
   */
  List<String> reapOrphans();

  /** Managed containers, of one project or ({@code null}) all. */
  List<ContainerSummary> list(@Nullable String project);

  /** Cross-checks a project with the engine; see {@link io.pocketdock.PocketDock#doctor}. */
  DoctorReport doctor(Path projectRoot);

  /** The built-in profiles and the project's; see {@link io.pocketdock.PocketDock#profiles(Path)}. */
  List<Profile> profiles(@Nullable Path projectRoot);

  /** Builds a profile's image; see {@link io.pocketdock.PocketDock#build}. */
  BuildResult build(String profile, BuildOptions options);

  /** Writes images to an archive; see {@link io.pocketdock.PocketDock#exportImages}. */
  long exportImages(List<String> profilesOrImages, Path file, LongConsumer progress);

  /** Loads images from an archive; see {@link io.pocketdock.PocketDock#importImages}. */
  List<String> importImages(Path file, LongConsumer progress);

  /** Releases the connection, removing the ephemeral containers created here and not kept. */
  @Override
  void close();

  /** Opens a {@link Dock}. */
  @FunctionalInterface
  interface Connector {
    /**
     * Connects to the engine at {@code socket}, or discovers one ({@code POCKET_DOCK_SOCKET}
     * first) when it is {@code null}; each engine request is reported to {@code requestLog} when
     * it is not {@code null}.
     */
    Dock connect(@Nullable Path socket, @Nullable Consumer<String> requestLog);
  }
}
