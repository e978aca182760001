package io.pocketdock.mcp;

import io.pocketdock.Container;
import io.pocketdock.Interpreter;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One sandbox this server created, and the interpreter the model may have started in it. */
final class Sandbox {
  private final Container container;
  private final Instant createdAt = Instant.now();
  private final String profile;
  private final boolean network;
  private @Nullable Interpreter interpreter;

  Sandbox(Container container, String profile, boolean network) {
    this.container = container;
    this.profile = profile;
    this.network = network;
  }

  String id() {
    return container.name();
  }

  Container container() {
    return container;
  }

  Instant createdAt() {
    return createdAt;
  }

  String profile() {
    return profile;
  }

  boolean network() {
    return network;
  }

  /** The sandbox's Python interpreter, started on first use; {@code fresh} restarts it. */
  synchronized Interpreter interpreter(boolean fresh) {
    Interpreter current = interpreter;
    if (current == null) {
      current = container.interpreter("python");
      interpreter = current;
    } else if (fresh) {
      current.restart();
    }
    return current;
  }

  /** Ends the interpreter and shuts the sandbox down (removed, or stopped when persistent). */
  synchronized void close() {
    if (interpreter != null) {
      interpreter.close();
      interpreter = null;
    }
    container.shutdown();
  }
}
