package io.pocketdock.mcp;

import io.pocketdock.PocketDock;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Connects to the engine on first use, and again on the next use if that failed: a server started
 * before the engine still works once the engine is up, and until then each tool call answers with
 * the engine error and its hint instead of the server failing to start.
 */
final class LazyDock implements Supplier<PocketDock>, AutoCloseable {
  private final @Nullable Path socket;
  private @Nullable PocketDock dock;

  LazyDock(@Nullable Path socket) {
    this.socket = socket;
  }

  @Override
  public synchronized PocketDock get() {
    if (dock == null) {
      dock = PocketDock.builder().socket(socket).build();
    }
    return dock;
  }

  @Override
  public synchronized void close() {
    if (dock != null) {
      dock.close();
      dock = null;
    }
  }
}
