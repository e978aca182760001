package io.pocketdock.it.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.pocketdock.EngineException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Scenario helpers for engine fault injection: start an operation, let it get in flight, crash the
 * engine, and check the caller gets a typed error within a bound. Each execution mode is one call
 * to {@link #crashDuring}: blocking runs today; streams ({@code box.stream(...)} iterated to the
 * end), detached processes ({@code bg.waitFor()}, {@code bg.read()}), file transfers and session
 * {@code sendAndWait} plug in the same way once those modes are on this branch.
 */
abstract class EngineFaultTestBase {
  /** How long a caller may wait after the engine dies: well under any deadline, well over a hiccup. */
  static final Duration TYPED_ERROR_BOUND = Duration.ofSeconds(20);

  /** How long the operation gets to reach the engine before the crash. */
  static final Duration IN_FLIGHT = Duration.ofMillis(1500);

  /**
   * Runs {@code operation} in the background, kills the engine while it is in flight, and returns
   * the typed error the caller received.
   */
  static EngineException crashDuring(PrivateEngine engine, Supplier<?> operation) throws Exception {
    CompletableFuture<Object> inFlight = CompletableFuture.supplyAsync(operation::get);
    TimeUnit.NANOSECONDS.sleep(IN_FLIGHT.toNanos());
    assertThat(inFlight).as("operation finished before the crash").isNotDone();
    engine.kill();
    return typedErrorOf(inFlight);
  }

  /** The {@link EngineException} {@code future} fails with, within {@link #TYPED_ERROR_BOUND}. */
  static EngineException typedErrorOf(CompletableFuture<?> future) throws InterruptedException {
    long t0 = System.nanoTime();
    try {
      Object result = future.get(TYPED_ERROR_BOUND.toMillis(), TimeUnit.MILLISECONDS);
      return fail("expected an engine error, got a result: " + result);
    } catch (TimeoutException e) {
      return fail("caller still blocked " + TYPED_ERROR_BOUND + " after the engine died (hang)");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(EngineException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(TYPED_ERROR_BOUND);
      return (EngineException) e.getCause();
    }
  }
}
