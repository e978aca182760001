package io.pocketdock;

import io.pocketdock.internal.frame.Frame;
import io.pocketdock.internal.frame.OutputCapture;
import io.pocketdock.internal.frame.StreamDemuxer;
import io.pocketdock.internal.frame.StreamKind;
import io.pocketdock.internal.http.HttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The native fast-exec helper ({@link HelperBinary}) running in one sandbox, reached over its exec's
 * upgraded connection. Every blocking run of the sandbox shares it: requests ({@link HelperFrames})
 * go to its stdin under a lock, and one platform daemon thread reads its stdout, demultiplexes the
 * responses by run id and fills each run's {@link OutputCapture}, so the output cap, stream
 * separation and truncation behave as on the other paths.
 */
final class NativeChannel implements AutoCloseable {
  /** How long a helper may take to say HELLO before the sandbox is deemed unable to run it. */
  private static final Duration HELLO_TIMEOUT = Duration.ofSeconds(10);

  private final EngineContext engine;
  private final String containerId;
  private final HttpResponse connection;
  private final OutputStream stdin;
  private final Map<Integer, Run> runs = new ConcurrentHashMap<>();
  private final AtomicInteger nextRun = new AtomicInteger();
  private final CountDownLatch hello = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();

  /** One run in flight: filled by the reader thread, read by the caller once {@link #over}. */
  private static final class Run {
    final OutputCapture capture;
    final RunState state = new RunState();
    final CountDownLatch over = new CountDownLatch(1);
    volatile boolean notStarted;
    volatile boolean lost;
    volatile boolean exited;

    Run(OutputCapture capture) {
      this.capture = capture;
    }
  }

  private NativeChannel(EngineContext engine, String containerId, HttpResponse connection) {
    this.engine = engine;
    this.containerId = containerId;
    this.connection = connection;
    this.stdin = connection.upgradedOutput();
  }

  /**
   * Starts the helper at {@code path} as the container's default user and waits for its HELLO.
   * Throws when it cannot start (no exec permission, wrong architecture, engine refusal).
   */
  static NativeChannel open(EngineContext engine, String containerId, String path)
      throws IOException {
    HttpResponse response = engine.client.startAttached(containerId, List.of(path), List.of()).connection();
    NativeChannel channel;
    try {
      channel = new NativeChannel(engine, containerId, response);
      Thread reader = new Thread(channel::read, "pocket-dock-native-exec-" + shortId(containerId));
      reader.setDaemon(true);
      reader.start();
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
    try {
      if (!channel.hello.await(HELLO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || !channel.isOpen()) {
        channel.close();
        throw new IOException("the native helper did not start");
      }
    } catch (InterruptedException e) {
      channel.close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the native helper started", e);
    }
    return channel;
  }

  String containerId() {
    return containerId;
  }

  boolean isOpen() {
    return !closed.get();
  }

  /**
   * Runs one command. Returns {@code null} when it certainly did not start (the helper refused it,
   * e.g. a missing working directory, or is gone): the caller runs it through the exec API, which
   * reports it as it always does.
   */
  @Nullable ExecResult run(String target, String command, ExecOptions options, Duration timeout) {
    String token = CommandRunner.token();
    Map<String, String> env = new LinkedHashMap<>(options.env());
    env.remove(KillScript.ENV);
    env.put(KillScript.ENV, token); // last, so the run's tree can always be found and killed
    int id = nextRun.incrementAndGet();
    byte[] request = HelperFrames.run(id, options.workdir(), env, command);
    if (request == null || !isOpen()) {
      return null;
    }
    Run run = new Run(new OutputCapture(options.maxOutput()));
    runs.put(id, run);
    long started = System.nanoTime();
    RunTimeout timer = new RunTimeout(engine, timeout, () -> kill(token), () -> giveUp(id, run));
    try (timer) {
      if (!isOpen()) {
        return null; // closed between the check and the registration: the reader may be gone
      }
      synchronized (stdin) {
        stdin.write(request);
        stdin.flush();
      }
      run.over.await();
    } catch (IOException e) {
      close();
      run.lost = true;
    } catch (InterruptedException e) {
      engine.workers.execute(() -> kill(token));
      throw Failures.interrupted("run", target, e);
    } finally {
      runs.remove(id);
    }
    if (!run.state.started || run.notStarted) {
      return null;
    }
    if (run.lost && !run.exited && !timer.timedOut()) {
      engine.workers.execute(() -> kill(token)); // nothing of the run keeps going unseen
      return run.state.lost(engine, containerId, target, run.capture, started);
    }
    long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    boolean timedOut = timer.timedOut();
    int exitCode = timedOut ? ExecResult.TIMEOUT_EXIT_CODE : run.state.exitCode;
    OutputCapture c = run.capture;
    return new ExecResult(exitCode, c.stdout(), c.stderr(), durationMs, timedOut, c.truncated());
  }

  /** Kills every process of the run with {@code token}, as the helper's (the default) user. */
  private void kill(String token) {
    new CommandRunner(engine).kill(containerId, null, token, "KILL");
  }

  /** Even the kill did not end the run: return what it has, timed out; the helper goes on. */
  private void giveUp(int id, Run run) {
    runs.remove(id);
    run.lost = true;
    run.over.countDown();
  }

  /** The reader thread: responses to their runs until the helper's output ends. */
  private void read() {
    HelperFrames.Decoder decoder = new HelperFrames.Decoder();
    try {
      StreamDemuxer frames = new StreamDemuxer(connection.body());
      for (Frame f = frames.next(); f != null; f = frames.next()) {
        if (f.stream() != StreamKind.STDERR) { // the helper writes nothing there
          decoder.feed(f.data(), 0, f.data().length, this::dispatch);
        }
      }
    } catch (IOException | RuntimeException e) {
      // The helper, its exec or the engine went away, or it spoke garbage: the same for its runs.
    } finally {
      close();
    }
  }

  private void dispatch(HelperFrames.Response r) {
    if (r.type() == HelperFrames.HELLO) {
      hello.countDown();
      return;
    }
    Run run = runs.get(r.run());
    if (run == null) {
      return; // given up
    }
    switch (r.type()) {
      case HelperFrames.STARTED -> run.state.started = true;
      case HelperFrames.OUT -> run.capture.write(StreamKind.STDOUT, r.payload(), 0, r.payload().length);
      case HelperFrames.ERR -> run.capture.write(StreamKind.STDERR, r.payload(), 0, r.payload().length);
      case HelperFrames.EXIT -> {
        run.state.exitCode = r.exitStatus();
        run.exited = true;
        run.over.countDown();
      }
      case HelperFrames.NOT_STARTED -> {
        run.notStarted = true;
        run.over.countDown();
      }
      default -> {
        // The decoder lets no other type through.
      }
    }
  }

  /**
   * Closes the connection: the helper reads end of input and exits; runs in flight end as lost.
   * Idempotent.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connection.close();
      hello.countDown();
      for (Run run : runs.values()) {
        run.lost = true;
        run.over.countDown();
      }
    }
  }

  private static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
