package io.pocketdock.internal.frame;

/**
 * Finds where a UTF-8 byte sequence may be cut without splitting a character.
 *
 * <p>Output buffers cut byte streams at arbitrary points; decoding a cut character would show a
 * replacement character that the program never wrote. These checks let a buffer drop or hold back
 * the partial character instead. Invalid UTF-8 that is not a cut is left for the decoder.
 */
final class Utf8Edge {

  private Utf8Edge() {}

  /** Tells whether a byte is a continuation byte ({@code 10xxxxxx}). */
  static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  /**
   * Returns how many bytes of {@code bytes[off, off+len)} form complete characters, that is, the
   * length without a trailing incomplete multi-byte sequence.
   */
  static int completeLength(byte[] bytes, int off, int len) {
    int end = off + len;
    int i = end - 1;
    // A character is at most 4 bytes, so its lead byte is at most 3 bytes before the end.
    while (i >= off && i > end - 4 && isContinuation(bytes[i])) {
      i--;
    }
    if (i < off) {
      return len;
    }
    int needed = sequenceLength(bytes[i]);
    return needed > end - i ? i - off : len;
  }

  /** Returns the length a lead byte announces, or 1 for bytes that cannot start a sequence. */
  private static int sequenceLength(byte lead) {
    int b = lead & 0xFF;
    if (b >= 0xF0 && b <= 0xF4) {
      return 4;
    } else if (b >= 0xE0 && b <= 0xEF) {
      return 3;
    } else if (b >= 0xC2 && b <= 0xDF) {
      return 2;
    }
    return 1;
  }
}
