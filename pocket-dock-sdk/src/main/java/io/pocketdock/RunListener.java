package io.pocketdock;

import java.time.Instant;

/**
 * Told about every finished blocking run of a container; how project history and logs are kept.
 * Other execution modes (streams, background processes, sessions) can report here too. Must not
 * throw: a failure to record must never fail the run.
 */
@FunctionalInterface
interface RunListener {
  /** A listener that records nothing. */
  RunListener NONE = (command, result, started) -> {};

  /** {@code command} started at {@code started} and finished with {@code result}. */
  void completed(String command, ExecResult result, Instant started);
}
