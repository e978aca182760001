package io.pocketdock.mcp;

import io.pocketdock.Container;
import io.pocketdock.ContainerSpec;
import io.pocketdock.PocketDock;
import io.pocketdock.PocketDockException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The sandboxes this server created for its client, and nothing else: tools cannot reach other
 * containers on the engine. Enforces the per-client limit and labels each sandbox with the
 * server's id. {@link #close()} (the client disconnected) removes them, stopping persistent ones.
 * Persistent sandboxes of earlier runs join only through {@link #resume}.
 *
 * <p>A sandbox with default settings comes from the {@link WarmPool} when one is ready ({@code
 * --warm}), started as soon as the engine is connected; to the model it is like any other.
 */
final class Sandboxes implements AutoCloseable {
  /** The label on every sandbox this server creates; its value is the server's id. */
  static final String SERVER_LABEL = "io.pocketdock.mcp.server";

  /**
   * The label on every sandbox any run of the server creates, so a later run can find the
   * persistent ones (the server label changes with every run).
   */
  static final String MANAGED_LABEL = "io.pocketdock.mcp.managed";

  private static final long CLOSE_WAIT_SECONDS = 30;

  private final Supplier<PocketDock> dock;
  private final ServerOptions options;
  private final String serverId = UUID.randomUUID().toString();
  private final WarmPool warm;
  private final Map<String, Sandbox> byId = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch closedDown = new CountDownLatch(1);

  Sandboxes(Supplier<PocketDock> dock, ServerOptions options) {
    this.dock = dock;
    this.options = options;
    this.warm = new WarmPool(options.warm(), spec(SandboxTools.requested(new Args(null), options), null));
  }

  /**
   * Connects to the engine now, so the pool starts warming before the first call.
   *
   * @throws io.pocketdock.PocketDockException when no engine answers (tools connect again later)
   */
  void connect() {
    dock();
  }

  /** The engine, connected on first use; the warm pool starts with the first connection. */
  private PocketDock dock() {
    PocketDock d = dock.get();
    warm.start(d);
    return d;
  }

  String serverId() {
    return serverId;
  }

  ServerOptions options() {
    return options;
  }

  /**
   * Creates a sandbox within the limit; the builder carries what the model asked for, this adds
   * the labels and the operator's volumes. {@code image} (a snapshot) replaces the operator's
   * {@code --image} and the profile's image when given.
   */
  synchronized Sandbox create(
      ContainerSpec.Builder builder, String profile, boolean network, @Nullable String image) {
    checkRoom();
    ContainerSpec spec = spec(builder, image);
    PocketDock d = dock();
    Container warmed = warm.take(spec);
    Sandbox sandbox =
        warmed != null
            ? new Sandbox(warmed, profile, network, warm::release)
            : new Sandbox(d.create(spec), profile, network);
    byId.put(sandbox.id(), sandbox);
    return sandbox;
  }

  /**
   * The spec of a sandbox the model asked for with {@code builder}: the server's labels and the
   * operator's volumes added; {@code image} (a snapshot), else {@code --image}, else the profile's.
   */
  ContainerSpec spec(ContainerSpec.Builder builder, @Nullable String image) {
    Map<String, String> labels = new LinkedHashMap<>(options.labels());
    labels.put(SERVER_LABEL, serverId);
    labels.put(MANAGED_LABEL, "true");
    return builder
        .labels(labels)
        .image(image != null ? image : options.image())
        .volumes(options.volumes())
        .build();
  }

  /** Whether {@code sandbox_create} with {@code spec} takes a warm sandbox (when one is ready). */
  boolean warmable(ContainerSpec spec) {
    return warm.serves(spec);
  }

  /**
   * Starts a persistent sandbox an earlier run of this server left stopped, and holds it like one
   * created here (within the limit; stopped again when the client disconnects).
   */
  synchronized Sandbox resume(String id) {
    if (byId.containsKey(id)) {
      throw new ToolError("sandbox '" + id + "' is already in this session", "use it directly");
    }
    checkRoom();
    Container container = EarlierSandboxes.resume(dock(), options, id);
    boolean network = Boolean.TRUE.equals(container.spec().network());
    Sandbox sandbox = new Sandbox(container, container.spec().profile(), network);
    byId.put(sandbox.id(), sandbox);
    return sandbox;
  }

  /** Persistent sandboxes of earlier runs that {@link #resume} can take up. */
  List<EarlierSandboxes.Found> earlier() {
    return EarlierSandboxes.find(dock(), options, byId.keySet());
  }

  private void checkRoom() {
    if (closed) {
      throw new ToolError("the server is shutting down");
    }
    if (byId.size() >= options.maxSandboxes()) {
      throw new ToolError(
          "this session already holds " + byId.size() + " sandboxes, the most allowed",
          "shut one down with sandbox_shutdown (sandbox_list shows them), or reuse one");
    }
  }

  /** The sandbox with this id, if this server created it and it is still up. */
  Sandbox get(@Nullable String id) {
    Sandbox s = id == null ? null : byId.get(id);
    if (s == null) {
      throw new ToolError(
          "no sandbox '" + id + "' in this session",
          "sandbox_list shows the sandboxes of this session; sandbox_create makes one");
    }
    return s;
  }

  List<Sandbox> all() {
    List<Sandbox> list = new ArrayList<>(byId.values());
    list.sort(Comparator.comparing(Sandbox::createdAt));
    return list;
  }

  int remaining() {
    return options.maxSandboxes() - byId.size();
  }

  /** Shuts one sandbox down and forgets it. */
  void shutdown(Sandbox sandbox) {
    byId.remove(sandbox.id());
    sandbox.close();
  }

  /**
   * Shuts every sandbox down, in parallel, then removes the warm ones; failures are reported to
   * stderr and skipped. A second caller (the JVM exit hook, when SIGTERM follows end of input)
   * waits for the first to finish: the JVM does not wait for ordinary threads once it exits, so it
   * must not halt mid-cleanup.
   */
  @Override
  public void close() {
    closed = true;
    if (!closing.compareAndSet(false, true)) {
      try {
        closedDown.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    try {
      shutdownAll();
      warm.close();
    } finally {
      closedDown.countDown();
    }
  }

  private void shutdownAll() {
    List<Sandbox> left = new ArrayList<>(byId.values());
    byId.clear();
    List<Thread> threads = new ArrayList<>();
    for (Sandbox s : left) {
      Thread t = new Thread(() -> closeQuietly(s), "pocket-dock-mcp-cleanup");
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void closeQuietly(Sandbox s) {
    try {
      s.close();
    } catch (PocketDockException | IllegalStateException e) {
      System.err.println("pocket-dock mcp: could not shut down " + s.id() + ": " + e.getMessage());
    }
  }
}
