package io.pocketdock.internal.tar;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes a POSIX tar archive as a stream, one entry at a time, holding no content in memory.
 *
 * <p>Headers are ustar; names and link targets ustar cannot hold (too long or not ASCII), owner
 * names over 31 bytes, ids over {@code 07777777} and sizes of 8 GiB or more get a pax {@code x}
 * record (UTF-8) in front of the entry. Entries belong to uid and gid 1000 {@code sandbox} (the
 * sandbox user pocket-dock creates) until {@link #owner} says otherwise.
 */
public final class TarWriter implements Closeable {
  private static final byte[] ZEROS = new byte[RawHeader.BLOCK * 2];

  private final OutputStream out;
  private final byte[] buffer = new byte[16 * 1024];
  private HeaderEncoder.Owner owner = new HeaderEncoder.Owner(1000, 1000, "sandbox", "sandbox");
  private Instant defaultMtime = Instant.now();
  private boolean finished;
  private boolean failed;

  /** Writes to {@code out}, which {@link #close()} closes. */
  public TarWriter(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Sets the owner of entries written from now on; returns this writer. */
  public TarWriter owner(long uid, long gid, String uname, String gname) {
    if (uid < 0 || gid < 0) {
      throw new IllegalArgumentException("negative uid or gid");
    }
    owner =
        new HeaderEncoder.Owner(
            uid,
            gid,
            Objects.requireNonNull(uname, "uname"),
            Objects.requireNonNull(gname, "gname"));
    return this;
  }

  /** Sets the mtime of entries written without one (initially the writer's creation time). */
  public TarWriter defaultMtime(Instant mtime) {
    defaultMtime = Objects.requireNonNull(mtime, "mtime");
    return this;
  }

  /** Writes a directory entry; the trailing slash is added. */
  public void writeDirectory(String name, int mode, Instant mtime) throws IOException {
    String dirName = name.endsWith("/") ? name : name + "/";
    writeHeader(checkedName(name, dirName), (byte) '5', mode, 0, mtime, "");
  }

  /**
   * Writes a regular file, copying exactly {@code size} bytes from {@code content}.
   *
   * @throws IOException if {@code content} ends early; the archive is then unusable
   */
  public void writeFile(String name, int mode, long size, Instant mtime, InputStream content)
      throws IOException {
    if (size < 0) {
      throw new IllegalArgumentException("negative size");
    }
    writeHeader(checkedName(name, name), (byte) '0', mode, size, mtime, "");
    try {
      long left = size;
      while (left > 0) {
        int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new IOException(
              "content of '" + name + "' ended after " + (size - left) + " of " + size + " bytes");
        }
        out.write(buffer, 0, n);
        left -= n;
      }
      out.write(ZEROS, 0, (int) TarReader.padding(size));
    } catch (IOException e) {
      failed = true; // the header promised bytes that never came: no entry can follow
      throw e;
    }
  }

  /** Writes a small regular file with the default mtime. */
  public void writeFile(String name, int mode, byte[] content) throws IOException {
    writeFile(name, mode, content.length, defaultMtime, new java.io.ByteArrayInputStream(content));
  }

  /** Writes a symbolic link with the default mtime. */
  public void writeSymlink(String name, String target) throws IOException {
    writeSymlink(name, target, defaultMtime);
  }

  /** Writes a symbolic link; its mode is always {@code 0777}, as on Linux. */
  public void writeSymlink(String name, String target, Instant mtime) throws IOException {
    if (target.isEmpty() || target.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("bad symlink target for " + name);
    }
    writeHeader(checkedName(name, name), (byte) '2', 0777, 0, mtime, target);
  }

  /** Writes the end-of-archive blocks without closing the stream; later calls do nothing. */
  public void finish() throws IOException {
    if (!finished) {
      checkWritable();
      out.write(ZEROS);
      out.flush();
      finished = true;
    }
  }

  /** Finishes the archive (unless a write failed) and closes the stream. */
  @Override
  public void close() throws IOException {
    try (out) {
      if (!failed) {
        finish();
      }
    }
  }

  private void writeHeader(
      String name, byte typeflag, int mode, long size, Instant mtime, String link)
      throws IOException {
    checkWritable();
    HeaderEncoder header =
        new HeaderEncoder(name, typeflag, mode, size, mtime.getEpochSecond(), link, owner);
    if (!header.pax.isEmpty()) {
      byte[] records = PaxRecords.format(header.pax);
      String paxName = HeaderEncoder.asciiFallback("PaxHeaders/" + baseName(name), 100);
      HeaderEncoder paxHeader =
          new HeaderEncoder(
              paxName, (byte) 'x', 0644, records.length, mtime.getEpochSecond(), "", owner);
      out.write(paxHeader.sealed());
      out.write(records);
      out.write(ZEROS, 0, (int) TarReader.padding(records.length));
    }
    out.write(header.sealed());
  }

  private void checkWritable() throws IOException {
    if (failed) {
      throw new IOException("an earlier write failed; the archive is incomplete");
    }
    if (finished) {
      throw new IOException("archive already finished");
    }
  }

  private static String checkedName(String name, String stored) {
    if (name.isEmpty() || name.equals("/") || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("bad entry name: '" + name + "'");
    }
    return stored;
  }

  private static String baseName(String name) {
    String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}
