package io.pocketdock.cli;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.EngineInfo;
import java.nio.file.Path;
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

  /** Releases the connection, removing the ephemeral containers created here and not kept. */
  @Override
  void close();

  /** Opens a {@link Dock}. */
  @FunctionalInterface
  interface Connector {
    /**
     * Connects to the engine at {@code socket}, or discovers one ({@code POCKET_DOCK_SOCKET}
     * first) when it is {@code null}.
     */
    Dock connect(@Nullable Path socket);
  }
}
