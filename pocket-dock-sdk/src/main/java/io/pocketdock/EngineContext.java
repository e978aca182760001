package io.pocketdock;

import io.pocketdock.internal.engine.EngineClient;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every handle of one {@link PocketDock} shares: the engine client, a timer thread for run
 * timeouts, and the workers that run async calls and kills. All threads are daemons and end with
 * {@link #close()}, so an application that forgets to close still exits.
 */
final class EngineContext implements AutoCloseable {
  final EngineClient client;
  final EngineInfo info;
  final ScheduledExecutorService timers;
  final ExecutorService workers;

  EngineContext(EngineClient client, EngineInfo info) {
    this.client = client;
    this.info = info;
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemon("pocket-dock-timer"));
    t.setRemoveOnCancelPolicy(true);
    this.timers = t;
    this.workers = workerPool();
  }

  String socket() {
    return info.socket().toString();
  }

  /** Runs an engine call that needs no result, ignoring failure (best-effort cleanup). */
  void quietly(EngineCall call) {
    try {
      call.run();
    } catch (IOException | RuntimeException e) {
      // Cleanup is best effort: the container may already be gone, which is what we wanted.
    }
  }

  /** An engine call that may fail with I/O. */
  @FunctionalInterface
  interface EngineCall {
    void run() throws IOException;
  }

  /**
   * System property: {@code false} makes the workers platform daemon threads even on 21+. For short
   * processes such as the CLI: once a virtual thread has done socket I/O, the JDK's poller thread
   * waits in native code for good, and {@code System.exit} then waits 300 ms for it.
   */
  static final String VIRTUAL_THREADS = "pocketdock.virtualThreads";

  /**
   * Virtual threads when the JVM has them (21+) and {@link #VIRTUAL_THREADS} is not {@code false},
   * else a cached pool of daemon threads. Looked up
   * reflectively because the SDK compiles against Java 17.
   */
  private static ExecutorService workerPool() {
    if ("false".equals(System.getProperty(VIRTUAL_THREADS))) {
      return Executors.newCachedThreadPool(daemon("pocket-dock-worker"));
    }
    try {
      return (ExecutorService)
          MethodHandles.publicLookup()
              .findStatic(
                  Executors.class,
                  "newVirtualThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class))
              .invoke();
    } catch (Throwable noVirtualThreads) {
      return Executors.newCachedThreadPool(daemon("pocket-dock-worker"));
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    timers.shutdownNow();
    workers.shutdownNow();
    client.close();
  }
}
