package io.pocketdock.internal.tar;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a tar archive entry by entry without buffering content: call {@link #next()}, then
 * optionally read {@link #entryContent()}; unread content is skipped on the next call.
 *
 * <p>Reads ustar (with the prefix field), old GNU and v7 headers, GNU long names and link names
 * ({@code L}/{@code K}), pax extended headers ({@code x} and global {@code g}) and base-256
 * numbers. The input may come from a hostile container, so it is strict: checksums are verified,
 * every field is validated, extension records are capped at {@value #MAX_EXTENSION_BYTES} bytes per
 * entry, and any defect is a {@link TarFormatException} naming the entry and offset. The archive
 * ends at two zero blocks, or at a clean end of stream after one.
 */
public final class TarReader implements Closeable {
  /** The most bytes of pax or GNU long-name records accepted for one entry, and for globals. */
  public static final int MAX_EXTENSION_BYTES = 1 << 20;

  private final PositionedInput in;
  private final byte[] block = new byte[RawHeader.BLOCK];
  private final Map<String, String> globals = new HashMap<>();
  private long globalBytes;
  private @Nullable TarEntry current;
  private @Nullable EntryContent content;
  private boolean finished;

  /** Reads from {@code in}, which {@link #close()} closes. */
  public TarReader(InputStream in) {
    this.in = new PositionedInput(Objects.requireNonNull(in, "in"));
  }

  /**
   * Advances to the next entry, skipping any unread content of the current one.
   *
   * @return the entry, or null at the end of the archive
   * @throws TarFormatException if the archive is malformed or truncated
   */
  public @Nullable TarEntry next() throws IOException {
    if (finished) {
      return null;
    }
    if (content != null) {
      content.skipRest();
      content = null;
      current = null;
    }
    PendingExtensions pending = new PendingExtensions();
    while (true) {
      long offset = in.position();
      if (!readHeaderBlock(offset, pending)) {
        finished = true;
        return null;
      }
      RawHeader raw = RawHeader.parse(block, offset);
      NumericField.Context at = new NumericField.Context(raw.name(), offset);
      switch (raw.typeflag()) {
        case 'x', 'X' -> pending.pax.putAll(PaxRecords.parse(readExtension(raw, pending, at), at));
        case 'g' -> readGlobals(raw, at);
        case 'L' -> pending.longName = cString(readExtension(raw, pending, at));
        case 'K' -> pending.longLink = cString(readExtension(raw, pending, at));
        default -> {
          TarEntry entry = EntryDecoder.decode(raw, pending, globals, at);
          long padded = entry.size() + padding(entry.size());
          current = entry;
          content = new EntryContent(in, entry.size(), padded, at);
          return entry;
        }
      }
    }
  }

  /**
   * The current entry's content, exactly {@link TarEntry#size()} bytes long. Closing it does not
   * close the archive.
   *
   * @throws IllegalStateException before the first {@link #next()} or after the end
   */
  public InputStream entryContent() {
    if (content == null || current == null) {
      throw new IllegalStateException("no current entry");
    }
    return content;
  }

  /** Closes the underlying stream. */
  @Override
  public void close() throws IOException {
    finished = true;
    in.close();
  }

  static long padding(long size) {
    return (RawHeader.BLOCK - size % RawHeader.BLOCK) % RawHeader.BLOCK;
  }

  /** Reads a header block; false at the end-of-archive marker. */
  private boolean readHeaderBlock(long offset, PendingExtensions pending) throws IOException {
    int n = in.readFully(block, 0, RawHeader.BLOCK);
    if (n == 0) {
      throw new TarFormatException("archive ends without its end-of-archive blocks", null, offset);
    }
    if (n < RawHeader.BLOCK) {
      throw new TarFormatException("truncated header block", null, offset);
    }
    if (!RawHeader.isZero(block)) {
      return true;
    }
    if (pending.expectsEntry) {
      throw new TarFormatException("extension header with no entry after it", null, offset);
    }
    // Some writers stop after one zero block, so a clean end of stream here is accepted too.
    n = in.readFully(block, 0, RawHeader.BLOCK);
    if (n == 0 || (n == RawHeader.BLOCK && RawHeader.isZero(block))) {
      return false;
    }
    throw new TarFormatException("lone zero block inside the archive", null, offset);
  }

  private byte[] readExtension(RawHeader raw, PendingExtensions pending, NumericField.Context at)
      throws IOException {
    pending.bytes += raw.size();
    pending.expectsEntry = true;
    return readRecordData(raw.size(), pending.bytes, at);
  }

  private byte[] readRecordData(long size, long total, NumericField.Context at) throws IOException {
    if (total > MAX_EXTENSION_BYTES) {
      throw at.error("extension records exceed " + MAX_EXTENSION_BYTES + " bytes");
    }
    byte[] data = new byte[(int) size];
    if (in.readFully(data, 0, data.length) < data.length
        || in.skipFully(padding(size)) < padding(size)) {
      throw at.error("archive truncated inside an extension record");
    }
    return data;
  }

  private void readGlobals(RawHeader raw, NumericField.Context at) throws IOException {
    // A global header stands alone: it applies to all later entries and needs none after it.
    Map<String, String> records = PaxRecords.parse(readRecordData(raw.size(), raw.size(), at), at);
    for (Map.Entry<String, String> r : records.entrySet()) {
      globalBytes += r.getKey().length() + r.getValue().length();
      if (globalBytes > MAX_EXTENSION_BYTES) {
        throw at.error("global pax records exceed " + MAX_EXTENSION_BYTES + " bytes");
      }
      globals.put(r.getKey(), r.getValue());
    }
  }

  private static String cString(byte[] data) {
    int end = 0;
    while (end < data.length && data[end] != 0) {
      end++;
    }
    return new String(data, 0, end, StandardCharsets.UTF_8);
  }

  /** Extension records seen since the last entry, applied to the next one. */
  static final class PendingExtensions {
    final Map<String, String> pax = new HashMap<>();
    @Nullable String longName;
    @Nullable String longLink;
    long bytes;
    boolean expectsEntry;
  }
}
