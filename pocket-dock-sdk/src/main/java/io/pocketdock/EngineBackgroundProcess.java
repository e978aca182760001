package io.pocketdock;

import io.pocketdock.internal.frame.Frame;
import io.pocketdock.internal.frame.RingBuffer;
import io.pocketdock.internal.frame.StreamKind;
import io.pocketdock.internal.frame.TextDecoder;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The {@link BackgroundProcess} of one {@link ExecCall}: a reader task on the dock's workers copies
 * its output into a ring buffer and the container's callbacks, then records the exit.
 */
final class EngineBackgroundProcess implements BackgroundProcess {
  private static final Pattern SIGNAL = Pattern.compile("[A-Z][A-Z0-9]{0,15}");

  private final ExecCall call;
  private final String container;
  private final RingBuffer ring;
  private final ProcessCallbacks callbacks;
  private final CompletableFuture<ExecResult> exit = new CompletableFuture<>();

  private EngineBackgroundProcess(
      ExecCall call, String container, int bufferSize, ProcessCallbacks callbacks) {
    this.call = call;
    this.container = container;
    this.ring = new RingBuffer(bufferSize);
    this.callbacks = callbacks;
  }

  /** Starts reading {@code call}'s output on {@code executor}. */
  static EngineBackgroundProcess start(
      ExecCall call,
      String container,
      int bufferSize,
      ProcessCallbacks callbacks,
      Executor executor) {
    EngineBackgroundProcess process =
        new EngineBackgroundProcess(call, container, bufferSize, callbacks);
    try {
      executor.execute(process::readToEnd);
    } catch (RejectedExecutionException e) {
      call.abort();
      throw new EngineCommunicationException(
          "run", container, "the PocketDock is closed; cannot read a background process", e);
    }
    return process;
  }

  private void readToEnd() {
    TextDecoder stdout = new TextDecoder();
    TextDecoder stderr = new TextDecoder();
    try {
      for (Frame f = call.next(); f != null; f = call.next()) {
        ring.write(f);
        boolean err = f.stream() == StreamKind.STDERR;
        publish(err ? StdStream.STDERR : StdStream.STDOUT, (err ? stderr : stdout).decode(f.data()));
      }
      publish(StdStream.STDOUT, stdout.finish());
      publish(StdStream.STDERR, stderr.finish());
      call.close();
      int code = call.exitCode();
      RingBuffer.Output left = ring.peek();
      ExecResult result =
          new ExecResult(
              code, left.stdout(), left.stderr(), call.elapsedMs(), call.timedOut(), ring.overflowed());
      // Callbacks first, so that whoever waitFor() wakes can rely on them having run.
      callbacks.exit(new ExitEvent(container, id(), result));
      exit.complete(result);
    } catch (RuntimeException e) {
      call.close();
      exit.completeExceptionally(e);
    }
  }

  private void publish(StdStream stream, String text) {
    if (!text.isEmpty()) {
      callbacks.output(new OutputEvent(container, id(), stream, text));
    }
  }

  @Override
  public String id() {
    return call.execId();
  }

  @Override
  public String container() {
    return container;
  }

  @Override
  public boolean isRunning() {
    return !exit.isDone();
  }

  @Override
  public void kill(String signal) {
    String name = signal.strip().toUpperCase(Locale.ROOT);
    if (name.startsWith("SIG")) {
      name = name.substring(3);
    }
    if (!SIGNAL.matcher(name).matches()) {
      throw new InvalidArgumentException(
          "kill", "not a signal name: '" + signal + "'", "use a name such as TERM, INT, KILL or HUP");
    }
    if (isRunning()) {
      call.signalRunning(name);
    }
  }

  @Override
  public Optional<ExecResult> waitFor(Duration timeout) {
    try {
      return Optional.of(exit.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      throw Failures.interrupted("wait", id(), e);
    } catch (ExecutionException e) {
      throw rethrow(e);
    }
  }

  @Override
  public ExecResult waitFor() {
    try {
      return exit.get();
    } catch (InterruptedException e) {
      throw Failures.interrupted("wait", id(), e);
    } catch (ExecutionException e) {
      throw rethrow(e);
    }
  }

  private RuntimeException rethrow(ExecutionException e) {
    return e.getCause() instanceof RuntimeException cause
        ? cause
        : new EngineCommunicationException("wait", id(), String.valueOf(e.getCause()), e);
  }

  @Override
  public CompletableFuture<ExecResult> onExit() {
    return exit.copy();
  }

  @Override
  public BufferedOutput read() {
    RingBuffer.Output o = ring.read();
    return new BufferedOutput(o.stdout(), o.stderr());
  }

  @Override
  public BufferedOutput peek() {
    RingBuffer.Output o = ring.peek();
    return new BufferedOutput(o.stdout(), o.stderr());
  }

  @Override
  public int bufferSize() {
    return ring.size();
  }

  @Override
  public boolean bufferOverflowed() {
    return ring.overflowed();
  }

  @Override
  public String toString() {
    return "BackgroundProcess[" + container + " " + id() + (isRunning() ? " running]" : " ended]");
  }
}
