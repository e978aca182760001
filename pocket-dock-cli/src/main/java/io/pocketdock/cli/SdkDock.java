package io.pocketdock.cli;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.EngineInfo;
import io.pocketdock.PocketDock;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The {@link Dock} the CLI really uses: one {@link PocketDock} per command. */
final class SdkDock implements Dock {
  private final PocketDock dock;

  private SdkDock(PocketDock dock) {
    this.dock = dock;
  }

  /** Only names the socket when the user did; otherwise the SDK's discovery (env var first) runs. */
  static Dock connect(@Nullable Path socket) {
    return new SdkDock(socket == null ? PocketDock.connect() : PocketDock.builder().socket(socket).build());
  }

  @Override
  public EngineInfo engine() {
    return dock.engine();
  }

  @Override
  public Container create(ContainerSpec spec) {
    return dock.create(spec);
  }

  @Override
  public Container attach(String nameOrId) {
    return dock.attach(nameOrId);
  }

  @Override
  public void keep(Container container) {
    container.detach();
  }

  @Override
  public void close() {
    dock.close();
  }
}
