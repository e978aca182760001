package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The {@link Container} backed by one engine container. */
final class EngineContainer implements Container {
  private final PocketDock dock;
  private final EngineContext engine;
  private final ContainerSpec spec;
  private final String name;
  private final CommandRunner runner;
  private final ExecModes modes;
  private final ContainerFiles files;
  private final java.util.Set<ShellSession> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final RunListener listener;
  private final FastExec fastExec;
  private final OomProbe oom;
  private final AtomicBoolean shutDown = new AtomicBoolean();
  private volatile String id;

  EngineContainer(PocketDock dock, EngineContext engine, ContainerSpec spec, String name, String id) {
    this.dock = dock;
    this.engine = engine;
    this.spec = spec;
    this.name = name;
    this.id = id;
    this.runner = new CommandRunner(engine);
    this.modes = new ExecModes(engine);
    this.files = new ContainerFiles(engine);
    this.listener = dock.runListener(spec, name);
    this.fastExec = new FastExec(engine, dock.fastExecEnabled(), spec);
    this.oom = new OomProbe(runner, name);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ContainerSpec spec() {
    return spec;
  }

  @Override
  public ExecResult run(String command, ExecOptions options) {
    ensureNotRemoved("run");
    java.time.Instant started = java.time.Instant.now();
    // Exit 137 is SIGKILL from anyone; only the cgroup's OOM counter tells the OOM killer apart.
    ExecResult result =
        oom.check(
            fastExec.run(
            id,
            name,
            command,
            options,
            spec.execTimeout(),
            () -> runner.run(id, name, List.of("/bin/sh", "-c", command), options, spec.execTimeout())),
            id);
    listener.completed(command, result, started);
    return result;
  }

  @Override
  public String snapshot(String imageName) {
    ensureNotRemoved("snapshot");
    return Snapshots.commit(engine, id, name, imageName);
  }

  @Override
  public ExecResult run(String code, Language language, ExecOptions options) {
    ExecModes.Program program = ExecModes.Program.snippet(code, language);
    ensureNotRemoved("run");
    return modes.run(id, name, program, options, spec.execTimeout());
  }

  @Override
  public ExecStream stream(String command, ExecOptions options) {
    ensureNotRemoved("stream");
    return modes.stream(id, name, ExecModes.Program.shell(command), options, spec.execTimeout());
  }

  @Override
  public ExecStream stream(String code, Language language, ExecOptions options) {
    ExecModes.Program program = ExecModes.Program.snippet(code, language);
    ensureNotRemoved("stream");
    return modes.stream(id, name, program, options, spec.execTimeout());
  }

  @Override
  public BackgroundProcess runDetached(String command, ExecOptions options) {
    ensureNotRemoved("run");
    return modes.detached(id, name, ExecModes.Program.shell(command), options);
  }

  @Override
  public BackgroundProcess runDetached(String code, Language language, ExecOptions options) {
    ExecModes.Program program = ExecModes.Program.snippet(code, language);
    ensureNotRemoved("run");
    return modes.detached(id, name, program, options);
  }

  @Override
  public Subscription onStdout(Consumer<OutputEvent> callback) {
    return modes.callbacks().onStdout(callback);
  }

  @Override
  public Subscription onStderr(Consumer<OutputEvent> callback) {
    return modes.callbacks().onStderr(callback);
  }

  @Override
  public Subscription onExit(Consumer<ExitEvent> callback) {
    return modes.callbacks().onExit(callback);
  }

  @Override
  public ContainerInfo info() {
    ensureNotRemoved("info");
    return new InfoReader(engine).read(id, name);
  }

  @Override
  public void reboot(boolean fresh) {
    ensureNotRemoved("reboot");
    closeSessions();
    fastExec.reset();
    if (fresh) {
      call("reboot", () -> engine.client.removeContainer(id, true));
      id = dock.provisioner().provision(spec, name);
      dock.recordInstance(spec, name, id);
    } else {
      call("reboot", () -> engine.client.restartContainer(id, Provisioner.STOP_TIMEOUT_SECONDS));
    }
    shutDown.set(false);
    oom.reset();
  }

  @Override
  public void shutdown(boolean force) {
    if (!shutDown.compareAndSet(false, true)) {
      return;
    }
    dock.forget(this);
    closeSessions();
    fastExec.close();
    try {
      if (spec.persist()) {
        engine.client.stopContainer(id, force ? 0 : Provisioner.STOP_TIMEOUT_SECONDS);
      } else {
        engine.client.removeContainer(id, true);
      }
    } catch (EngineResponseException e) {
      if (e.status() != 404) {
        shutDown.set(false);
        throw Failures.fromEngine("shutdown", name, e, Failures.Missing.CONTAINER_GONE, "");
      }
    } catch (IOException e) {
      shutDown.set(false);
      throw Failures.fromIo("shutdown", name, engine.socket(), e);
    }
  }

  @Override
  public void detach() {
    dock.forget(this);
  }

  @Override
  public Interpreter interpreter(String language) {
    ensureNotRemoved("interpreter");
    return PythonInterpreter.open(engine, id, name, language, spec.execTimeout());
  }

  /** Removes an ephemeral container at JVM exit or {@link PocketDock#close()}; persistent ones stay. */
  void removeQuietly() {
    if (spec.persist()) {
      // Left as it is, and its handle stays usable: marking it shut down here would make a
      // concurrent owner's shutdown() (an MCP server stopping its persistent sandboxes while the
      // JVM exits) return without stopping it.
      return;
    }
    fastExec.close();
    if (shutDown.compareAndSet(false, true)) {
      closeSessions();
      engine.quietly(() -> engine.client.removeContainer(id, true));
    }
  }

  // --- Files and sessions ---

  @Override
  public void writeFile(String path, byte[] data, WriteOptions options) {
    ensureNotRemoved("writeFile");
    new FileUpload(files).writeFile(id, name, path, data, options);
  }

  @Override
  public byte[] readFile(String path) {
    ensureNotRemoved("readFile");
    return files.read(id, name, path);
  }

  @Override
  public List<FileEntry> listFiles(String path) {
    ensureNotRemoved("listFiles");
    return files.list(runner, id, name, path);
  }

  @Override
  public void push(java.nio.file.Path hostPath, String containerPath) {
    ensureNotRemoved("push");
    new FileUpload(files).push(id, name, hostPath, containerPath);
  }

  @Override
  public void pull(String containerPath, java.nio.file.Path hostPath) {
    ensureNotRemoved("pull");
    new FileDownload(files).pull(id, name, containerPath, hostPath);
  }

  @Override
  public Session session() {
    ensureNotRemoved("session");
    ShellSession session =
        ShellSession.open(engine, runner, id, name, spec.execTimeout(), sessions::remove);
    sessions.add(session);
    if (shutDown.get() && !spec.persist()) {
      session.closeForShutdown();
    }
    return session;
  }

  @Override
  public TerminalSession terminal(TerminalOptions options) {
    ensureNotRemoved("terminal");
    return EngineTerminalSession.open(engine, runner, id, name, options);
  }

  private void closeSessions() {
    for (ShellSession s : List.copyOf(sessions)) {
      s.closeForShutdown();
    }
  }

  /** Prepares what the first run needs, so a pooled sandbox is as fast as a used one. */
  void warmUp() {
    fastExec.warmUp(id);
  }

  @Override
  public AsyncContainer async() {
    return new ExecutorAsyncContainer(this, engine.workers);
  }

  @Override
  public void close() {
    try {
      shutdown(false);
    } catch (ContainerGoneException gone) {
      // Already removed from outside: closing has nothing left to do.
    }
  }

  private void ensureNotRemoved(String operation) {
    if (shutDown.get() && !spec.persist()) {
      throw new ContainerGoneException(operation, name);
    }
  }

  private void call(String operation, EngineContext.EngineCall call) {
    try {
      call.run();
    } catch (EngineResponseException e) {
      throw Failures.fromEngine(operation, name, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      throw Failures.fromIo(operation, name, engine.socket(), e);
    }
  }

  @Override
  public String toString() {
    return "Container[" + name + " " + (id.length() > 12 ? id.substring(0, 12) : id) + "]";
  }
}
