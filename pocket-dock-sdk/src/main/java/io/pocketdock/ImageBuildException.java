package io.pocketdock;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Building a profile's image failed: a Dockerfile step failed (its instruction and last lines of
 * output are here), the base image could not be made, or the build was cancelled.
 *
 * <pre>{@code
 * try {
 *   dock.build("dev", BuildOptions.defaults());
 * } catch (ImageBuildException e) {
 *   System.err.println("failed at " + e.failedStep() + ":\n" + String.join("\n", e.output()));
 * }
 * }</pre>
 */
public final class ImageBuildException extends PocketDockException {
  private static final long serialVersionUID = 1L;

  private final String profile;
  private final String failedStep;

  @SuppressWarnings("serial") // an immutable List.copyOf
  private final List<String> output;

  private final boolean cancelled;

  ImageBuildException(
      String operation,
      String profile,
      String message,
      String failedStep,
      List<String> output,
      boolean cancelled,
      @Nullable String hint,
      @Nullable Throwable cause) {
    super(
        operation,
        profile,
        failedStep.isEmpty() ? message : message + " (at step: " + failedStep + ")",
        hint,
        cause);
    this.profile = profile;
    this.failedStep = failedStep;
    this.output = List.copyOf(output);
    this.cancelled = cancelled;
  }

  /** The profile (or image) being built. */
  public String profile() {
    return profile;
  }

  /** The Dockerfile instruction that failed, e.g. {@code RUN make}; empty if none had started. */
  public String failedStep() {
    return failedStep;
  }

  /** The failing step's last lines of output (up to 40), oldest first. */
  public List<String> output() {
    return output;
  }

  /** Whether the build stopped because it was cancelled (the calling thread was interrupted). */
  public boolean cancelled() {
    return cancelled;
  }
}
