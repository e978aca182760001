package io.pocketdock.internal.image;

/** One thing an engine's build stream said, in engine-neutral terms. */
public sealed interface BuildEvent {

  /**
   * A step began. Podman numbers steps per stage of a multi-stage build; Docker numbers them
   * across the whole file (then {@code stages} is 1).
   *
   * @param stage the stage, from 1
   * @param stages how many stages
   * @param step the step within the numbering, from 1
   * @param total the steps in that numbering
   * @param instruction the Dockerfile instruction, e.g. {@code RUN apt-get update}
   */
  record Step(int stage, int stages, int step, int total, String instruction)
      implements BuildEvent {}

  /**
   * A line of output: a step's command output or the engine's own remarks.
   *
   * @param line the text, without its line break
   */
  record Output(String line) implements BuildEvent {}

  /** The current step was answered from the engine's cache. */
  record CacheHit() implements BuildEvent {}

  /**
   * The build failed.
   *
   * @param message the engine's error message
   */
  record Failure(String message) implements BuildEvent {}

  /**
   * The image was written.
   *
   * @param imageId its id
   */
  record Built(String imageId) implements BuildEvent {}
}
