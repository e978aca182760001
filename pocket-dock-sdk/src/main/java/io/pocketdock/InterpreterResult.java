package io.pocketdock;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link Interpreter} cell did.
 *
 * @param stdout what the cell (and any process it started) wrote to standard output
 * @param stderr what it wrote to standard error (warnings, subprocess errors); the exception of a
 *     failed cell is in {@code error}, not here
 * @param value {@code repr()} of the cell's last expression, or {@code null} when the cell did not
 *     end with an expression or it was {@code None}
 * @param error what went wrong, or {@code null} when the cell ran to its end
 * @param artifacts files the cell created or changed in the working directory, and figures it drew
 * @param durationMs wall time of the cell, in milliseconds
 * @param timedOut whether the cell was interrupted because it ran past its timeout
 * @param truncated whether output beyond the interpreter's per-stream limit was dropped
 */
public record InterpreterResult(
    String stdout,
    String stderr,
    @Nullable String value,
    @Nullable Error error,
    List<Artifact> artifacts,
    long durationMs,
    boolean timedOut,
    boolean truncated) {

  /** The {@link Error#type()} of a cell during which the interpreter process died. */
  public static final String CRASHED = "InterpreterCrashed";

  /** Copies the artifact list. */
  public InterpreterResult {
    artifacts = List.copyOf(artifacts);
  }

  /** True when the cell ran to its end without an exception or a timeout. */
  public boolean ok() {
    return error == null && !timedOut;
  }

  /**
   * An exception raised by a cell, or the interpreter's own failure.
   *
   * @param type the exception's class name, e.g. {@code ZeroDivisionError}, {@code SyntaxError}, or
   *     {@link #CRASHED} when the interpreter process died (its state was lost and the next cell
   *     starts a fresh one)
   * @param message the exception's message
   * @param traceback the formatted traceback, starting at the cell (the driver's frames removed)
   */
  @SuppressWarnings("AvoidCommonTypeNames") // always written InterpreterResult.Error; public API
  public record Error(String type, String message, String traceback) {}
}
