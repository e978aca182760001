package io.pocketdock.internal.tar;

import java.io.InputStream;

/** A long, mostly-zero generated stream: byte i is (i / 4096) % 251 on every 4096th byte. */
final class PatternStream extends InputStream {
  private final long size;
  private long position;

  PatternStream(long size) {
    this.size = size;
  }

  static byte at(long i) {
    return i % 4096 == 0 ? (byte) ((i / 4096) % 251) : 0;
  }

  /** The sum of every {@code step}th byte (signed), from the first. */
  static long expectedSampleSum(long size, int step) {
    long sum = 0;
    for (long i = 0; i < size; i += step) {
      sum += at(i);
    }
    return sum;
  }

  @Override
  public int read() {
    return position < size ? at(position++) & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (position >= size) {
      return -1;
    }
    int n = (int) Math.min(len, size - position);
    for (int i = 0; i < n; i++) {
      b[off + i] = at(position + i);
    }
    position += n;
    return n;
  }
}
