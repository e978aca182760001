package io.pocketdock.internal.frame;

import java.nio.charset.StandardCharsets;

/**
 * The latest bytes of one stream, up to a capacity, kept on character boundaries.
 *
 * <p>The backing array grows on demand up to the capacity, so a quiet process costs little. When
 * old bytes are evicted, the continuation bytes of a character whose lead byte went are dropped
 * too; a trailing partial character is held back from {@link #text} and {@link #drain} until the
 * rest of it arrives. Not thread-safe; {@link RingBuffer} guards it.
 */
final class ByteRing {

  private static final int INITIAL = 4096;

  private final int capacity;
  private byte[] buffer = new byte[0];
  private int head;
  private int size;
  private boolean overflowed;

  /** How many more leading continuation bytes to drop after an eviction cut a character. */
  private int resync;

  ByteRing(int capacity) {
    this.capacity = capacity;
  }

  void write(byte[] bytes, int off, int len) {
    if (len == 0) {
      return;
    }
    if (len >= capacity) {
      grow(capacity);
      if (size > 0 || len > capacity) {
        overflowed = true;
        resync = 3;
      }
      System.arraycopy(bytes, off + len - capacity, buffer, 0, capacity);
      head = 0;
      size = capacity;
    } else {
      if (size + len > buffer.length) {
        grow(size + len);
      }
      int excess = size + len - capacity;
      if (excess > 0) {
        discard(excess);
        overflowed = true;
        resync = 3;
      }
      int tail = (head + size) % buffer.length;
      int first = Math.min(len, buffer.length - tail);
      System.arraycopy(bytes, off, buffer, tail, first);
      System.arraycopy(bytes, off + first, buffer, 0, len - first);
      size += len;
    }
    dropOrphanedContinuations();
  }

  /** Returns the complete characters held, without consuming them. */
  String text() {
    byte[] bytes = linear();
    return new String(bytes, 0, Utf8Edge.completeLength(bytes, 0, size), StandardCharsets.UTF_8);
  }

  /** Returns and removes the complete characters held, keeping a trailing partial one. */
  String drain() {
    byte[] bytes = linear();
    int complete = Utf8Edge.completeLength(bytes, 0, size);
    discard(complete);
    return new String(bytes, 0, complete, StandardCharsets.UTF_8);
  }

  int size() {
    return size;
  }

  boolean overflowed() {
    return overflowed;
  }

  private void dropOrphanedContinuations() {
    while (resync > 0 && size > 0 && Utf8Edge.isContinuation(buffer[head])) {
      discard(1);
      resync--;
    }
    if (size > 0) {
      resync = 0; // the head is a character boundary now, or the data is not UTF-8 at all
    }
  }

  private void discard(int count) {
    head = (head + count) % Math.max(1, buffer.length);
    size -= count;
  }

  /** Grows the array to hold at least {@code needed} bytes, laying the content out from 0. */
  private void grow(int needed) {
    if (buffer.length >= Math.min(needed, capacity)) {
      return;
    }
    int length = Math.min(capacity, Math.max(needed, Math.max(INITIAL, buffer.length * 2)));
    byte[] grown = linearInto(new byte[length]);
    buffer = grown;
    head = 0;
  }

  private byte[] linear() {
    return linearInto(new byte[size]);
  }

  private byte[] linearInto(byte[] target) {
    int first = Math.min(size, buffer.length - head);
    System.arraycopy(buffer, head, target, 0, first);
    System.arraycopy(buffer, 0, target, first, size - first);
    return target;
  }
}
