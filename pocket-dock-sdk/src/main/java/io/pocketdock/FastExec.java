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
 * Chooses, per blocking run, between the fast path (a warm {@link FastExecChannel}, a few
 * milliseconds) and the engine's exec API (tens of milliseconds), and keeps one container's
 * channels.
 *
 * <p>The fast path is taken only when it gives exactly the exec API's result: the run uses the
 * container's default user (a helper runs as one user), the command is of modest size and has no
 * NUL characters, and a channel is idle. Otherwise, and whenever a helper cannot start or dies
 * before the command starts, the run silently goes through the exec API. The first run of a
 * container starts its first helper; concurrent runs beyond the idle channels use the exec API
 * while more helpers (at most {@value #MAX_CHANNELS}) start in the background.
 */
final class FastExec implements AutoCloseable {
  static final int MAX_CHANNELS = 4;

  /** System property that turns the fast path off ({@code false}); wins over the variable. */
  static final String PROPERTY = "pocketdock.fastExec";

  /** Environment variable that turns the fast path off ({@code 0}, {@code false}, {@code off}). */
  static final String ENV = "POCKET_DOCK_FAST_EXEC";

  /** Helpers that fail to start before the container is given up on (e.g. no /bin/sh). */
  private static final int MAX_START_FAILURES = 2;

  private final EngineContext engine;
  private final boolean enabled;
  private final ConcurrentLinkedDeque<FastExecChannel> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger channels = new AtomicInteger(); // open or starting
  private final AtomicInteger startFailures = new AtomicInteger();
  private volatile boolean closed;

  FastExec(EngineContext engine, boolean enabled) {
    this.engine = engine;
    this.enabled = enabled;
  }

  /** The default: on, unless the system property or the environment variable says off. */
  static boolean enabledByDefault(Map<String, String> env) {
    String value = System.getProperty(PROPERTY);
    if (value == null) {
      value = env.get(ENV);
    }
    if (value == null) {
      return true;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    return !(v.equals("0") || v.equals("false") || v.equals("off") || v.equals("no"));
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
    FastExecChannel channel = take(containerId);
    if (channel == null) {
      return execApi.get();
    }
    Duration timeout = options.timeout() != null ? options.timeout() : fallbackTimeout;
    ExecResult result = channel.run(target, command, options, timeout);
    giveBack(channel, result != null);
    return result != null ? result : execApi.get();
  }

  /** Starts the first helper now, so that the first run is already fast (warm pools). */
  void warmUp(String containerId) {
    if (enabled && reserve()) {
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
    closeIdle();
  }

  /** Closes idle channels, e.g. after a reboot killed their helpers; new ones start on demand. */
  void reset() {
    closeIdle();
  }

  private boolean eligible(String command, ExecOptions options) {
    if (!enabled || closed || options.user() != null || startFailures.get() >= MAX_START_FAILURES) {
      return false;
    }
    if (command.length() > FastExecScript.MAX_COMMAND_CHARS || !FastExecScript.carries(command)) {
      return false;
    }
    if (options.workdir() != null && !FastExecScript.carries(options.workdir())) {
      return false;
    }
    for (Map.Entry<String, String> e : options.env().entrySet()) {
      if (!FastExecScript.carries(e.getValue())) {
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
