package io.pocketdock.internal.tar;

/**
 * The numeric header fields: NUL- or space-terminated octal, or GNU's base-256 (high bit of the
 * first byte set) for values octal cannot hold.
 */
final class NumericField {
  private NumericField() {}

  /** Reads an unsigned field; a negative base-256 value is malformed. */
  static long parseUnsigned(byte[] block, int off, int len, String field, Context at)
      throws TarFormatException {
    long value = parse(block, off, len, field, at);
    if (value < 0) {
      throw at.error("negative " + field);
    }
    return value;
  }

  /** Reads a field that may be negative in base-256 (only mtime is, for dates before 1970). */
  static long parse(byte[] block, int off, int len, String field, Context at)
      throws TarFormatException {
    int first = block[off] & 0xff;
    if (first == 0x80 || first == 0xff) {
      return parseBase256(block, off, len, field, at);
    }
    int i = off;
    int end = off + len;
    while (i < end && block[i] == ' ') {
      i++;
    }
    long value = 0;
    int digits = 0;
    for (; i < end && block[i] != 0 && block[i] != ' '; i++) {
      int d = block[i] - '0';
      if (d < 0 || d > 7) {
        throw at.error("bad octal digit in " + field);
      }
      if (++digits > 21) { // 21 octal digits already exceed 2^63
        throw at.error(field + " out of range");
      }
      value = (value << 3) | d;
    }
    // Only terminators may follow the digits; anything else is a corrupt or hostile field.
    for (; i < end; i++) {
      if (block[i] != 0 && block[i] != ' ') {
        throw at.error("garbage after " + field);
      }
    }
    if (value < 0) {
      throw at.error(field + " out of range");
    }
    return value;
  }

  private static long parseBase256(byte[] block, int off, int len, String field, Context at)
      throws TarFormatException {
    boolean negative = (block[off] & 0xff) == 0xff;
    long value = negative ? -1 : 0;
    for (int i = 0; i < len; i++) {
      int b = i == 0 ? (negative ? 0xff : 0) : block[off + i] & 0xff;
      long shifted = value << 8;
      if (shifted >> 8 != value) {
        throw at.error(field + " out of range");
      }
      value = shifted | b;
    }
    if (negative != (value < 0)) {
      throw at.error(field + " out of range");
    }
    return value;
  }

  /** The largest value {@code len - 1} octal digits (plus a NUL) can hold. */
  static long octalLimit(int len) {
    return (1L << (3 * (len - 1))) - 1;
  }

  /** Writes octal when the value fits, else base-256 (GNU); {@code value} must be non-negative. */
  static void format(long value, byte[] block, int off, int len) {
    if (value <= octalLimit(len)) {
      String digits = Long.toOctalString(value);
      int pad = len - 1 - digits.length();
      for (int i = 0; i < pad; i++) {
        block[off + i] = '0';
      }
      for (int i = 0; i < digits.length(); i++) {
        block[off + pad + i] = (byte) digits.charAt(i);
      }
      block[off + len - 1] = 0;
      return;
    }
    long rest = value;
    for (int i = len - 1; i > 0; i--) {
      block[off + i] = (byte) rest;
      rest >>>= 8;
    }
    block[off] = (byte) 0x80;
  }

  /** Where a field is being read, so errors name the entry and offset. */
  record Context(String entryName, long offset) {
    TarFormatException error(String reason) {
      return new TarFormatException(reason, entryName.isEmpty() ? null : entryName, offset);
    }
  }
}
