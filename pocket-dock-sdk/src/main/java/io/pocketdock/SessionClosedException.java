package io.pocketdock;

/** A session was used after it was closed or after its shell exited. */
public final class SessionClosedException extends PocketDockException {
  private static final long serialVersionUID = 1L;

  SessionClosedException(String operation, String container, String why) {
    super(operation, container, "session is closed: " + why, "open a new session", null);
  }
}
