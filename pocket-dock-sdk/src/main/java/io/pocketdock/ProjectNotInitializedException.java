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
}
