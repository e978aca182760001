package io.pocketdock;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes a byte stream to text piece by piece without splitting a UTF-8 character between pieces:
 * an incomplete character at the end of a piece is held until the next one completes it.
 */
final class TextChunks {
  private byte[] held = new byte[0];

  String decode(byte[] bytes, int off, int len) {
    byte[] all;
    if (held.length == 0) {
      all = Arrays.copyOfRange(bytes, off, off + len);
    } else {
      all = Arrays.copyOf(held, held.length + len);
      System.arraycopy(bytes, off, all, held.length, len);
    }
    int complete = completeLength(all);
    held = Arrays.copyOfRange(all, complete, all.length);
    return new String(all, 0, complete, StandardCharsets.UTF_8);
  }

  /** The length of the longest prefix that does not end inside a multi-byte character. */
  static int completeLength(byte[] b) {
    int n = b.length;
    for (int back = 1; back <= Math.min(3, n); back++) {
      int lead = b[n - back] & 0xff;
      if ((lead & 0xc0) == 0x80) {
        continue; // a continuation byte: keep looking for the lead
      }
      int need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      return need > back ? n - back : n;
    }
    return n;
  }
}
