package io.pocketdock;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Chooses, per blocking run, between the fast path (a helper already running in the sandbox, a few
 * milliseconds) and the engine's exec API (tens of milliseconds), and keeps one container's helpers.
 *
 * <p>The fast path is taken only when it gives exactly the exec API's result: the run uses the
 * container's default user (a helper runs as one user), the command is of modest size and has no
 * NUL characters. Whenever a helper cannot start or dies before the command starts, the run
 * silently goes through the exec API.
 *
 * <p>First choice is the native helper ({@link NativeChannel}): one per container, carrying every
 * run at once, when this SDK build bundles it ({@link HelperBinary}), the image is amd64 and {@value
 * #NATIVE_PROPERTY} is not {@code false}, and the root file system is writable. If it cannot start
 * in a container (the upload is refused, or it never says HELLO), that container uses the sh helper ({@link FastExecChannel}): one run per helper; the
 * first run of a container starts its first one, and concurrent runs beyond the idle ones use the
 * exec API while more (at most {@value #MAX_CHANNELS}) start in the background.
 */
final class FastExec implements AutoCloseable {
  static final int MAX_CHANNELS = 4;

  /** System property that turns the fast path off ({@code false}); wins over the variable. */
  static final String PROPERTY = "pocketdock.fastExec";

  /** Environment variable that turns the fast path off ({@code 0}, {@code false}, {@code off}). */
  static final String ENV = "POCKET_DOCK_FAST_EXEC";

  /** System property that turns the native helper off ({@code false}): the sh helper is used. */
  static final String NATIVE_PROPERTY = "pocketdock.fastExec.native";

  /** Helpers that fail to start before the container is given up on (e.g. no /bin/sh). */
  private static final int MAX_START_FAILURES = 2;

  private final EngineContext engine;
  private final boolean enabled;
  private final ConcurrentLinkedDeque<FastExecChannel> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger channels = new AtomicInteger(); // open or starting
  private final AtomicInteger startFailures = new AtomicInteger();
  private volatile boolean closed;

  private final @Nullable HelperBinary helper; // null: no native helper
  private final String image;
  private final Object nativeLock = new Object();
  private volatile @Nullable NativeChannel nativeChannel;
  private volatile boolean nativeUnavailable; // it could not start here: the sh helper it is
  private @Nullable Boolean nativeArchitecture; // guarded by nativeLock
  private @Nullable String installedIn; // guarded by nativeLock: the container id

  FastExec(EngineContext engine, boolean enabled, ContainerSpec spec) {
    this(engine, enabled, spec, nativeEnabledByDefault() ? HelperBinary.bundled().orElse(null) : null);
  }

  FastExec(
      EngineContext engine, boolean enabled, ContainerSpec spec, @Nullable HelperBinary helper) {
    this.engine = engine;
    this.enabled = enabled;
    this.image = spec.imageReference();
    // The helper goes into /.pocket-dock, which a read-only root file system refuses (Docker only
    // after reading the whole request body and a half-second wait): do not even try.
    boolean refused = spec.hardening().readOnlyRootfs();
    this.helper = refused ? null : helper;
  }

  /** The native helper is on unless the system property says {@code false} (or 0, off, no). */
  static boolean nativeEnabledByDefault() {
    String value = System.getProperty(NATIVE_PROPERTY);
    return value == null || !isOff(value);
  }

  private static boolean isOff(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return v.equals("0") || v.equals("false") || v.equals("off") || v.equals("no");
  }

  /** The default: on, unless the system property or the environment variable says off. */
  static boolean enabledByDefault(Map<String, String> env) {
    String value = System.getProperty(PROPERTY);
    if (value == null) {
      value = env.get(ENV);
    }
    return value == null || !isOff(value);
  }

  /** Runs {@code command} on the fast path when it can, else through {@code execApi}. */
  ExecResult run(
      String containerId,
      String target,
      String command,
      ExecOptions options,
      Duration fallbackTimeout,
      Supplier<ExecResult> execApi) {
    if (!eligible(command, options)) {
      return execApi.get();
    }
    Duration timeout = options.timeout() != null ? options.timeout() : fallbackTimeout;
    NativeChannel fast = nativeChannel(containerId);
    if (fast != null) {
      ExecResult result = fast.run(target, command, options, timeout);
      return result != null ? result : execApi.get();
    }
    if (startFailures.get() >= MAX_START_FAILURES) {
      return execApi.get();
    }
    FastExecChannel channel = take(containerId);
    if (channel == null) {
      return execApi.get();
    }
    ExecResult result = channel.run(target, command, options, timeout);
    giveBack(channel, result != null);
    return result != null ? result : execApi.get();
  }

  /** Starts the first helper now, so that the first run is already fast (warm pools). */
  void warmUp(String containerId) {
    if (enabled && nativeChannel(containerId) == null && reserve()) {
      FastExecChannel channel = start(containerId);
      if (channel != null) {
        giveBack(channel, true);
      }
    }
  }

  /** Closes every channel (the container is going away or restarting). Idempotent. */
  @Override
  public void close() {
    closed = true;
    closeNative();
    closeIdle();
  }

  /** Closes idle channels, e.g. after a reboot killed their helpers; new ones start on demand. */
  void reset() {
    synchronized (nativeLock) {
      closeNative();
      installedIn = null; // look again (one HEAD): a recreated root file system may not have it
      nativeUnavailable = false;
    }
    closeIdle();
  }

  /**
   * The container's native helper, started (and first installed) if need be; {@code null} when the
   * native path is off or cannot work in this container. Concurrent first runs wait for one start.
   */
  private @Nullable NativeChannel nativeChannel(String containerId) {
    HelperBinary binary = helper;
    if (binary == null || !enabled || nativeUnavailable || closed) {
      return null;
    }
    NativeChannel c = nativeChannel;
    if (c != null && c.isOpen() && c.containerId().equals(containerId)) {
      return c;
    }
    synchronized (nativeLock) {
      c = nativeChannel;
      if (c != null && c.isOpen() && c.containerId().equals(containerId)) {
        return c;
      }
      closeNative();
      if (nativeUnavailable || closed) {
        return null;
      }
      try {
        if (nativeArchitecture == null) {
          nativeArchitecture = HelperBinary.runsOn(engine, image);
        }
        if (!nativeArchitecture) {
          nativeUnavailable = true;
          return null;
        }
        if (!containerId.equals(installedIn)) {
          binary.install(engine, containerId);
          installedIn = containerId;
        }
        c = NativeChannel.open(engine, containerId, binary.path());
      } catch (IOException | RuntimeException cannot) {
        // Refused upload, no HELLO, engine trouble: this container uses the sh helper.
        installedIn = null;
        nativeUnavailable = true;
        return null;
      }
      nativeChannel = c;
      if (closed) {
        closeNative();
        return null;
      }
      return c;
    }
  }

  private void closeNative() {
    NativeChannel c = nativeChannel;
    nativeChannel = null;
    if (c != null) {
      c.close();
    }
  }

  private boolean eligible(String command, ExecOptions options) {
    if (!enabled || closed || options.user() != null) {
      return false;
    }
    if (command.length() > FastExecScript.MAX_COMMAND_CHARS || !FastExecScript.carries(command)) {
      return false;
    }
    if (options.workdir() != null && !FastExecScript.carries(options.workdir())) {
      return false;
    }
    for (Map.Entry<String, String> e : options.env().entrySet()) {
      if (!FastExecScript.carries(e.getKey()) || !FastExecScript.carries(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private @Nullable FastExecChannel take(String containerId) {
    for (FastExecChannel c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      if (c.isOpen() && c.containerId().equals(containerId)) {
        return c;
      }
      discard(c);
    }
    if (channels.get() == 0) {
      // The container's first run: starting a helper costs about what one exec does.
      return reserve() ? start(containerId) : null;
    }
    if (reserve()) {
      try {
        engine.workers.execute(
            () -> {
              FastExecChannel c = start(containerId);
              if (c != null) {
                giveBack(c, true);
              }
            });
      } catch (RuntimeException rejected) {
        channels.decrementAndGet(); // the dock is closing
      }
    }
    return null;
  }

  /** Counts a channel about to start, if there is room for one. */
  private boolean reserve() {
    while (true) {
      int n = channels.get();
      if (n >= MAX_CHANNELS || closed) {
        return false;
      }
      if (channels.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  private @Nullable FastExecChannel start(String containerId) {
    try {
      return FastExecChannel.open(engine, containerId);
    } catch (IOException | RuntimeException e) {
      channels.decrementAndGet();
      startFailures.incrementAndGet();
      return null;
    }
  }

  private void giveBack(FastExecChannel channel, boolean worked) {
    if (!channel.isOpen()) {
      channels.decrementAndGet();
      if (!worked && !channel.completedARun()) {
        startFailures.incrementAndGet(); // the helper died before its first run: it cannot start
      }
      return;
    }
    idle.offerFirst(channel);
    if (closed && idle.remove(channel)) {
      discard(channel);
    }
  }

  private void discard(FastExecChannel channel) {
    channel.close();
    channels.decrementAndGet();
  }

  private void closeIdle() {
    for (FastExecChannel c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      discard(c);
    }
  }
}
