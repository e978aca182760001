package io.pocketdock;

import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.engine.EngineEndpoint;
import io.pocketdock.internal.engine.EngineProbe;
import io.pocketdock.internal.engine.SocketCandidate;
import io.pocketdock.internal.engine.SocketDiscovery;
import io.pocketdock.internal.http.UnixSocketTransport;
import io.pocketdock.project.DoctorReport;
import io.pocketdock.project.Project;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>A project ({@code .pocket-dock/pocket-dock.yaml}) found at or above the working directory is
 * used unless you choose another with {@link Builder#project} or none with {@link
 * Builder#noProject}: its {@code socket} joins discovery (after {@code POCKET_DOCK_SOCKET}), its
 * name labels every container created here, and persistent containers get an instance directory
 * with their run history and logs. See docs/projects.md.
 *
 * <p>Ephemeral containers still open when the JVM exits, or when this instance is closed, are
 * removed. Thread-safe.
 */
public final class PocketDock implements AutoCloseable {
  private final EngineContext engine;
  private final Provisioner provisioner;
  private final Set<EngineContainer> open = ConcurrentHashMap.newKeySet();
  private final Thread exitHook;
  private final @Nullable Project project;
  private final Fleet fleet;
  private final OrphanReaper reaper;
  private final @Nullable Thread reaperThread;
  private final @Nullable ByteSize defaultMemoryLimit;
  private volatile boolean closed;
  private volatile boolean fastExec = true;

  private PocketDock(
      EngineContext engine, String host, @Nullable Project project, Builder options) {
    this.engine = engine;
    this.project = project;
    this.fleet = new Fleet(this, engine, project);
    this.provisioner = new Provisioner(engine, host, project);
    this.exitHook = new Thread(this::removeOpenContainers, "pocket-dock-exit");
    Runtime.getRuntime().addShutdownHook(exitHook);
    this.reaper = new OrphanReaper(engine, host);
    this.defaultMemoryLimit = options.defaultMemoryLimit;
    if (options.reapOnConnect) {
      // In the background: connect must stay a ping, and a slow list must not delay the caller.
      // A platform thread that close() interrupts, not a virtual one: socket I/O on a virtual
      // thread parks the JDK's poller thread in native code for good, and System.exit then waits
      // 300 ms for it (HotSpot's exit waits for threads in native) - every CLI command paid that.
      Thread t = new Thread(reaper::reapQuietly, "pocket-dock-reaper");
      t.setDaemon(true);
      t.start();
      this.reaperThread = t;
    } else {
      this.reaperThread = null;
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
    if (spec.project() == null && project != null) {
      spec = spec.toBuilder().project(project.name()).build();
    }
    if (spec.memoryLimit() == null && defaultMemoryLimit != null) {
      spec = spec.toBuilder().memoryLimit(defaultMemoryLimit).build();
    }
    String name = spec.name() != null ? spec.name() : "pd-" + CommandRunner.token().substring(0, 12);
    String id = provisioner.provision(spec, name);
    recordInstance(spec, name, id);
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

  // ---------------------------------------------------------------- profiles and images

  /** The built-in profiles, with their image sizes where built. */
  public List<Profile> profiles() {
    return profiles(null);
  }

  /**
   * The built-in profiles and the project's own ({@code
   * <projectRoot>/.pocket-dock/profiles/<name>/Dockerfile}), with their image sizes where built.
   *
   * @param projectRoot the project directory, or {@code null} for the built-in profiles only
   * @throws InvalidArgumentException when a project profile has a bad or built-in name
   */
  public List<Profile> profiles(@Nullable Path projectRoot) {
    ensureOpen();
    return new ProfileBuilds(engine).list(projectRoot);
  }

  /**
   * One built-in profile.
   *
   * @throws InvalidArgumentException when there is no such profile; the hint lists the valid ones
   */
  public Profile profile(String name) {
    return profile(name, null);
  }

  /**
   * One profile, built-in or the project's.
   *
   * @throws InvalidArgumentException when there is no such profile; the hint lists the valid ones
   */
  public Profile profile(String name, @Nullable Path projectRoot) {
    ensureOpen();
    return new ProfileBuilds(engine).profile(name, projectRoot);
  }

  /**
   * Builds a profile's image, {@code localhost/pocket-dock/<profile>:latest}, through the engine's
   * build API, making the base image first if it is missing (offline from the host's Debian
   * sources when no registry answers). An image whose inputs are unchanged is returned as it is
   * unless {@link BuildOptions#force()}. Cancel by interrupting the calling thread.
   *
   * @throws InvalidArgumentException when there is no such profile
   * @throws ImageBuildException when a step fails (with the step and its output), the base cannot
   *     be made, or the build is cancelled
   */
  public BuildResult build(String profile, BuildOptions options) {
    ensureOpen();
    return new ProfileBuilds(engine).build(profile, options);
  }

  /**
   * Writes images to an archive ({@code docker save} format, gzipped when the name ends in {@code
   * .gz} or {@code .tgz}) that {@link #importImages} loads on another machine or engine. The file
   * appears only when complete.
   *
   * @param profilesOrImages profile names ({@code dev}) or image references
   * @param progress receives the number of archive bytes read so far; may be {@code null}
   * @return the archive's size before compression
   * @throws ImageNotFoundException when an image is not there (the hint says how to build it)
   */
  public long exportImages(
      List<String> profilesOrImages, Path file, java.util.function.@Nullable LongConsumer progress) {
    ensureOpen();
    return new ImageTransfers(engine).export(profilesOrImages, file, progress);
  }

  /**
   * Loads every image in an archive made by {@link #exportImages} (or {@code docker save} /
   * {@code podman save}), plain or gzipped.
   *
   * @param progress receives the number of archive bytes sent so far; may be {@code null}
   * @return the names of the loaded images as the engine reports them
   * @throws InvalidArgumentException when the file is missing or is not such an archive
   */
  public List<String> importImages(Path file, java.util.function.@Nullable LongConsumer progress) {
    ensureOpen();
    return new ImageTransfers(engine).load(file, progress);
  }

  /**
   * A warm pool of {@code size} sandboxes created from {@code spec}, which hands one out in
   * microseconds; see {@link ContainerPool}. When the pool is empty, {@code acquire()} creates one
   * on the spot; use {@link ContainerPool#builder(PocketDock)} for another {@link EmptyPolicy}.
   *
   * @throws InvalidArgumentException when the size is out of range or the spec names or persists
   *     its container
   */
  public ContainerPool pool(int size, ContainerSpec spec) {
    return ContainerPool.builder(this).size(size).spec(spec).build();
  }

  EngineContext context() {
    return engine;
  }

  boolean isClosed() {
    return closed;
  }

  boolean fastExecEnabled() {
    return fastExec;
  }

  Provisioner provisioner() {
    return provisioner;
  }

  // ---- Persistence and projects (docs/persistence.md, docs/projects.md) ----

  /** The project this instance works in, if any. */
  public Optional<Project> project() {
    return Optional.ofNullable(project);
  }

  /**
   * A spec builder with the project's defaults ({@code default_profile}, {@code default_persist})
   * applied; without a project, the same as {@link ContainerSpec#builder()}.
   */
  public ContainerSpec.Builder specBuilder() {
    ContainerSpec.Builder b = ContainerSpec.builder();
    if (project != null) {
      b.profile(project.config().defaultProfile())
          .persist(project.config().defaultPersist())
          .project(project.name());
    }
    return b;
  }

  /**
   * Starts a stopped pocket-dock container again, by name or id, with its filesystem, ports,
   * volumes and limits as they were (they are part of the engine's container). Running already is
   * fine. The handle is not owned, like {@link #attach}.
   *
   * @throws ContainerNotFoundException when no pocket-dock container has that name
   * @throws InvalidArgumentException when a published host port has been taken meanwhile
   */
  public Container resume(String name) {
    ensureOpen();
    return fleet.resume(name);
  }

  /**
   * Stops a pocket-dock container by name or id, keeping it (and its filesystem) for {@link
   * #resume}. Stopping a stopped container is fine.
   *
   * @throws ContainerNotFoundException when no pocket-dock container has that name
   */
  public void stop(String name) {
    ensureOpen();
    fleet.stop(name);
  }

  /**
   * Removes a pocket-dock container whatever its persist flag, running or not, and deletes its
   * instance directory ({@code .pocket-dock/instances/<name>}).
   *
   * @throws ContainerNotFoundException when no pocket-dock container has that name
   */
  public void destroy(String name) {
    ensureOpen();
    fleet.destroy(name);
  }

  /**
   * Removes stopped pocket-dock containers of every project, sparing persistent ones.
   *
   * @return how many were removed
   */
  public int prune() {
    return prune(PruneOptions.defaults());
  }

  /**
   * Removes stopped pocket-dock containers as {@code options} say: never a running one, never a
   * persistent one unless {@link PruneOptions#includePersistent()}, never another project's when a
   * project is given. Instance directories of removed containers go too.
   *
   * @return how many were removed
   */
  public int prune(PruneOptions options) {
    ensureOpen();
    return fleet.prune(options);
  }

  /** Every pocket-dock container on the engine, running and stopped, sorted by name. */
  public List<ContainerSummary> list() {
    ensureOpen();
    return fleet.list(null);
  }

  /** The pocket-dock containers labelled with {@code project}, running and stopped. */
  public List<ContainerSummary> list(String project) {
    ensureOpen();
    return fleet.list(project);
  }

  /**
   * Cross-checks the project at or above {@code projectRoot} with the engine: persistent
   * containers without an instance directory (orphaned), instance directories without a container
   * (stale), and how many match.
   *
   * @throws ProjectNotInitializedException when there is no project there
   * @throws ConfigException when its config is malformed
   */
  public DoctorReport doctor(Path projectRoot) {
    ensureOpen();
    return fleet.doctor(projectRoot);
  }

  /** The run listener for a container: its instance journal, or nothing. */
  RunListener runListener(ContainerSpec spec, String name) {
    InstanceJournal journal = InstanceJournal.forContainer(project, spec, name);
    return journal == null ? RunListener.NONE : journal;
  }

  /** Writes the instance record of a persistent project container. */
  void recordInstance(ContainerSpec spec, String name, String id) {
    InstanceJournal journal = InstanceJournal.forContainer(project, spec, name);
    if (journal != null) {
      journal.record(spec, name, id, false);
    }
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
    if (reaperThread != null) {
      reaperThread.interrupt(); // closes its channel if it still waits for the engine
    }
    removeOpenContainers();
    engine.close();
  }

  /** Chooses the engine socket. */
  public static final class Builder {
    private final Map<String, String> env;
    private final Path home;
    private @Nullable Path socket;
    private @Nullable Project project;
    private boolean findProject = true;
    private Path workingDirectory = Path.of(System.getProperty("user.dir", "."));
    private @Nullable Boolean fastExec;
    private boolean reapOnConnect = true;
    private @Nullable ByteSize defaultMemoryLimit;
    private java.util.function.@Nullable Consumer<String> requestLog;

    Builder(Map<String, String> env, Path home) {
      this.env = env;
      this.home = home;
    }

    /** Works in this project (its socket, defaults and labels) instead of looking for one. */
    public Builder project(Project value) {
      project = value;
      findProject = false;
      return this;
    }

    /** Works in no project, even when the working directory is inside one. */
    public Builder noProject() {
      project = null;
      findProject = false;
      return this;
    }

    /** Where the project search starts (default: the {@code user.dir} system property). */
    public Builder workingDirectory(Path value) {
      workingDirectory = value;
      return this;
    }

    /**
     * Turns the fast exec path on or off for every sandbox of this instance (default on, unless
     * {@code -Dpocketdock.fastExec=false} or {@code POCKET_DOCK_FAST_EXEC=0}). With it off, every
     * run goes through the engine's exec API. See docs/performance.md.
     */
    public Builder fastExec(boolean value) {
      fastExec = value;
      return this;
    }

    /**
     * Reports each engine request as one line ({@code GET /v1.41/containers/box/json -> 200 (2
     * ms)}), for diagnostics such as a CLI's {@code --verbose}. Called on the requesting thread.
     */
    public Builder requestLog(java.util.function.@Nullable Consumer<String> value) {
      requestLog = value;
      return this;
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
      Project active = findProject ? Project.find(workingDirectory).orElse(null) : project;
      String projectSocket = active == null ? null : active.config().socket();
      List<SocketCandidate> candidates = SocketDiscovery.candidates(socket, projectSocket, env, home);
      List<String> tried = new ArrayList<>();
      for (SocketCandidate c : candidates) {
        UnixSocketTransport transport = new UnixSocketTransport(c.path());
        transport.requestLog(requestLog);
        try {
          EngineEndpoint endpoint = EngineProbe.probe(c, transport);
          EngineInfo info =
              new EngineInfo(
                  endpoint.podman() ? EngineInfo.Kind.PODMAN : EngineInfo.Kind.DOCKER,
                  endpoint.version(),
                  endpoint.apiVersion(),
                  endpoint.socket(),
                  endpoint.source());
          PocketDock dock =
              new PocketDock(
                  new EngineContext(new EngineClient(transport, endpoint), info),
                  hostName(),
                  active,
                  this);
          dock.fastExec = fastExec != null ? fastExec : FastExec.enabledByDefault(env);
          return dock;
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
