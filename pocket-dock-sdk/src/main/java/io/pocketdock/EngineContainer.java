package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@link Container} backed by one engine container. */
final class EngineContainer implements Container {
  private final PocketDock dock;
  private final EngineContext engine;
  private final ContainerSpec spec;
  private final String name;
  private final CommandRunner runner;
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
    ExecResult result =
        runner.run(id, name, List.of("/bin/sh", "-c", command), options, spec.execTimeout());
    // Exit 137 is SIGKILL from anyone; only the cgroup's OOM counter tells the OOM killer apart.
    return oom.check(result, id);
  }

  @Override
  public ContainerInfo info() {
    ensureNotRemoved("info");
    return new InfoReader(engine).read(id, name);
  }

  @Override
  public void reboot(boolean fresh) {
    ensureNotRemoved("reboot");
    if (fresh) {
      call("reboot", () -> engine.client.removeContainer(id, true));
      id = dock.provisioner().provision(spec, name);
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

  /** Removes the container whatever its persist flag (JVM exit, {@link PocketDock#close()}). */
  void removeQuietly() {
    if (shutDown.compareAndSet(false, true) && !spec.persist()) {
      engine.quietly(() -> engine.client.removeContainer(id, true));
    }
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
