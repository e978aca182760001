package io.pocketdock.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that background work makes true. */
final class Poll {
  private Poll() {}

  /** Polls every 50 ms until {@code condition} holds; fails after {@code limit}. */
  static void until(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      Thread.sleep(50);
    }
  }
}
