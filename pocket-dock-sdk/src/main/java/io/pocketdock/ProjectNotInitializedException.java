package io.pocketdock;

/** No {@code .pocket-dock/} project was found from the given directory upwards. */
public final class ProjectNotInitializedException extends PocketDockException {
  private static final long serialVersionUID = 1L;

  ProjectNotInitializedException(String operation, String start) {
    super(
        operation,
        null,
        "no pocket-dock project at or above " + start,
        "run `pocket-dock init` in your project directory",
        null);
  }

  /** The error for {@code operation} when no project is found at or above {@code start}. */
  public static ProjectNotInitializedException of(String operation, java.nio.file.Path start) {
    return new ProjectNotInitializedException(operation, start.toString());
  }
}
