package io.pocketdock;

/** A registered callback; closing it unregisters the callback. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

  /**
   * Unregisters the callback: it gets no output that arrives after this returns (a call already
   * under way on a reader thread may still finish). Idempotent.
   */
  @Override
  void close();
}
