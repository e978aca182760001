package io.pocketdock;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The two timers of a fast-path run: at the timeout the run's process tree is killed (on a worker,
 * as the kill is an exec), and if even that does not end the run within {@link #GRACE}, the caller
 * gives it up so that it is never stuck. Close when the run is over.
 */
final class RunTimeout implements AutoCloseable {
  /** How long past a run's timeout the helper may take to report before the run is given up. */
  static final Duration GRACE = Duration.ofSeconds(10);

  private final AtomicBoolean timedOut = new AtomicBoolean();
  private final ScheduledFuture<?> killTimer;
  private final ScheduledFuture<?> giveUpTimer;

  RunTimeout(EngineContext engine, Duration timeout, Runnable kill, Runnable giveUp) {
    killTimer =
        engine.timers.schedule(
            () -> {
              timedOut.set(true);
              engine.workers.execute(kill);
            },
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    giveUpTimer = engine.timers.schedule(giveUp, timeout.plus(GRACE).toNanos(), TimeUnit.NANOSECONDS);
  }

  boolean timedOut() {
    return timedOut.get();
  }

  @Override
  public void close() {
    killTimer.cancel(false);
    giveUpTimer.cancel(false);
  }
}
