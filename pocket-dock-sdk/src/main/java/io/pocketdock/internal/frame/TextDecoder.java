package io.pocketdock.internal.frame;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the pieces of one output stream into text, one piece at a time, without splitting a
 * character: a multi-byte UTF-8 sequence cut by a piece boundary is held back until its remaining
 * bytes arrive. Not thread-safe; one reader uses one decoder per stream.
 */
public final class TextDecoder {

  private byte[] pending = new byte[0];

  /** Creates a decoder with nothing held back. */
  public TextDecoder() {}

  /**
   * Decodes a piece together with what was held back from the previous one.
   *
   * @param bytes the next bytes of the stream
   * @return the complete characters, possibly empty when the piece only continues a character
   */
  public String decode(byte[] bytes) {
    byte[] all = bytes;
    if (pending.length > 0) {
      all = Arrays.copyOf(pending, pending.length + bytes.length);
      System.arraycopy(bytes, 0, all, pending.length, bytes.length);
    }
    int complete = Utf8Edge.completeLength(all, 0, all.length);
    pending = Arrays.copyOfRange(all, complete, all.length);
    return new String(all, 0, complete, StandardCharsets.UTF_8);
  }

  /**
   * Returns what is held back once the stream has ended: a character the program never finished,
   * decoded as a replacement character. Empty when nothing is held.
   *
   * @return the rest of the stream as text
   */
  public String finish() {
    String rest = new String(pending, StandardCharsets.UTF_8);
    pending = new byte[0];
    return rest;
  }
}
