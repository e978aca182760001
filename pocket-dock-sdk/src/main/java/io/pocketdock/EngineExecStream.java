package io.pocketdock;

import io.pocketdock.internal.frame.Frame;
import io.pocketdock.internal.frame.OutputCapture;
import io.pocketdock.internal.frame.StreamKind;
import io.pocketdock.internal.frame.TextDecoder;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ExecStream} of one {@link ExecCall}. Chunks are read from the engine on the caller's
 * own thread, one frame per {@code hasNext()} at most, so there is no reader thread and no buffer
 * between the engine and the consumer: a slow consumer leaves the engine's socket buffer full, and
 * the command blocks on its writes. A lock rather than {@code synchronized} guards the reading, so a
 * virtual thread blocked on the socket does not pin its carrier on Java 21.
 */
final class EngineExecStream implements ExecStream {
  private final ExecCall call;
  private OutputCapture capture;
  private final TextDecoder stdout = new TextDecoder();
  private final TextDecoder stderr = new TextDecoder();
  private final ArrayDeque<StreamChunk> ready = new ArrayDeque<>(2);
  private final Iterator<StreamChunk> iterator = new Chunks();
  private final ReentrantLock lock = new ReentrantLock();
  private volatile boolean ended;
  private volatile boolean closed;
  private @Nullable RuntimeException failure;
  private @Nullable ExecResult result;

  EngineExecStream(ExecCall call, long maxOutput) {
    this.call = call;
    this.capture = new OutputCapture(maxOutput);
  }

  @Override
  public String id() {
    return call.execId();
  }

  @Override
  public Iterator<StreamChunk> iterator() {
    return iterator;
  }

  @Override
  public ExecResult result() {
    lock.lock();
    try {
      return finish();
    } finally {
      lock.unlock();
    }
  }

  private ExecResult finish() {
    ExecResult done = result;
    if (done != null) {
      return done;
    }
    while (fill()) {
      ready.clear(); // already captured; nobody iterates any more
    }
    call.close();
    done =
        new ExecResult(
            call.exitCode(),
            capture.stdout(),
            capture.stderr(),
            call.elapsedMs(),
            call.timedOut(),
            capture.truncated());
    result = done;
    capture = new OutputCapture(0); // the result holds the text now; free the bytes
    return done;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ended) {
      call.close();
    } else {
      call.abort(); // wakes a reader blocked on the socket, and kills the process tree
      call.close();
    }
  }

  /** Makes a chunk ready if the command has more output; false at the end. */
  private boolean fill() {
    RuntimeException failed = failure;
    if (failed != null) {
      throw failed;
    }
    while (ready.isEmpty() && !ended) {
      Frame frame;
      try {
        frame = call.next();
      } catch (RuntimeException e) {
        failure = e;
        ended = true;
        call.close();
        throw e;
      }
      if (frame == null) {
        ended = true;
        add(StdStream.STDOUT, stdout.finish());
        add(StdStream.STDERR, stderr.finish());
      } else {
        capture.write(frame);
        boolean err = frame.stream() == StreamKind.STDERR;
        add(
            err ? StdStream.STDERR : StdStream.STDOUT,
            (err ? stderr : stdout).decode(frame.data()));
      }
    }
    return !ready.isEmpty();
  }

  private void add(StdStream stream, String text) {
    if (!text.isEmpty()) {
      ready.add(new StreamChunk(stream, text));
    }
  }

  /** Reads from the engine as the consumer asks. */
  private final class Chunks implements Iterator<StreamChunk> {
    @Override
    public boolean hasNext() {
      lock.lock();
      try {
        return fill();
      } finally {
        lock.unlock();
      }
    }

    @Override
    public StreamChunk next() {
      lock.lock();
      try {
        if (!fill()) {
          throw new NoSuchElementException("the command's output has ended");
        }
        return ready.remove();
      } finally {
        lock.unlock();
      }
    }
  }
}
