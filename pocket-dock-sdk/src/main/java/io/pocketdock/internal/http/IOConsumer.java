package io.pocketdock.internal.http;

import java.io.IOException;

/**
 * A consumer that may fail with an {@link IOException}, e.g. code that writes a request body.
 *
 * @param <T> what it consumes
 */
@FunctionalInterface
public interface IOConsumer<T> {

  /**
   * Consumes a value.
   *
   * @param value the value
   * @throws IOException if writing or reading fails
   */
  void accept(T value) throws IOException;
}
