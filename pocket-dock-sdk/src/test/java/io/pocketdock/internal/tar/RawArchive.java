package io.pocketdock.internal.tar;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds tar bytes header by header, so tests can craft anything, including what {@link TarWriter}
 * would never write. Fields are written by offset, straight from the ustar layout.
 */
final class RawArchive {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A header block with ustar magic and a correct checksum; tweak it before {@link #add}. */
  static byte[] header(String name, char type, long size, String link) {
    byte[] b = new byte[512];
    put(b, 0, name);
    put(b, 100, "0000644");
    put(b, 108, "0001750");
    put(b, 116, "0001750");
    put(b, 124, String.format("%011o", size));
    put(b, 136, "14000000000");
    b[156] = (byte) type;
    put(b, 157, link);
    put(b, 257, "ustar");
    put(b, 263, "00");
    put(b, 265, "user");
    put(b, 297, "group");
    return seal(b);
  }

  static void put(byte[] block, int off, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, block, off, bytes.length);
  }

  /** Recomputes the checksum after fields were changed. */
  static byte[] seal(byte[] b) {
    for (int i = 148; i < 156; i++) {
      b[i] = ' ';
    }
    long sum = 0;
    for (byte x : b) {
      sum += x & 0xff;
    }
    put(b, 148, String.format("%06o", sum));
    b[154] = 0;
    return b;
  }

  RawArchive add(byte[] headerBlock) {
    out.writeBytes(headerBlock);
    return this;
  }

  RawArchive file(String name, String content) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    return add(header(name, '0', data.length, "")).data(data);
  }

  RawArchive dir(String name) {
    return add(header(name, '5', 0, ""));
  }

  RawArchive symlink(String name, String target) {
    return add(header(name, '2', 0, target));
  }

  RawArchive hardlink(String name, String target) {
    return add(header(name, '1', 0, target));
  }

  /** An extension entry ('x', 'g', 'L' or 'K') carrying {@code data}. */
  RawArchive extension(char type, byte[] data) {
    return add(header("././@LongLink", type, data.length, "")).data(data);
  }

  RawArchive pax(char type, String records) {
    return extension(type, records.getBytes(StandardCharsets.UTF_8));
  }

  /** Content bytes, zero-padded to a whole block. */
  RawArchive data(byte[] data) {
    out.writeBytes(data);
    out.writeBytes(new byte[(int) TarReader.padding(data.length)]);
    return this;
  }

  RawArchive end() {
    out.writeBytes(new byte[1024]);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  TarReader reader() {
    return new TarReader(new ByteArrayInputStream(bytes()));
  }

  /** A pax record with its self-counting length. */
  static String record(String key, String value) {
    return new String(PaxRecords.format(java.util.Map.of(key, value)), StandardCharsets.UTF_8);
  }
}
