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

  /**
   * Runs a code snippet and waits for it, with the container's default timeout. See {@link
   * #run(String, Language, ExecOptions)}.
   */
  default ExecResult run(String code, Language language) {
    return run(code, language, ExecOptions.defaults());
  }

  /**
   * Runs a code snippet in {@code language} and waits for it. The code is written, exactly as
   * given (quotes, {@code $}, backslashes, many lines: no shell quoting), to a private temporary
   * file in the container, run with the language's interpreter, and the file is deleted. When the
   * interpreter is not installed in the image, the result has exit code 127 and stderr says so.
   *
   * <pre>{@code
   * box.run("import sys\nprint(sys.version_info.major)", Language.PYTHON).stdout(); // "3\n"
   * }</pre>
   *
   * @throws InvalidArgumentException if the code contains NUL or is larger than 120 KiB (push a
   *     file and run it instead)
   */
  ExecResult run(String code, Language language, ExecOptions options);

  /** Starts a shell command and streams its output; see {@link #stream(String, ExecOptions)}. */
  default ExecStream stream(String command) {
    return stream(command, ExecOptions.defaults());
  }

  /**
   * Starts a shell command ({@code /bin/sh -c}) and returns its output as it arrives. The timeout
   * (the container's default unless set) and {@code maxOutput} apply as for {@link
   * #run(String, ExecOptions)}; {@code maxOutput} bounds only what {@link ExecStream#result()}
   * keeps, never what you iterate. Close the stream.
   *
   * <pre>{@code
   * try (ExecStream s = box.stream("make 2>&1")) {
   *   s.chunks().forEach(c -> System.out.print(c.data()));
   *   System.out.println("exit " + s.result().exitCode());
   * }
   * }</pre>
   */
  ExecStream stream(String command, ExecOptions options);

  /** Starts a code snippet and streams its output; see {@link #run(String, Language, ExecOptions)}. */
  ExecStream stream(String code, Language language, ExecOptions options);

  /** Starts a shell command in the background; see {@link #runDetached(String, ExecOptions)}. */
  default BackgroundProcess runDetached(String command) {
    return runDetached(command, ExecOptions.defaults());
  }

  /**
   * Starts a shell command ({@code /bin/sh -c}) in the background and returns at once. Unlike the
   * other modes it has <em>no timeout</em> unless {@code options} set one, and keeps its latest
   * output in a ring buffer of {@link ExecOptions#bufferSize()} bytes per stream instead of
   * applying {@code maxOutput}. Its output and exit also go to this container's {@link
   * #onStdout}, {@link #onStderr} and {@link #onExit} callbacks.
   */
  BackgroundProcess runDetached(String command, ExecOptions options);

  /** Starts a code snippet in the background; see {@link #runDetached(String, ExecOptions)}. */
  BackgroundProcess runDetached(String code, Language language, ExecOptions options);

  /**
   * Calls {@code callback} with the stdout of every background process of this container (started
   * before or after registering), as it arrives.
   *
   * <p>Callbacks run on the process's reader thread (a virtual thread on Java 21+), one call at a
   * time per process, in output order; keep them short, because the process's output is not read
   * while they run. Calls for different processes may run at once. A callback that throws is
   * logged ({@link System.Logger}, WARNING) and the reader goes on. One callback may be registered
   * on several containers: events name their container and process.
   *
   * @return closes to unregister
   */
  Subscription onStdout(java.util.function.Consumer<OutputEvent> callback);

  /** Like {@link #onStdout}, for stderr. */
  Subscription onStderr(java.util.function.Consumer<OutputEvent> callback);

  /**
   * Calls {@code callback} when a background process of this container ends, on its reader thread,
   * after its last output callback and before {@link BackgroundProcess#waitFor()} returns. Not
   * called if reading the process failed (see {@link BackgroundProcess#onExit()}).
   *
   * @return closes to unregister
   */
  Subscription onExit(java.util.function.Consumer<ExitEvent> callback);

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

  // --- Files in and out (docs/files.md) ---

  /**
   * Creates or replaces a file with UTF-8 text. Relative paths are resolved against the container's
   * working directory ({@code /home/sandbox} for the profile images). The file belongs to the
   * container's user, mode {@code 0644}.
   *
   * @throws FileNotFoundInContainerException when the parent directory does not exist
   * @throws InvalidArgumentException when the path is a directory
   */
  default void writeFile(String path, String text) {
    writeFile(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), WriteOptions.defaults());
  }

  /** Creates or replaces a file with {@code data}; see {@link #writeFile(String, String)}. */
  default void writeFile(String path, byte[] data) {
    writeFile(path, data, WriteOptions.defaults());
  }

  /**
   * Creates or replaces a file with {@code data}, optionally creating missing parent directories
   * and with a chosen mode.
   *
   * @throws FileNotFoundInContainerException when a parent directory is missing and {@code
   *     options} does not create it
   * @throws InvalidArgumentException when the path is a directory, or a parent is a file
   */
  void writeFile(String path, byte[] data, WriteOptions options);

  /**
   * Reads a whole file (following symlinks).
   *
   * @throws FileNotFoundInContainerException when the path does not exist
   * @throws InvalidArgumentException when it is a directory or not a regular file
   */
  byte[] readFile(String path);

  /** Reads a whole file as UTF-8 text; see {@link #readFile(String)}. */
  default String readText(String path) {
    return new String(readFile(path), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Lists the container's working directory ({@code /home/sandbox} for the profile images). */
  default java.util.List<FileEntry> listFiles() {
    return listFiles(".");
  }

  /**
   * Lists one directory: every entry including hidden ones, sorted by name, symlinks not followed.
   *
   * @throws FileNotFoundInContainerException when the path does not exist
   * @throws InvalidArgumentException when it is not a directory
   */
  java.util.List<FileEntry> listFiles(String path);

  /**
   * Copies a host file or directory tree into the container, like {@code cp -r}: into {@code
   * containerPath} when that is an existing directory, else to exactly {@code containerPath}
   * (whose parent must exist). Modes and symlinks inside the tree are kept; everything belongs to
   * the container's user. Streams: a tree of any size is never held in memory.
   *
   * @throws HostFileException when {@code hostPath} does not exist or cannot be read
   * @throws FileNotFoundInContainerException when the target's parent directory does not exist
   */
  void push(java.nio.file.Path hostPath, String containerPath);

  /**
   * Copies a container file or directory tree to the host, like {@code cp -r}: into {@code
   * hostPath} when that is an existing directory, else to exactly {@code hostPath} (whose parent
   * must exist). Modes and symlinks inside the tree are kept. The container may be hostile: nothing
   * is ever written outside the copy, and a tree with links pointing outside it, absolute or {@code
   * ..} names, device nodes or colliding names is refused as a whole.
   *
   * @throws FileNotFoundInContainerException when the path does not exist
   * @throws UnsafeArchiveException when an entry could escape; nothing of the pull is left
   * @throws HostFileException when writing on the host fails; nothing of the pull is left
   */
  void pull(String containerPath, java.nio.file.Path hostPath);

  // --- Sessions (docs/sessions.md) ---

  /**
   * Opens a long-lived shell ({@code /bin/bash} when the image has it, else {@code /bin/sh}) on its
   * own engine connection. Its working directory, exported variables and functions persist from
   * one command to the next. Close it when done; it also closes when the container shuts down.
   */
  Session session();
  /**
   * Commits the container's filesystem to an image, which {@link ContainerSpec.Builder#image} can
   * then start new containers from. The container keeps running untouched (it is not paused). A
   * short name is qualified as {@code localhost/<name>:latest}; the image carries the labels
   * {@code io.pocketdock.snapshot.source} (this container's id) and {@code
   * io.pocketdock.snapshot.time}. Volumes are not part of the image.
   *
   * @param imageName e.g. {@code my-snap}, {@code localhost/work/snap:v2}
   * @return the image id ({@code sha256:...})
   * @throws InvalidArgumentException when the name is not a valid image reference
   */
  String snapshot(String imageName);

  // --- Interactive terminal (docs/cli.md, `pocket-dock shell`) ---

  /**
   * Starts an interactive program (the login shell unless {@code options} name one) on a
   * pseudo-terminal in the container, on its own engine connection; see {@link TerminalSession}.
   * No timeout applies. Close the session.
   *
   * @throws ContainerNotRunningException when the container is stopped
   */
  TerminalSession terminal(TerminalOptions options);

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
