package io.pocketdock.internal.frame;

import java.util.Objects;

/**
 * The latest output of a background process: one bounded ring per stream.
 *
 * <p>Each stream keeps at most {@link #capacity()} bytes; older bytes are evicted and {@link
 * #overflowed()} turns true. Text comes out as whole UTF-8 characters only: a character whose start
 * was evicted is dropped, and a character whose end has not arrived yet is held back until it does.
 * Thread-safe: the process's reader thread writes while callers peek or read.
 */
public final class RingBuffer {

  /** The default capacity per stream, 1 MiB. */
  public static final int DEFAULT_CAPACITY = 1024 * 1024;

  /**
   * A snapshot of both streams.
   *
   * @param stdout the buffered stdout text
   * @param stderr the buffered stderr text
   */
  public record Output(String stdout, String stderr) {

    /** Rejects null text. */
    public Output {
      Objects.requireNonNull(stdout, "stdout");
      Objects.requireNonNull(stderr, "stderr");
    }
  }

  private final int capacity;
  private final ByteRing stdout;
  private final ByteRing stderr;

  /** Creates a buffer keeping {@link #DEFAULT_CAPACITY} bytes per stream. */
  public RingBuffer() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * Creates a buffer with a given capacity.
   *
   * @param capacity the most bytes kept per stream; at least 4, so one character always fits
   */
  public RingBuffer(int capacity) {
    if (capacity < 4) {
      throw new IllegalArgumentException("capacity must be at least 4 bytes: " + capacity);
    }
    this.capacity = capacity;
    this.stdout = new ByteRing(capacity);
    this.stderr = new ByteRing(capacity);
  }

  /**
   * Appends a piece of output.
   *
   * @param frame the piece
   */
  public void write(Frame frame) {
    write(frame.stream(), frame.data(), 0, frame.data().length);
  }

  /**
   * Appends output bytes, evicting the oldest ones of that stream if it is full.
   *
   * @param stream the stream they came from
   * @param bytes the buffer
   * @param off the first byte to append
   * @param len how many bytes to append
   */
  public synchronized void write(StreamKind stream, byte[] bytes, int off, int len) {
    Objects.checkFromIndexSize(off, len, bytes.length);
    ring(stream).write(bytes, off, len);
  }

  /**
   * Returns the buffered text without consuming it.
   *
   * @return both streams' complete characters
   */
  public synchronized Output peek() {
    return new Output(stdout.text(), stderr.text());
  }

  /**
   * Returns the buffered text and removes it, except for partial characters still held back.
   *
   * @return both streams' complete characters
   */
  public synchronized Output read() {
    return new Output(stdout.drain(), stderr.drain());
  }

  /**
   * Returns the bytes buffered across both streams, including held-back partial characters.
   *
   * @return the byte count
   */
  public synchronized int size() {
    return stdout.size() + stderr.size();
  }

  /**
   * Tells whether output was ever evicted to make room.
   *
   * @return {@code true} once either stream has overflowed
   */
  public synchronized boolean overflowed() {
    return stdout.overflowed() || stderr.overflowed();
  }

  /**
   * Returns the capacity of each stream's ring.
   *
   * @return the most bytes kept per stream
   */
  public int capacity() {
    return capacity;
  }

  private ByteRing ring(StreamKind stream) {
    return stream == StreamKind.STDERR ? stderr : stdout;
  }
}
