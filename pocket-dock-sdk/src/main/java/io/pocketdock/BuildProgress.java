package io.pocketdock;

/**
 * One line of a build's progress, as it happens.
 *
 * @param profile the profile being built
 * @param phase what the line is
 * @param step the current step, from 1 (0 before the first step and while making the base)
 * @param totalSteps the steps in the current stage (0 when not known yet)
 * @param line the text: the step's instruction for {@link Phase#STEP}, else a line of output
 */
public record BuildProgress(String profile, Phase phase, int step, int totalSteps, String line) {

  /** What a progress line is about. */
  public enum Phase {
    /** The base image is missing and is being made (offline: mmdebstrap and an import). */
    BASE,
    /** A Dockerfile step begins; {@code line} is its instruction. */
    STEP,
    /** Output of the current step, or the engine's remarks. */
    OUTPUT
  }

  /** Renders as {@code [3/7] RUN apt-get update} for a step, else the line itself. */
  @Override
  public String toString() {
    return phase == Phase.STEP ? "[" + step + "/" + totalSteps + "] " + line : line;
  }
}
