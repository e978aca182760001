package io.pocketdock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A warm pool: keeps {@code size} sandboxes created and started in the background, so that {@link
 * #acquire()} hands one out in microseconds instead of the engine's create + start.
 *
 * <pre>{@code
 * try (PocketDock dock = PocketDock.connect();
 *     ContainerPool pool = dock.pool(4, ContainerSpec.builder().memoryLimit("256m").build())) {
 *   Container box = pool.acquire();
 *   try {
 *     box.run("python3 -c 'print(42)'");
 *   } finally {
 *     pool.release(box); // removed; a fresh one is already warming up
 *   }
 * }
 * }</pre>
 *
 * <p><b>Every sandbox is used once.</b> Taking one starts its replacement at once; releasing (or
 * closing) it removes it. A sandbox is never handed to a second user: files, processes and
 * environment left by one user can only be cleaned reliably by recreating the container, which
 * costs the same as creating a fresh one, so there is no max-uses setting.
 *
 * <p>The pool never holds more than {@code size} sandboxes that are ready or being created (handed
 * out ones are the caller's). A background check every few seconds removes ready sandboxes that
 * stopped (killed from outside) and replaces them; creation failures (a missing image) are retried
 * with a growing pause, and {@link #acquire()} reports the last one. Thread-safe.
 */
public final class ContainerPool implements AutoCloseable {
  private static final Duration HEALTH_PERIOD = Duration.ofSeconds(5);

  private final PocketDock dock;
  private final EngineContext engine;
  private final ContainerSpec spec;
  private final int size;
  private final EmptyPolicy whenEmpty;
  private final PoolHealth health;
  private final LinkedBlockingDeque<EngineContainer> ready = new LinkedBlockingDeque<>();
  private final Set<EngineContainer> handedOut = ConcurrentHashMap.newKeySet();
  private final ScheduledFuture<?> healthTask;
  private int creating; // guarded by this
  private int failuresInRow; // guarded by this
  private long pausedUntilNanos; // guarded by this
  private volatile @Nullable RuntimeException lastFailure;
  private volatile boolean closed;

  private ContainerPool(Builder b) {
    this.dock = b.dock;
    this.engine = b.dock.context();
    this.spec = b.spec;
    this.size = b.size;
    this.whenEmpty = b.whenEmpty;
    this.health = new PoolHealth(engine);
    long period = HEALTH_PERIOD.toMillis();
    this.healthTask =
        engine.timers.scheduleWithFixedDelay(
            () -> engine.workers.execute(this::checkHealth), period, period, TimeUnit.MILLISECONDS);
    refill();
  }

  /** A builder for a pool on {@code dock}; defaults: size 2, the default spec, create cold when empty. */
  public static Builder builder(PocketDock dock) {
    return new Builder(dock);
  }

  /**
   * Hands out a warm sandbox at once, and starts creating its replacement. When none is ready,
   * follows the pool's {@link EmptyPolicy}.
   *
   * @throws PoolExhaustedException when none is ready and the policy is fail-fast, or the wait
   *     deadline passes
   * @throws InvalidArgumentException when the pool is closed
   */
  public Container acquire() {
    ensureOpen();
    EngineContainer box = takeReady();
    if (box != null) {
      return handOut(box);
    }
    refill();
    if (whenEmpty instanceof EmptyPolicy.FailFast) {
      throw new PoolExhaustedException(state(), lastFailure);
    }
    if (whenEmpty instanceof EmptyPolicy.Wait w) {
      return handOut(awaitReady(w.deadline()));
    }
    return handOut((EngineContainer) dock.create(spec));
  }

  /**
   * Gives a sandbox back: it is removed (never reused), and the pool makes sure a fresh one is
   * warming. Same as closing the container.
   *
   * @throws InvalidArgumentException when the sandbox did not come from this pool
   */
  public void release(Container container) {
    if (!(container instanceof EngineContainer c) || !handedOut.remove(c)) {
      throw InvalidArgumentException.of("release", container + " was not handed out by this pool");
    }
    c.close();
    refill();
  }

  /** How many sandboxes are warm and ready right now. */
  public int ready() {
    return ready.size();
  }

  /** The most sandboxes kept ready or being created. */
  public int size() {
    return size;
  }

  /**
   * Removes every sandbox of the pool: the ready ones, those handed out and not yet released, and
   * those being created (it waits for them). Idempotent.
   */
  @Override
  public void close() {
    List<EngineContainer> all;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      all = new ArrayList<>(ready);
      ready.clear();
    }
    healthTask.cancel(false);
    all.addAll(handedOut);
    handedOut.clear();
    PoolHealth.removeAll(engine, all);
    awaitCreations();
  }

  /** Waits (bounded) for creations in flight; each removes its sandbox since the pool is closed. */
  private synchronized void awaitCreations() {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try {
      while (creating > 0) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private @Nullable EngineContainer takeReady() {
    EngineContainer box = ready.pollFirst();
    if (box != null) {
      refill();
    }
    return box;
  }

  private EngineContainer awaitReady(Duration deadline) {
    long end = System.nanoTime() + deadline.toNanos();
    try {
      while (true) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new PoolExhaustedException("waited " + deadline.toMillis() + " ms; " + state(), lastFailure);
        }
        // Short slices, so that a pool closed meanwhile is noticed.
        EngineContainer box = ready.pollFirst(Math.min(left, 50_000_000L), TimeUnit.NANOSECONDS);
        ensureOpen();
        if (box != null) {
          refill();
          return box;
        }
      }
    } catch (InterruptedException e) {
      throw Failures.interrupted("acquire", null, e);
    }
  }

  private Container handOut(EngineContainer box) {
    handedOut.add(box);
    if (closed && handedOut.remove(box)) {
      box.removeQuietly();
      ensureOpen();
    }
    return box;
  }

  /** Starts creations until ready + being created reaches the size. */
  private synchronized void refill() {
    if (closed || System.nanoTime() < pausedUntilNanos) {
      return;
    }
    while (ready.size() + creating < size) {
      creating++;
      try {
        engine.workers.execute(this::createOne);
      } catch (RuntimeException rejected) {
        creating--; // the dock is closing: nothing more to create
        return;
      }
    }
  }

  private void createOne() {
    EngineContainer box;
    try {
      box = (EngineContainer) dock.create(spec);
    } catch (RuntimeException e) {
      failed(e);
      return;
    }
    box.warmUp(); // best effort: starts the fast exec helper, so the first run is fast too
    synchronized (this) {
      if (!closed) {
        ready.offerLast(box);
        failuresInRow = 0;
        creationEnded();
        return;
      }
    }
    // Closed meanwhile: remove it before counting it done, so close() returns with nothing left.
    box.removeQuietly();
    synchronized (this) {
      creationEnded();
    }
  }

  /** Guarded by this: one creation fewer in flight; wakes {@link #close()} waiting for none. */
  private void creationEnded() {
    creating--;
    notifyAll();
  }

  private void failed(RuntimeException e) {
    lastFailure = e;
    long pauseMs;
    synchronized (this) {
      creationEnded();
      failuresInRow++;
      pauseMs = Math.min(5_000L, 100L << Math.min(failuresInRow, 6));
      pausedUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMs);
    }
    if (!closed) {
      try {
        @SuppressWarnings("FutureReturnValueIgnored") // refill() handles its own failures
        var unused = engine.timers.schedule(this::refill, pauseMs, TimeUnit.MILLISECONDS);
      } catch (RuntimeException rejected) {
        // The dock is closing; the pool has nothing left to do.
      }
    }
  }

  private void checkHealth() {
    for (EngineContainer box : health.stopped(new ArrayList<>(ready))) {
      if (ready.remove(box)) {
        box.removeQuietly();
      }
    }
    refill();
  }

  private String state() {
    RuntimeException failure = lastFailure;
    synchronized (this) {
      return "0 of "
          + size
          + " ready, "
          + creating
          + " being created"
          + (failure == null ? "" : "; last creation failed: " + failure.getMessage());
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw InvalidArgumentException.of("acquire", "this pool is closed");
    }
  }

  /** Configures a {@link ContainerPool}. */
  public static final class Builder {
    private final PocketDock dock;
    private ContainerSpec spec = ContainerSpec.builder().build();
    private int size = 2;
    private EmptyPolicy whenEmpty = EmptyPolicy.createCold();

    Builder(PocketDock dock) {
      this.dock = dock;
    }

    /** The spec every sandbox is created from; it must not name the container or persist it. */
    public Builder spec(ContainerSpec value) {
      spec = value;
      return this;
    }

    /** How many sandboxes to keep warm (1 to 256). */
    public Builder size(int value) {
      size = value;
      return this;
    }

    /** What {@link #acquire()} does when none is ready; default {@link EmptyPolicy#createCold()}. */
    public Builder whenEmpty(EmptyPolicy value) {
      whenEmpty = value;
      return this;
    }

    /**
     * Validates, and starts warming the pool in the background.
     *
     * @throws InvalidArgumentException when the size is out of range, the spec names its container
     *     or is persistent, or the dock is closed
     */
    public ContainerPool build() {
      if (size < 1 || size > 256) {
        throw InvalidArgumentException.of("pool", "size must be between 1 and 256, got " + size);
      }
      if (spec.name() != null) {
        throw InvalidArgumentException.of(
            "pool", "a pool's spec must not name the container (each sandbox gets its own name)");
      }
      if (spec.persist()) {
        throw InvalidArgumentException.of(
            "pool", "a pool's sandboxes are ephemeral; the spec must not be persistent");
      }
      if (dock.isClosed()) {
        throw InvalidArgumentException.of("pool", "this PocketDock is closed");
      }
      return new ContainerPool(this);
    }
  }
}
