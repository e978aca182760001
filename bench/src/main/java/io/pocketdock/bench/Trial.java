package io.pocketdock.bench;

/** One timed repetition of a job: does its own untimed setup and cleanup, returns the timed part. */
@FunctionalInterface
interface Trial {
  /** Runs once and returns the nanoseconds of the part being measured. */
  long runNanos() throws Exception;

  /** Times {@code body} alone. */
  static long time(Body body) throws Exception {
    long t0 = System.nanoTime();
    body.run();
    return System.nanoTime() - t0;
  }

  /** Code whose duration is measured. */
  @FunctionalInterface
  interface Body {
    void run() throws Exception;
  }
}
