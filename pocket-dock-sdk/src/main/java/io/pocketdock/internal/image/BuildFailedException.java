package io.pocketdock.internal.image;

import java.util.List;

/** The engine reported a failed build; carries the step that failed and its last output lines. */
public final class BuildFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The failing step, e.g. {@code RUN false}, or empty when none had started. */
  private final String step;

  /** The failing step's last lines of output. */
  @SuppressWarnings("serial") // an immutable List.copyOf, serializable in practice
  private final List<String> output;

  /** Creates the failure. */
  public BuildFailedException(String message, String step, List<String> output) {
    super(message);
    this.step = step;
    this.output = List.copyOf(output);
  }

  /** The failing step, e.g. {@code RUN false}; empty when none had started. */
  public String step() {
    return step;
  }

  /** The failing step's last lines of output, oldest first. */
  public List<String> output() {
    return output;
  }
}
