package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The pool's engine-side chores: which ready sandboxes stopped, and removing many at once. */
final class PoolHealth {
  private final EngineContext engine;

  PoolHealth(EngineContext engine) {
    this.engine = engine;
  }

  /** The sandboxes of {@code boxes} that are no longer running (or no longer exist). */
  List<EngineContainer> stopped(List<EngineContainer> boxes) {
    List<EngineContainer> out = new ArrayList<>();
    for (EngineContainer box : boxes) {
      try {
        if (!engine.client.inspectContainer(box.id()).object("State").bool("Running", false)) {
          out.add(box);
        }
      } catch (EngineResponseException e) {
        if (e.status() == 404) {
          out.add(box);
        }
      } catch (IOException | RuntimeException e) {
        // Unknown: keep it; the next check (or its user) will see.
      }
    }
    return out;
  }

  /** Removes the sandboxes in parallel, waiting a bounded time. */
  static void removeAll(EngineContext engine, List<EngineContainer> boxes) {
    CountDownLatch done = new CountDownLatch(boxes.size());
    for (EngineContainer box : boxes) {
      Runnable remove =
          () -> {
            try {
              box.removeQuietly();
            } finally {
              done.countDown();
            }
          };
      try {
        engine.workers.execute(remove);
      } catch (RuntimeException rejected) {
        remove.run(); // the dock is closing: remove on this thread
      }
    }
    try {
      done.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
