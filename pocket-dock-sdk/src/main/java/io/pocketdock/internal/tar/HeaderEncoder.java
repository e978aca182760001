package io.pocketdock.internal.tar;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a ustar header block for one entry, collecting the pax records needed for whatever ustar
 * cannot hold: long or non-ASCII names and link targets, long owner names, big numbers.
 */
final class HeaderEncoder {
  private static final long MAX_OCTAL_ID = NumericField.octalLimit(8);
  private static final long MAX_OCTAL_SIZE = NumericField.octalLimit(12);

  final byte[] block = new byte[RawHeader.BLOCK];
  final Map<String, String> pax = new LinkedHashMap<>();

  HeaderEncoder(
      String name, byte typeflag, int mode, long size, long mtime, String link, Owner owner) {
    putName(name);
    NumericField.format(mode & 07777, block, 100, 8);
    putId("uid", owner.uid(), 108);
    putId("gid", owner.gid(), 116);
    if (size > MAX_OCTAL_SIZE) {
      pax.put("size", Long.toString(size));
    }
    NumericField.format(size, block, 124, 12); // base-256 when octal is too small, as GNU does
    if (mtime < 0 || mtime > MAX_OCTAL_SIZE) {
      pax.put("mtime", Long.toString(mtime));
    }
    NumericField.format(Math.max(0, Math.min(mtime, MAX_OCTAL_SIZE)), block, 136, 12);
    block[156] = typeflag;
    putText("linkpath", link, 157, 100);
    put("ustar\0" + "00", 257);
    putText("uname", owner.uname(), 265, 31);
    putText("gname", owner.gname(), 297, 31);
    NumericField.format(0, block, 329, 8);
    NumericField.format(0, block, 337, 8);
  }

  /** Fills the checksum field; call after every other field is final. */
  byte[] sealed() {
    for (int i = 148; i < 156; i++) {
      block[i] = ' ';
    }
    long sum = 0;
    for (byte b : block) {
      sum += b & 0xff;
    }
    NumericField.format(sum, block, 148, 7); // six digits and a NUL, then the space stays
    return block;
  }

  private void putName(String name) {
    if (isAscii(name) && name.length() <= 100) {
      put(name, 0);
      return;
    }
    // ustar splits a long name at a slash: up to 155 bytes of prefix and 100 of name.
    if (isAscii(name) && name.length() <= 256) {
      for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
        int rest = name.length() - slash - 1;
        if (slash <= 155 && rest <= 100 && rest > 0) {
          put(name.substring(slash + 1), 0);
          put(name.substring(0, slash), 345);
          return;
        }
      }
    }
    pax.put("path", name);
    put(asciiFallback(name, 100), 0);
  }

  private void putText(String key, String value, int off, int len) {
    if (isAscii(value) && value.length() <= len) {
      put(value, off);
    } else {
      pax.put(key, value);
      put(asciiFallback(value, len), off);
    }
  }

  private void putId(String key, long id, int off) {
    if (id > MAX_OCTAL_ID) {
      pax.put(key, Long.toString(id));
    }
    NumericField.format(id, block, off, 8);
  }

  private void put(String ascii, int off) {
    byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, block, off, bytes.length);
  }

  static boolean isAscii(String s) {
    return s.chars().allMatch(c -> c > 0 && c < 0x80);
  }

  /** What an old reader that ignores pax should see: the tail, non-ASCII replaced. */
  static String asciiFallback(String s, int len) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(c -> out.append(c > 0 && c < 0x80 ? (char) c : '_'));
    return out.length() <= len ? out.toString() : out.substring(out.length() - len);
  }

  /** Who the entry belongs to. */
  record Owner(long uid, long gid, String uname, String gname) {}
}
