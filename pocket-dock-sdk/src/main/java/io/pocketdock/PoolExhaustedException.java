package io.pocketdock;

/**
 * {@link ContainerPool#acquire()} found no warm sandbox and its {@link EmptyPolicy} says not to
 * create one on the spot (fail fast, or the wait deadline passed). Nothing was created.
 */
public final class PoolExhaustedException extends PocketDockException {
  private static final long serialVersionUID = 1L;

  PoolExhaustedException(String why, @org.jspecify.annotations.Nullable Throwable cause) {
    super(
        "acquire",
        null,
        "no warm sandbox is ready: " + why,
        "make the pool larger, wait longer (EmptyPolicy.waitUpTo), or use EmptyPolicy.createCold()",
        cause);
  }
}
