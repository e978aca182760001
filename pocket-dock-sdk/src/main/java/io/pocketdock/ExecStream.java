package io.pocketdock;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

/**
 * A running command whose output you read as it arrives. Get one from {@link
 * Container#stream(String)}; close it, best with try-with-resources.
 *
 * <pre>{@code
 * try (ExecStream s = box.stream("for i in 1 2 3; do echo $i; sleep 1; done")) {
 *   for (StreamChunk c : s) {
 *     System.out.print(c.data()); // 1, then 2 a second later, then 3
 *   }
 *   ExecResult r = s.result(); // exit code, duration, and the output captured up to maxOutput
 * }
 * }</pre>
 *
 * <p>Output is read from the engine only as fast as you iterate: nothing is buffered in between, so
 * a slow consumer makes the command wait (its writes block) rather than fill the heap. Stdout and
 * stderr arrive apart, each in order. Iterate once, from one thread. {@link #close()} may be called
 * from any thread; closing before the end kills the command's whole process tree and frees the
 * connection, after which iteration ends quietly.
 */
public interface ExecStream extends Iterable<StreamChunk>, AutoCloseable {

  /** The engine's exec id, for logs and errors. */
  String id();

  /**
   * The chunks, read as you go; the same single iterator on every call.
   *
   * <p>{@code hasNext()} blocks until output arrives or the command ends.
   *
   * @throws EngineCommunicationException (from {@code hasNext()}) if the engine connection breaks
   */
  @Override
  Iterator<StreamChunk> iterator();

  /** The chunks as a sequential {@link java.util.stream.Stream}; closing it closes this. */
  default java.util.stream.Stream<StreamChunk> chunks() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * Waits for the command to end and returns its result. Output not yet iterated is read and
   * discarded (but still captured, up to {@code maxOutput}, into the result). After a full
   * iteration it returns at once; after an early {@link #close()} it reports the killed command
   * with exit code 137 (SIGKILL), or 124 if its timeout had passed.
   */
  ExecResult result();

  /** Kills the command if it is still running and frees the connection. Idempotent. */
  @Override
  void close();
}
