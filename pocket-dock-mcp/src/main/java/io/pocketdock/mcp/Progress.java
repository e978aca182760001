package io.pocketdock.mcp;

import io.pocketdock.BackgroundProcess;
import io.pocketdock.Container;
import io.pocketdock.OutputEvent;
import io.pocketdock.Subscription;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * How process_poll waits: until the process ends, or (unless only the end counts) until it has
 * written something new. Output is noticed through the container's output callbacks, which name
 * the process, so the wait costs no engine calls.
 */
final class Progress {
  /**
   * After the first new output, how long to let a burst finish, so that one poll returns a few
   * lines instead of the first one only.
   */
  static final Duration SETTLE = Duration.ofMillis(300);

  private Progress() {}

  /** Waits up to {@code limit} for progress of {@code t}; returns early once there is some. */
  static void await(ProcessTools.Tracked t, Duration limit, boolean untilExit) {
    if (limit.isZero()) {
      return;
    }
    BackgroundProcess p = t.process();
    CompletableFuture<?> ended = p.onExit();
    if (untilExit) {
      waitOn(ended, limit);
      return;
    }
    CompletableFuture<Object> progress = new CompletableFuture<>();
    ended.whenComplete((r, e) -> progress.complete(true));
    Container box = t.sandbox().container();
    Consumer<OutputEvent> seen =
        e -> {
          if (e.processId().equals(p.id())) {
            progress.complete(true);
          }
        };
    Subscription out = box.onStdout(seen);
    Subscription err = box.onStderr(seen);
    try {
      // Output that arrived before the callbacks were registered is already in the buffer.
      if (!p.peek().isEmpty()) {
        progress.complete(true);
      }
      waitOn(progress, limit);
    } finally {
      out.close();
      err.close();
    }
    if (!ended.isDone()) {
      waitOn(ended, SETTLE);
    }
  }

  private static void waitOn(CompletableFuture<?> f, Duration limit) {
    try {
      f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Timed out: answer with what there is. Failed: the poll's own calls report it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
