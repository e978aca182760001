package io.pocketdock.mcp;

import io.pocketdock.Container;
import io.pocketdock.Interpreter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** One sandbox this server created, and the interpreter the model may have started in it. */
final class Sandbox {
  private final Container container;
  private final Instant createdAt = Instant.now();
  private final String profile;
  private final boolean network;
  private final Consumer<Container> end;
  private @Nullable Interpreter interpreter;
  private @Nullable String workdir;

  Sandbox(Container container, String profile, boolean network) {
    this(container, profile, network, Container::shutdown);
  }

  /** A sandbox that {@code end} shuts down, e.g. by giving it back to the pool it came from. */
  Sandbox(Container container, String profile, boolean network, Consumer<Container> end) {
    this.container = container;
    this.profile = profile;
    this.network = network;
    this.end = end;
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

  /**
   * {@code path} made absolute and normalized the way the SDK's file calls resolve it (against the
   * container's working directory), so answers name the file the model can use anywhere.
   */
  String absolute(String path) {
    if (path.isEmpty()) {
      throw new ToolError("path must not be empty");
    }
    return resolve(path, path.startsWith("/") ? "/" : workdir());
  }

  /** {@code path} against the absolute {@code base}, with {@code .} and {@code ..} taken out. */
  static String resolve(String path, String base) {
    String full = path.startsWith("/") ? path : base + "/" + path;
    Deque<String> parts = new ArrayDeque<>();
    for (String part : full.split("/")) {
      if (part.equals("..")) {
        parts.pollLast();
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }

  /** The working directory of the sandbox's image, asked once. */
  synchronized String workdir() {
    if (workdir == null) {
      String pwd = container.run("pwd").stdout().strip();
      workdir = pwd.startsWith("/") ? pwd : "/";
    }
    return workdir;
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
    end.accept(container);
  }
}
