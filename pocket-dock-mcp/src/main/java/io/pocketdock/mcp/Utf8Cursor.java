package io.pocketdock.mcp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads a growing file in pieces without splitting characters: a multi-byte UTF-8 sequence cut
 * at the end of one piece is held back and delivered with the next.
 */
final class Utf8Cursor {
  private long offset;
  private byte[] pending = new byte[0];

  /** Bytes of the file consumed so far, including held-back ones. */
  long offset() {
    return offset;
  }

  /** Takes the next piece (base64) and returns the complete characters so far. */
  String append(String base64) {
    byte[] fresh = Base64.getDecoder().decode(base64.trim());
    offset += fresh.length;
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(pending, 0, pending.length);
    all.write(fresh, 0, fresh.length);
    byte[] b = all.toByteArray();
    int end = completeLength(b);
    pending = java.util.Arrays.copyOfRange(b, end, b.length);
    return new String(b, 0, end, StandardCharsets.UTF_8);
  }

  /** Length of the prefix that does not end inside a multi-byte sequence. */
  static int completeLength(byte[] b) {
    int i = b.length - 1;
    int back = 0;
    while (i >= 0 && back < 3 && (b[i] & 0xC0) == 0x80) {
      i--;
      back++;
    }
    if (i < 0) {
      return b.length;
    }
    int lead = b[i] & 0xFF;
    int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return need > back + 1 ? i : b.length;
  }
}
