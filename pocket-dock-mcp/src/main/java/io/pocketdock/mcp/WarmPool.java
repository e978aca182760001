package io.pocketdock.mcp;

import io.pocketdock.Container;
import io.pocketdock.ContainerPool;
import io.pocketdock.ContainerSpec;
import io.pocketdock.EmptyPolicy;
import io.pocketdock.InvalidArgumentException;
import io.pocketdock.PocketDock;
import org.jspecify.annotations.Nullable;

/**
 * The sandboxes the server keeps created and started for {@code sandbox_create} with default
 * settings ({@code --warm N}). An agent session idles between calls, so the SDK's {@link
 * ContainerPool} has time to warm a replacement after each one it hands out. Only the spec the pool
 * was made for comes from it: a model asking for anything else gets a sandbox created on the spot.
 * Started once the engine is connected; {@link #close()} removes every sandbox it still holds.
 */
final class WarmPool implements AutoCloseable {
  private final int size;
  private final ContainerSpec spec;
  private @Nullable ContainerPool pool; // guarded by this
  private boolean closed; // guarded by this

  /**
   * @param size how many sandboxes to keep ready; 0 keeps none
   * @param spec the spec of a {@code sandbox_create} without arguments, labels and volumes included
   */
  WarmPool(int size, ContainerSpec spec) {
    this.size = size;
    this.spec = spec;
  }

  /** Starts warming on {@code dock}, once; later calls (and calls after {@link #close()}) do nothing. */
  synchronized void start(PocketDock dock) {
    if (size == 0 || closed || pool != null) {
      return;
    }
    // Never waits: with none ready, acquire() creates one on the spot, as without a pool.
    pool = ContainerPool.builder(dock).size(size).spec(spec).whenEmpty(EmptyPolicy.createCold()).build();
  }

  /** Whether a sandbox for {@code wanted} may come from this pool: it is exactly the pool's spec. */
  boolean serves(ContainerSpec wanted) {
    return size > 0 && spec.equals(wanted);
  }

  /**
   * A sandbox for {@code wanted}: a warm one when one is ready, else one created now from the same
   * spec; {@code null} when {@code wanted} is not the pool's spec or the pool is not running.
   */
  @Nullable Container take(ContainerSpec wanted) {
    ContainerPool p;
    synchronized (this) {
      p = pool;
    }
    if (p == null || !serves(wanted)) {
      return null;
    }
    return p.acquire();
  }

  /**
   * Ends a sandbox {@link #take} handed out: it is removed, and the pool forgets it. A pool closed
   * meanwhile has removed it already.
   */
  void release(Container container) {
    ContainerPool p;
    synchronized (this) {
      p = pool;
    }
    if (p != null) {
      try {
        p.release(container);
        return;
      } catch (InvalidArgumentException closedMeanwhile) {
        // No longer the pool's: shutting it down below is all that is left (a no-op if removed).
      }
    }
    container.shutdown();
  }

  /** Removes the ready sandboxes (and any still being created); no more start. Idempotent. */
  @Override
  public void close() {
    ContainerPool p;
    synchronized (this) {
      closed = true;
      p = pool;
    }
    if (p != null) {
      p.close();
    }
  }
}
