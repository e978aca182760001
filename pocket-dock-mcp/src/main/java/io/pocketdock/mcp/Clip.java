package io.pocketdock.mcp;

import java.nio.charset.StandardCharsets;

/**
 * Keeps tool output small enough for a model's context: at most {@code cap} bytes of a stream, as
 * its head and its tail with a marker between, since errors usually show at the end.
 */
final class Clip {
  private Clip() {}

  /** The clipped text, and whether anything was cut. */
  record Clipped(String text, boolean cut) {}

  static Clipped of(String text, int cap) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= cap) {
      return new Clipped(text, false);
    }
    int half = cap / 2;
    String head = decodePrefix(bytes, half);
    String tail = decodeSuffix(bytes, half);
    long omitted = bytes.length - head.getBytes(StandardCharsets.UTF_8).length
        - tail.getBytes(StandardCharsets.UTF_8).length;
    return new Clipped(head + "\n[... " + omitted + " bytes omitted ...]\n" + tail, true);
  }

  /** The longest prefix of at most {@code n} bytes that ends on a character boundary. */
  private static String decodePrefix(byte[] b, int n) {
    int end = n;
    while (end > 0 && (b[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(b, 0, end, StandardCharsets.UTF_8);
  }

  /** The longest suffix of at most {@code n} bytes that starts on a character boundary. */
  private static String decodeSuffix(byte[] b, int n) {
    int start = b.length - n;
    while (start < b.length && (b[start] & 0xC0) == 0x80) {
      start++;
    }
    return new String(b, start, b.length - start, StandardCharsets.UTF_8);
  }
}
