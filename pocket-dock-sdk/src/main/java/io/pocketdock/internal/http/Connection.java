package io.pocketdock.internal.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One socket connection for one exchange, with its deadline. Every channel operation goes through
 * here so that a failure caused by the deadline closing the channel surfaces as an {@link
 * HttpTimeoutException} naming the request.
 */
final class Connection implements Closeable {

  private final SocketChannel channel;
  private final String exchange;
  private final Deadline deadline;
  private boolean outputShut;

  Connection(SocketChannel channel, String exchange, ScheduledExecutorService watchdog) {
    this.channel = channel;
    this.exchange = exchange;
    this.deadline = new Deadline(watchdog, this::closeQuietly);
  }

  Deadline deadline() {
    return deadline;
  }

  void connect(UnixDomainSocketAddress address, Duration timeout) throws IOException {
    deadline.reset(timeout);
    try {
      channel.connect(address);
    } catch (IOException e) {
      throw translate(e);
    }
  }

  /** Reads into the buffer; returns -1 at end of stream. */
  int read(ByteBuffer target) throws IOException {
    try {
      return channel.read(target);
    } catch (IOException e) {
      throw translate(e);
    }
  }

  /** Writes all remaining bytes of the buffers. */
  void write(ByteBuffer... sources) throws IOException {
    try {
      long remaining = 0;
      for (ByteBuffer source : sources) {
        remaining += source.remaining();
      }
      while (remaining > 0) {
        remaining -= channel.write(sources);
      }
    } catch (IOException e) {
      throw translate(e);
    }
  }

  /** Half-closes the connection so that the peer reads end of stream; idempotent. */
  synchronized void shutdownOutput() throws IOException {
    if (outputShut) {
      return;
    }
    try {
      channel.shutdownOutput();
      outputShut = true;
    } catch (IOException e) {
      throw translate(e);
    }
  }

  boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() {
    deadline.clear();
    closeQuietly();
  }

  /** Turns the failure of an operation on a channel the deadline closed into a timeout. */
  IOException translate(IOException e) {
    if (deadline.expired()) {
      return new HttpTimeoutException(
          exchange + " timed out: no complete exchange with the engine within " + deadline.limit(),
          e);
    }
    // An interrupt also closes the channel; that one must stay recognisable as an interrupt.
    if (e instanceof ClosedChannelException && !(e instanceof ClosedByInterruptException)) {
      IOException closed = new IOException(exchange + ": the response was closed");
      closed.initCause(e);
      return closed;
    }
    return e;
  }

  private void closeQuietly() {
    try {
      channel.close();
    } catch (IOException e) {
      // Closing a socket only fails if the descriptor is already broken; nothing is left to free.
    }
  }
}
