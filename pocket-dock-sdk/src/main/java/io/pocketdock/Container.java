package io.pocketdock;

/**
 * A sandbox: one container on the engine, with the init process as PID 1 and everything you run in
 * it. Get one from {@link PocketDock#create(ContainerSpec)}.
 *
 * <p>Closing it (for example at the end of a try-with-resources block) removes an ephemeral
 * container and stops a persistent one, just like {@link #shutdown()}. Every method reads live
 * state from the engine; nothing is cached. Instances are safe to use from many threads at once:
 * each operation uses its own engine connection, so concurrent runs never wait on each other.
 *
 * <pre>{@code
 * try (PocketDock dock = PocketDock.connect();
 *     Container box = dock.create()) {
 *   ExecResult r = box.run("echo hello");
 *   System.out.println(r.stdout()); // hello
 * }
 * }</pre>
 */
public interface Container extends AutoCloseable {

  /** The engine's container id (it changes after {@link #reboot(boolean) reboot(true)}). */
  String id();

  /** The container's name. */
  String name();

  /** The spec it was created from. */
  ContainerSpec spec();

  /**
   * Runs a shell command ({@code /bin/sh -c}) and waits for it, with the container's default
   * timeout and a 10 MiB output cap.
   *
   * @throws ContainerNotRunningException when the container is stopped
   * @throws ContainerGoneException when the container was removed
   */
  default ExecResult run(String command) {
    return run(command, ExecOptions.defaults());
  }

  /**
   * Runs a shell command ({@code /bin/sh -c}) and waits for it. On timeout the command's whole
   * process tree is killed and the result says {@code timedOut}; output beyond {@code maxOutput}
   * is dropped, never held in memory, and the result says {@code truncated}.
   */
  ExecResult run(String command, ExecOptions options);

  /** Reads the container's state, resource use and processes live from the engine. */
  ContainerInfo info();

  /** Restarts the container in place; its filesystem is kept. */
  default void reboot() {
    reboot(false);
  }

  /**
   * Restarts the container. With {@code fresh}, removes it and creates a new one from the same
   * spec and name, so the filesystem starts clean; the {@link #id()} changes.
   */
  void reboot(boolean fresh);

  /** Removes an ephemeral container, or stops a persistent one. Idempotent. */
  default void shutdown() {
    shutdown(false);
  }

  /**
   * Removes an ephemeral container, or stops a persistent one. With {@code force}, a persistent
   * container is killed rather than asked to stop. Idempotent.
   */
  void shutdown(boolean force);

  /**
   * Lets the container outlive this handle: closing the {@link PocketDock} or exiting the JVM no
   * longer removes it. Calling {@link #shutdown()} or {@link #close()} still does.
   */
  void detach();

  /** The same container, with methods that return {@link java.util.concurrent.CompletableFuture}s. */
  AsyncContainer async();

  /**
   * Starts a stateful Python interpreter in this sandbox: successive cells share variables and
   * imports, like a notebook. Same as {@code interpreter("python")}.
   *
   * @throws InvalidArgumentException when the image has no {@code python3}
   * @throws ContainerNotRunningException when the container is stopped
   */
  default Interpreter interpreter() {
    return interpreter("python");
  }

  /**
   * Starts a stateful interpreter for {@code language} in this sandbox (today: {@code python}).
   * Close it when done; several may run side by side, each with its own state.
   *
   * @throws InvalidArgumentException for an unsupported language, or an image without it
   */
  Interpreter interpreter(String language);

  /** Same as {@link #shutdown()}. Never throws for a container that is already gone. */
  @Override
  void close();
}
