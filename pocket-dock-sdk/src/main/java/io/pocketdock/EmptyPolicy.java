package io.pocketdock;

import java.time.Duration;

/**
 * What {@link ContainerPool#acquire()} does when no warm sandbox is ready.
 *
 * <pre>{@code
 * ContainerPool pool = ContainerPool.builder(dock)
 *     .size(4)
 *     .whenEmpty(EmptyPolicy.waitUpTo(Duration.ofSeconds(10)))
 *     .build();
 * }</pre>
 */
public sealed interface EmptyPolicy
    permits EmptyPolicy.Wait, EmptyPolicy.FailFast, EmptyPolicy.CreateCold {

  /** Waits up to {@code deadline} for the pool to refill, then fails with {@link PoolExhaustedException}. */
  static EmptyPolicy waitUpTo(Duration deadline) {
    return new Wait(deadline);
  }

  /** Fails at once with {@link PoolExhaustedException}. */
  static EmptyPolicy failFast() {
    return new FailFast();
  }

  /** Creates a sandbox on the spot (as slow as {@link PocketDock#create(ContainerSpec)}); the default. */
  static EmptyPolicy createCold() {
    return new CreateCold();
  }

  /**
   * Wait for a warm sandbox.
   *
   * @param deadline how long to wait at most; positive
   */
  record Wait(Duration deadline) implements EmptyPolicy {
    /** Validates the deadline. */
    public Wait {
      if (deadline.isNegative() || deadline.isZero()) {
        throw InvalidArgumentException.of("pool", "the wait deadline must be positive, got " + deadline);
      }
    }
  }

  /** Fail at once. */
  record FailFast() implements EmptyPolicy {}

  /** Create a sandbox on the spot. */
  record CreateCold() implements EmptyPolicy {}
}
