package io.pocketdock.internal.http;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A deadline for one exchange, enforced by running an action (closing the connection) when it
 * passes. Closing is the only way to wake a thread blocked in a socket read, which is why the
 * deadline is not simply checked between reads.
 */
final class Deadline {

  private final ScheduledExecutorService scheduler;
  private final Runnable onExpiry;
  private @Nullable ScheduledFuture<?> task;
  private Duration limit = Duration.ZERO;

  /**
   * Identifies the current schedule, so that a superseded task that is already running is a no-op.
   */
  private long generation;

  private volatile boolean expired;

  Deadline(ScheduledExecutorService scheduler, Runnable onExpiry) {
    this.scheduler = scheduler;
    this.onExpiry = onExpiry;
  }

  /** Moves the deadline to {@code timeout} from now; zero or negative removes it. */
  synchronized void reset(Duration timeout) {
    cancel();
    if (expired || timeout.isZero() || timeout.isNegative()) {
      return;
    }
    long scheduled = generation;
    limit = timeout;
    try {
      task = scheduler.schedule(() -> fire(scheduled), timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("the transport is closed", e);
    }
  }

  /** Removes the deadline. */
  synchronized void clear() {
    cancel();
  }

  /** Tells whether the deadline passed and the expiry action ran or is running. */
  boolean expired() {
    return expired;
  }

  /** Describes the limit that expired, e.g. {@code 1.5s}. */
  synchronized String limit() {
    long millis = limit.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    return millis % 1000 == 0 ? millis / 1000 + "s" : String.format("%.1fs", millis / 1000.0);
  }

  private void cancel() {
    generation++;
    ScheduledFuture<?> current = task;
    if (current != null) {
      current.cancel(false);
      task = null;
    }
  }

  private void fire(long scheduled) {
    synchronized (this) {
      if (scheduled != generation) {
        return;
      }
      expired = true;
    }
    onExpiry.run();
  }
}
