package io.pocketdock;

import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.engine.EngineEndpoint;
import io.pocketdock.internal.engine.EngineProbe;
import io.pocketdock.internal.engine.SocketCandidate;
import io.pocketdock.internal.engine.SocketDiscovery;
import io.pocketdock.internal.http.UnixSocketTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: a connection to a Podman or Docker engine, from which sandboxes are created.
 *
 * <pre>{@code
 * try (PocketDock dock = PocketDock.connect();
 *     Container box = dock.create(ContainerSpec.builder().memoryLimit("256m").build())) {
 *   ExecResult r = box.run("python3 -c 'print(6 * 7)'");
 *   System.out.println(r.exitCode() + " " + r.stdout()); // 0 42
 * }
 * }</pre>
 *
 * <p>{@link #connect()} finds the engine in this order, and the first socket that answers a ping
 * wins: an explicit {@link Builder#socket socket}, {@code POCKET_DOCK_SOCKET}, {@code
 * CONTAINER_HOST}/{@code DOCKER_HOST} (unix sockets), {@code $XDG_RUNTIME_DIR/podman/podman.sock},
 * {@code /run/podman/podman.sock}, {@code /var/run/docker.sock}, then the macOS Podman machine and
 * Docker Desktop sockets. A socket you name yourself is the only one tried.
 *
 * <p>Ephemeral containers still open when the JVM exits, or when this instance is closed, are
 * removed. Thread-safe.
 */
public final class PocketDock implements AutoCloseable {
  private final EngineContext engine;
  private final Provisioner provisioner;
  private final Set<EngineContainer> open = ConcurrentHashMap.newKeySet();
  private final Thread exitHook;
  private final OrphanReaper reaper;
  private final @Nullable ByteSize defaultMemoryLimit;
  private volatile boolean closed;

  private PocketDock(EngineContext engine, String host, Builder options) {
    this.engine = engine;
    this.provisioner = new Provisioner(engine, host);
    this.exitHook = new Thread(this::removeOpenContainers, "pocket-dock-exit");
    Runtime.getRuntime().addShutdownHook(exitHook);
    this.reaper = new OrphanReaper(engine, host);
    this.defaultMemoryLimit = options.defaultMemoryLimit;
    if (options.reapOnConnect) {
      // In the background: connect must stay a ping, and a slow list must not delay the caller.
      engine.workers.execute(reaper::reapQuietly);
    }
  }

  /**
   * Removes the ephemeral sandboxes on this host whose creating process died without removing
   * them (killed with SIGKILL, for example): the next {@code PocketDock} does this on connect in
   * the background, unless {@link Builder#reapOrphansOnConnect(boolean)} turned it off.
   * Persistent sandboxes and those created with {@link ContainerSpec.Builder#outliveCreator} are
   * never touched.
   *
   * @return the names of the sandboxes removed
   */
  public List<String> reapOrphans() {
    ensureOpen();
    return reaper.reap();
  }

  /**
   * Connects to the first engine that answers, in the discovery order above.
   *
   * @throws EngineNotFoundException when none answers
   */
  public static PocketDock connect() {
    return builder().build();
  }

  /** A builder, to name the socket explicitly. */
  public static Builder builder() {
    return new Builder(System.getenv(), Path.of(System.getProperty("user.home", "/")));
  }

  /** The engine this instance talks to. */
  public EngineInfo engine() {
    return engine.info;
  }

  /** Creates and starts a sandbox from the {@code minimal} profile with default settings. */
  public Container create() {
    return create(ContainerSpec.builder().build());
  }

  /**
   * Creates and starts a sandbox. Nothing is left on the engine when this fails.
   *
   * @throws ImageNotFoundException when the image (or the profile's image) is missing
   * @throws NameConflictException when the name is taken
   * @throws InvalidArgumentException when the engine refuses a setting
   */
  public Container create(ContainerSpec spec) {
    ensureOpen();
    if (spec.memoryLimit() == null && defaultMemoryLimit != null) {
      spec = spec.toBuilder().memoryLimit(defaultMemoryLimit).build();
    }
    String name = spec.name() != null ? spec.name() : "pd-" + CommandRunner.token().substring(0, 12);
    String id = provisioner.provision(spec, name);
    EngineContainer container = new EngineContainer(this, engine, spec, name, id);
    open.add(container);
    if (closed) {
      container.removeQuietly();
      ensureOpen();
    }
    return container;
  }

  /**
   * A handle to an existing container, by name or id, for example one created by another process
   * or by the CLI. The handle is not owned: it is not removed when this instance closes or the JVM
   * exits (call {@link Container#shutdown()} for that). Its spec is read back from the engine.
   *
   * @throws ContainerNotFoundException when no such container exists
   */
  public Container attach(String nameOrId) {
    ensureOpen();
    if (nameOrId.isBlank() || nameOrId.contains("/")) {
      throw InvalidArgumentException.of("attach", "invalid container name or id '" + nameOrId + "'");
    }
    try {
      var inspect = engine.client.inspectContainer(nameOrId);
      String name = inspect.string("Name", nameOrId);
      name = name.startsWith("/") ? name.substring(1) : name;
      return new EngineContainer(
          this, engine, SpecReader.fromInspect(inspect), name, inspect.string("Id", nameOrId));
    } catch (io.pocketdock.internal.engine.EngineResponseException e) {
      throw Failures.fromEngine("attach", nameOrId, e, Failures.Missing.CONTAINER_NOT_FOUND, "");
    } catch (IOException e) {
      throw Failures.fromIo("attach", nameOrId, engine.socket(), e);
    }
  }

  /** {@link #create(ContainerSpec)}, asynchronously (on a virtual thread where available). */
  public CompletableFuture<Container> createAsync(ContainerSpec spec) {
    return CompletableFuture.supplyAsync(() -> create(spec), engine.workers);
  }

  Provisioner provisioner() {
    return provisioner;
  }

  void forget(EngineContainer container) {
    open.remove(container);
  }

  private void ensureOpen() {
    if (closed) {
      throw InvalidArgumentException.of("create", "this PocketDock is closed");
    }
  }

  /** Removes the ephemeral containers still open, in parallel, within a bounded time. */
  private void removeOpenContainers() {
    List<EngineContainer> left = new ArrayList<>(open);
    open.clear();
    if (left.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, left.size()));
    for (EngineContainer c : left) {
      pool.execute(c::removeQuietly);
    }
    pool.shutdown();
    try {
      pool.awaitTermination(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Removes the ephemeral containers created here that are still open, stops nothing persistent,
   * and releases threads. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException alreadyExiting) {
      // The JVM is exiting and the hook is running or will run: it does the same cleanup.
    }
    removeOpenContainers();
    engine.close();
  }

  /** Chooses the engine socket. */
  public static final class Builder {
    private final Map<String, String> env;
    private final Path home;
    private @Nullable Path socket;
    private boolean reapOnConnect = true;
    private @Nullable ByteSize defaultMemoryLimit;

    Builder(Map<String, String> env, Path home) {
      this.env = env;
      this.home = home;
    }

    /** Uses this socket and no other. */
    public Builder socket(@Nullable Path value) {
      socket = value;
      return this;
    }

    /**
     * Whether connecting removes orphaned sandboxes in the background (default {@code true}); see
     * {@link PocketDock#reapOrphans()}.
     */
    public Builder reapOrphansOnConnect(boolean value) {
      reapOnConnect = value;
      return this;
    }

    /**
     * A memory cap for every sandbox whose spec sets none ({@code null}, the default: uncapped).
     */
    public Builder defaultMemoryLimit(@Nullable ByteSize value) {
      defaultMemoryLimit = value;
      return this;
    }

    /**
     * Finds the engine and connects.
     *
     * @throws EngineNotFoundException when no candidate answers
     * @throws EngineConnectionException when the socket you named does not answer
     */
    public PocketDock build() {
      List<SocketCandidate> candidates = SocketDiscovery.candidates(socket, null, env, home);
      List<String> tried = new ArrayList<>();
      for (SocketCandidate c : candidates) {
        UnixSocketTransport transport = new UnixSocketTransport(c.path());
        try {
          EngineEndpoint endpoint = EngineProbe.probe(c, transport);
          EngineInfo info =
              new EngineInfo(
                  endpoint.podman() ? EngineInfo.Kind.PODMAN : EngineInfo.Kind.DOCKER,
                  endpoint.version(),
                  endpoint.apiVersion(),
                  endpoint.socket(),
                  endpoint.source());
          return new PocketDock(
              new EngineContext(new EngineClient(transport, endpoint), info), hostName(), this);
        } catch (IOException | RuntimeException e) {
          transport.close();
          if (c.pinned()) {
            throw new EngineConnectionException(
                "connect", c.path() + " (" + c.source() + ")", String.valueOf(e.getMessage()), e);
          }
          tried.add(c.path() + " (" + c.source() + ": " + e.getMessage() + ")");
        }
      }
      throw new EngineNotFoundException(tried);
    }

    /** The host name for creator labels, without a DNS lookup (which can stall on some hosts). */
    private String hostName() {
      String fromEnv = env.get("HOSTNAME");
      if (fromEnv != null && !fromEnv.isBlank()) {
        return fromEnv;
      }
      try {
        return java.nio.file.Files.readString(Path.of("/etc/hostname")).trim();
      } catch (IOException | RuntimeException e) {
        return "unknown";
      }
    }
  }
}
