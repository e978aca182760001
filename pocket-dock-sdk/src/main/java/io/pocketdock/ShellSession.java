package io.pocketdock;

import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.frame.Frame;
import io.pocketdock.internal.frame.OutputCapture;
import io.pocketdock.internal.frame.RingBuffer;
import io.pocketdock.internal.frame.StreamDemuxer;
import io.pocketdock.internal.frame.StreamKind;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Session} backed by one exec of a shell with stdin attached over a hijacked connection.
 * One reader thread de-frames its output and splits it with a {@link SentinelStream} per stream;
 * {@link #sendAndWait} writes a {@link SessionProtocol} command and waits for both end markers.
 */
final class ShellSession implements Session {
  /** Picks bash when the image has it: its stdin reading is byte-exact and its errors are clearer. */
  private static final List<String> SHELL =
      List.of("/bin/sh", "-c", "if [ -x /bin/bash ]; then exec /bin/bash; fi; exec /bin/sh");

  /** How long an interrupted command gets to end after each signal. */
  private static final Duration SIGNAL_GRACE = Duration.ofSeconds(2);

  private final EngineContext engine;
  private final CommandRunner runner;
  private final String containerId;
  private final String target;
  private final String token;
  private final String shellToken;
  private final String execId;
  private final Duration defaultTimeout;
  private final Runnable onClosed;
  private final HttpResponse stream;
  private final OutputStream stdin;
  private final Object monitor = new Object();
  private final ReentrantLock commandLock = new ReentrantLock(true);
  private final RingBuffer loose = new RingBuffer();
  private final SentinelStream out;
  private final SentinelStream err;
  private final TextChunks outText = new TextChunks();
  private final TextChunks errText = new TextChunks();
  private final List<String> pendingCallbacks = new ArrayList<>();
  private volatile @Nullable Consumer<String> callback;
  private @Nullable OutputCapture current;
  private volatile @Nullable String closedReason;

  private ShellSession(
      EngineContext engine,
      CommandRunner runner,
      String containerId,
      String target,
      String token,
      String shellToken,
      String execId,
      Duration defaultTimeout,
      Runnable onClosed,
      HttpResponse stream) {
    this.engine = engine;
    this.runner = runner;
    this.containerId = containerId;
    this.target = target;
    this.token = token;
    this.shellToken = shellToken;
    this.execId = execId;
    this.defaultTimeout = defaultTimeout;
    this.onClosed = onClosed;
    this.stream = stream;
    this.stdin = stream.upgradedOutput();
    this.out = new SentinelStream(true, sink(StreamKind.STDOUT));
    this.err = new SentinelStream(false, sink(StreamKind.STDERR));
  }

  /** Starts the shell's exec and its reader. */
  static ShellSession open(
      EngineContext engine,
      CommandRunner runner,
      String containerId,
      String target,
      Duration defaultTimeout,
      Consumer<ShellSession> onClosed) {
    String token = CommandRunner.token();
    String shellToken = CommandRunner.token();
    HttpResponse response;
    String execId;
    try {
      EngineClient.Attached exec =
          engine.client.startAttached(
              containerId,
              SHELL,
              List.of(KillScript.ENV + "=" + token, SessionProtocol.SHELL_ENV + "=" + shellToken));
      execId = exec.execId();
      response = exec.connection();
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("session", target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      throw Failures.fromIo("session", target, engine.socket(), e);
    }
    ShellSession[] self = new ShellSession[1];
    ShellSession session =
        new ShellSession(
            engine, runner, containerId, target, token, shellToken, execId, defaultTimeout,
            () -> onClosed.accept(self[0]), response);
    self[0] = session;
    // A platform thread: waking a waiting caller from it is a direct hand-off, where a virtual
    // thread's wake-up goes through the carrier pool's scheduling (measured: ~0.2 ms per command).
    Thread reader = new Thread(session::readLoop, "pocket-dock-session-" + execId.substring(0, Math.min(12, execId.length())));
    reader.setDaemon(true);
    reader.start();
    session.write("session", SessionProtocol.SETUP);
    return session;
  }

  @Override
  public void send(String command) {
    ensureOpen("send");
    write("send", SessionProtocol.fireAndForget(command));
  }

  @Override
  public ExecResult sendAndWait(String command) {
    return sendAndWait(command, defaultTimeout);
  }

  @Override
  public ExecResult sendAndWait(String command, Duration timeout) {
    if (timeout.isZero() || timeout.isNegative()) {
      throw InvalidArgumentException.of("sendAndWait", "timeout must be positive: " + timeout);
    }
    ensureOpen("sendAndWait");
    try {
      commandLock.lockInterruptibly();
    } catch (InterruptedException e) {
      throw Failures.interrupted("sendAndWait", target, e);
    }
    try {
      ensureOpen("sendAndWait");
      return waitFor(command, timeout);
    } finally {
      synchronized (monitor) {
        current = null;
      }
      commandLock.unlock();
    }
  }

  private ExecResult waitFor(String command, Duration timeout) {
    String id = CommandRunner.token();
    String commandToken = CommandRunner.token();
    OutputCapture capture = new OutputCapture(ExecOptions.DEFAULT_MAX_OUTPUT);
    synchronized (monitor) {
      current = capture;
      out.expect(id);
      err.expect(id);
    }
    long started = System.nanoTime();
    write("sendAndWait", SessionProtocol.wrap(command, id, commandToken));
    boolean finished = await(started + timeout.toNanos());
    boolean timedOut = false;
    if (!finished && isOpen()) {
      timedOut = true;
      finished = interrupt(commandToken);
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (!finished && !timedOut) {
      throw new SessionClosedException("sendAndWait", target, String.valueOf(closedReason));
    }
    int exit = timedOut ? ExecResult.TIMEOUT_EXIT_CODE : out.exitCode();
    return new ExecResult(exit, capture.stdout(), capture.stderr(), ms, timedOut, capture.truncated());
  }

  /**
   * SIGINT to the shell (its trap leaves the command line once the current child ends) and to the
   * command's processes, then SIGKILL to those processes; closes the session if neither ends it.
   */
  private boolean interrupt(String commandToken) {
    runner.kill(containerId, null, SessionProtocol.SHELL_ENV, shellToken, "INT");
    for (String signal : List.of("INT", "KILL")) {
      runner.kill(containerId, null, SessionProtocol.COMMAND_ENV, commandToken, signal);
      if (await(System.nanoTime() + SIGNAL_GRACE.toNanos())) {
        return true;
      }
    }
    closeWith("a command ran past its timeout and could not be interrupted", true);
    return false;
  }

  private boolean await(long deadlineNanos) {
    synchronized (monitor) {
      while (!(out.done() && err.done()) && closedReason == null) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(monitor, left);
        } catch (InterruptedException e) {
          closeWith("interrupted while waiting for a command", true);
          throw Failures.interrupted("sendAndWait", target, e);
        }
      }
      return out.done() && err.done();
    }
  }

  @Override
  public String read() {
    ensureOpen("read");
    return loose.read().stdout();
  }

  @Override
  public void onOutput(Consumer<String> callback) {
    ensureOpen("onOutput");
    this.callback = callback;
  }

  @Override
  public boolean isOpen() {
    return closedReason == null;
  }

  @Override
  public Optional<String> closedReason() {
    return Optional.ofNullable(closedReason);
  }

  @Override
  public void close() {
    closeWith("closed by the caller", true);
  }

  /** Closes without signalling anything: the container is going away. */
  void closeForShutdown() {
    closeWith("the container shut down", false);
  }

  private void closeWith(String reason, boolean killProcesses) {
    synchronized (monitor) {
      if (closedReason != null) {
        return;
      }
      closedReason = reason;
      monitor.notifyAll();
    }
    onClosed.run();
    try {
      stdin.close(); // end of input: the shell exits by itself
    } catch (IOException e) {
      // Already broken: nothing to tell the shell.
    }
    if (killProcesses) {
      runner.kill(containerId, null, KillScript.ENV, token, "KILL");
    }
    stream.close();
  }

  private void readLoop() {
    String reason;
    try (StreamDemuxer frames = new StreamDemuxer(stream.body())) {
      for (Frame f = frames.next(); f != null; f = frames.next()) {
        List<String> texts;
        synchronized (monitor) {
          (f.stream() == StreamKind.STDERR ? err : out).feed(f.data(), 0, f.data().length);
          if (out.done() && err.done()) {
            monitor.notifyAll(); // the caller waits for both end markers, not for each frame
          }
          texts = new ArrayList<>(pendingCallbacks);
          pendingCallbacks.clear();
        }
        deliver(texts);
      }
      reason = "the shell exited" + exitCode();
    } catch (IOException e) {
      reason = "the engine connection broke (" + e.getMessage() + ")";
    }
    closeWith(reason, true);
  }

  /** Describes how the shell ended, from the engine; quietly, since the container may be gone. */
  private String exitCode() {
    try {
      for (int i = 0; i < 50; i++) {
        JsonObject state = engine.client.inspectExec(execId);
        if (!state.bool("Running", false) && state.has("ExitCode")) {
          return " with code " + state.longValue("ExitCode", -1);
        }
        TimeUnit.MILLISECONDS.sleep(20);
      }
    } catch (IOException | RuntimeException e) {
      return " (the container is gone or stopped)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "";
  }

  private void deliver(List<String> texts) {
    Consumer<String> c = callback;
    if (c == null) {
      return;
    }
    for (String text : texts) {
      try {
        c.accept(text);
      } catch (RuntimeException e) {
        // A failing callback must not stop the reader; the output is still in read().
      }
    }
  }

  private SentinelStream.Sink sink(StreamKind kind) {
    TextChunks text = kind == StreamKind.STDOUT ? outText : errText;
    return new SentinelStream.Sink() {
      @Override
      public void loose(byte[] bytes, int off, int len) {
        loose.write(StreamKind.STDOUT, bytes, off, len);
        queue(text.decode(bytes, off, len));
      }

      @Override
      public void command(byte[] bytes, int off, int len) {
        OutputCapture c = current;
        if (c != null) {
          c.write(kind, bytes, off, len);
        }
        queue(text.decode(bytes, off, len));
      }
    };
  }

  private void queue(String text) {
    if (!text.isEmpty() && callback != null) {
      pendingCallbacks.add(text);
    }
  }

  private void write(String operation, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      synchronized (stdin) {
        stdin.write(bytes);
      }
    } catch (IOException e) {
      closeWith("the engine connection broke (" + e.getMessage() + ")", false);
      throw new SessionClosedException(operation, target, String.valueOf(closedReason));
    }
  }

  private void ensureOpen(String operation) {
    String reason = closedReason;
    if (reason != null) {
      throw new SessionClosedException(operation, target, reason);
    }
  }

}
