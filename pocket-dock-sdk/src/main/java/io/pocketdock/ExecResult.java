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
 * @param oomKilled whether the kernel's OOM killer ended it because the sandbox hit its memory cap
 *     (the exit code is then 137); see {@link OomProbe} for how this is told apart from a plain
 *     SIGKILL
 */
public record ExecResult(
    int exitCode,
    String stdout,
    String stderr,
    long durationMs,
    boolean timedOut,
    boolean truncated,
    boolean oomKilled) {

  /** The exit code reported for a command killed by its timeout. */
  public static final int TIMEOUT_EXIT_CODE = 124;

  /** The exit code of a process ended by SIGKILL (128 + 9), as the OOM killer does. */
  public static final int SIGKILL_EXIT_CODE = 137;

  /** A result that was not OOM-killed (every execution mode builds these; the flag is set after). */
  public ExecResult(
      int exitCode, String stdout, String stderr, long durationMs, boolean timedOut, boolean truncated) {
    this(exitCode, stdout, stderr, durationMs, timedOut, truncated, false);
  }

  /** This result, flagged as ended by the OOM killer. */
  public ExecResult withOomKilled() {
    return new ExecResult(exitCode, stdout, stderr, durationMs, timedOut, truncated, true);
  }

  /** True when the command exited 0 within its timeout. */
  public boolean ok() {
    return exitCode == 0 && !timedOut;
  }
}
