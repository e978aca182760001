package io.pocketdock;

/**
 * What a finished command did.
 *
 * @param exitCode the command's own exit code; 124 when it was killed for exceeding its timeout
 *     (as GNU {@code timeout} reports)
 * @param stdout everything it wrote to standard output, up to the run's {@code maxOutput}
 * @param stderr everything it wrote to standard error, up to the run's {@code maxOutput}
 * @param durationMs wall time from start to exit, in milliseconds
 * @param timedOut whether it was killed (with its whole process tree) because it ran too long
 * @param truncated whether output beyond {@code maxOutput} was dropped
 */
public record ExecResult(
    int exitCode,
    String stdout,
    String stderr,
    long durationMs,
    boolean timedOut,
    boolean truncated) {

  /** The exit code reported for a command killed by its timeout. */
  public static final int TIMEOUT_EXIT_CODE = 124;

  /** True when the command exited 0 within its timeout. */
  public boolean ok() {
    return exitCode == 0 && !timedOut;
  }
}
