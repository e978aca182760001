package io.pocketdock.internal.tar;

import java.nio.charset.StandardCharsets;

/**
 * One 512-byte header block, decoded field by field but not yet merged with pax or GNU extension
 * records.
 *
 * <p>Layout (POSIX ustar): name 0+100, mode 100+8, uid 108+8, gid 116+8, size 124+12, mtime 136+12,
 * chksum 148+8, typeflag 156, linkname 157+100, magic 257+6, version 263+2, uname 265+32, gname
 * 297+32, devmajor 329+8, devminor 337+8, prefix 345+155. Old GNU headers use the prefix bytes for
 * other fields, and v7 headers end after linkname.
 */
record RawHeader(
    String name,
    int mode,
    long uid,
    long gid,
    long size,
    long mtime,
    byte typeflag,
    String linkName,
    String uname,
    String gname) {

  static final int BLOCK = 512;

  /** Which of the three header dialects a block is in, read from its magic. */
  enum Dialect {
    V7,
    OLD_GNU,
    USTAR
  }

  static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Decodes a header block at {@code offset}, verifying its checksum first. */
  static RawHeader parse(byte[] block, long offset) throws TarFormatException {
    String rawName = text(block, 0, 100);
    NumericField.Context at = new NumericField.Context(rawName, offset);
    verifyChecksum(block, at);
    Dialect dialect = dialect(block);
    String name = rawName;
    if (dialect == Dialect.USTAR) {
      String prefix = text(block, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + rawName;
      }
    }
    boolean hasOwnerNames = dialect != Dialect.V7;
    long mode = NumericField.parseUnsigned(block, 100, 8, "mode", at);
    return new RawHeader(
        name,
        (int) (mode & 07777), // some writers include the file-type bits; the typeflag says that
        NumericField.parseUnsigned(block, 108, 8, "uid", at),
        NumericField.parseUnsigned(block, 116, 8, "gid", at),
        NumericField.parseUnsigned(block, 124, 12, "size", at),
        NumericField.parse(block, 136, 12, "mtime", at),
        block[156],
        text(block, 157, 100),
        hasOwnerNames ? text(block, 265, 32) : "",
        hasOwnerNames ? text(block, 297, 32) : "");
  }

  private static Dialect dialect(byte[] block) {
    String magic = new String(block, 257, 8, StandardCharsets.ISO_8859_1);
    if (magic.startsWith("ustar\0")) {
      return Dialect.USTAR;
    }
    if (magic.equals("ustar  \0")) {
      return Dialect.OLD_GNU;
    }
    return Dialect.V7;
  }

  private static void verifyChecksum(byte[] block, NumericField.Context at)
      throws TarFormatException {
    long stored = NumericField.parseUnsigned(block, 148, 8, "checksum", at);
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      boolean inField = i >= 148 && i < 156;
      unsigned += inField ? ' ' : block[i] & 0xff;
      signed += inField ? ' ' : block[i];
    }
    // Historic Sun and some other writers summed signed bytes; GNU tar accepts both, so do we.
    if (stored != unsigned && stored != signed) {
      throw at.error("header checksum mismatch (stored " + stored + ", computed " + unsigned + ")");
    }
  }

  /** A NUL-terminated string field, decoded as UTF-8 (what Linux writers put in practice). */
  static String text(byte[] block, int off, int len) {
    int end = off;
    while (end < off + len && block[end] != 0) {
      end++;
    }
    return new String(block, off, end - off, StandardCharsets.UTF_8);
  }
}
