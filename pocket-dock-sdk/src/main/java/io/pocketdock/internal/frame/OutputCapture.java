package io.pocketdock.internal.frame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Collects a run's stdout and stderr under one shared byte budget.
 *
 * <p>Bytes beyond the budget are counted and discarded, never stored, so a chatty process cannot
 * exhaust memory. Text is decoded as UTF-8; a character cut by the budget is dropped rather than
 * shown as a replacement character. Thread-safe.
 */
public final class OutputCapture {

  /** The default budget, 10 MiB. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  /** The largest budget: both streams are kept in arrays. */
  public static final long MAX_BUDGET = Integer.MAX_VALUE - 16;

  private final long maxBytes;
  private final Bytes stdout = new Bytes();
  private final Bytes stderr = new Bytes();
  private long stored;
  private long total;
  private boolean stdoutCut;
  private boolean stderrCut;

  /** Creates a capture with the {@link #DEFAULT_MAX_BYTES default budget}. */
  public OutputCapture() {
    this(DEFAULT_MAX_BYTES);
  }

  /**
   * Creates a capture with a budget shared by stdout and stderr.
   *
   * @param maxBytes the most bytes to store, from 0 to {@link #MAX_BUDGET}
   */
  public OutputCapture(long maxBytes) {
    if (maxBytes < 0 || maxBytes > MAX_BUDGET) {
      throw new IllegalArgumentException(
          "maxBytes must be in [0, " + MAX_BUDGET + "]: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * Adds a piece of output.
   *
   * @param frame the piece
   */
  public void write(Frame frame) {
    write(frame.stream(), frame.data(), 0, frame.data().length);
  }

  /**
   * Adds output bytes; what exceeds the budget is counted and dropped.
   *
   * @param stream the stream they came from
   * @param bytes the buffer
   * @param off the first byte to add
   * @param len how many bytes to add
   */
  public synchronized void write(StreamKind stream, byte[] bytes, int off, int len) {
    Objects.checkFromIndexSize(off, len, bytes.length);
    total += len;
    int keep = (int) Math.min(len, maxBytes - stored);
    Bytes target = stream == StreamKind.STDERR ? stderr : stdout;
    target.write(bytes, off, keep);
    stored += keep;
    if (keep < len) {
      if (stream == StreamKind.STDERR) {
        stderrCut = true;
      } else {
        stdoutCut = true;
      }
    }
  }

  /**
   * Tells whether any output was dropped for exceeding the budget.
   *
   * @return {@code true} once the budget has been exceeded
   */
  public synchronized boolean truncated() {
    return stdoutCut || stderrCut;
  }

  /**
   * Returns all output bytes seen, stored or not.
   *
   * @return the total byte count
   */
  public synchronized long totalBytes() {
    return total;
  }

  /**
   * Returns the stored stdout as text.
   *
   * @return the decoded stdout, without a character cut by the budget
   */
  public synchronized String stdout() {
    return decode(stdout, stdoutCut);
  }

  /**
   * Returns the stored stderr as text.
   *
   * @return the decoded stderr, without a character cut by the budget
   */
  public synchronized String stderr() {
    return decode(stderr, stderrCut);
  }

  private static String decode(Bytes stored, boolean cut) {
    return stored.text(cut);
  }

  /** A byte array stream that decodes in place, without the copy {@code toByteArray} makes. */
  private static final class Bytes extends ByteArrayOutputStream {
    String text(boolean cut) {
      // Only a cut stream may end in a partial character we made; otherwise the program wrote it.
      int length = cut ? Utf8Edge.completeLength(buf, 0, count) : count;
      return new String(buf, 0, length, StandardCharsets.UTF_8);
    }
  }
}
