package io.pocketdock.internal.tar;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Merges a header with the pax and GNU extension records before it into a {@link TarEntry}. */
final class EntryDecoder {
  /** Keeps size plus padding within a long; no real archive comes near it. */
  private static final long MAX_SIZE = Long.MAX_VALUE - RawHeader.BLOCK;

  private EntryDecoder() {}

  static TarEntry decode(
      RawHeader raw,
      TarReader.PendingExtensions pending,
      Map<String, String> globals,
      NumericField.Context headerAt)
      throws TarFormatException {
    Lookup pax = new Lookup(pending.pax, globals);
    String name = pax.text("path", pending.longName, raw.name());
    NumericField.Context at = new NumericField.Context(name, headerAt.offset());
    TarEntry.Type type = type(raw.typeflag(), name);
    if (pax.anyKeyStartsWith("GNU.sparse.")) {
      type = TarEntry.Type.OTHER; // its content is a sparse map, not the file; never extract it
    }
    long size = pax.number("size", raw.size(), at);
    if (size > MAX_SIZE) {
      throw at.error("entry size out of range");
    }
    if (type != TarEntry.Type.FILE && type != TarEntry.Type.OTHER) {
      size = 0; // POSIX: links, directories, devices and FIFOs have no data blocks
    }
    if (type == TarEntry.Type.DIRECTORY) {
      name = stripTrailingSlashes(name);
    }
    if (name.isEmpty()) {
      throw at.error("empty entry name");
    }
    return new TarEntry(
        name,
        type,
        raw.mode(),
        pax.number("uid", raw.uid(), at),
        pax.number("gid", raw.gid(), at),
        pax.text("uname", null, raw.uname()),
        pax.text("gname", null, raw.gname()),
        size,
        pax.time("mtime", raw.mtime(), at),
        pax.text("linkpath", pending.longLink, raw.linkName()));
  }

  private static TarEntry.Type type(byte flag, String name) {
    return switch (flag) {
      // Old archives mark directories only by a trailing slash on a regular-file entry.
      case 0, '0', '7' -> name.endsWith("/") ? TarEntry.Type.DIRECTORY : TarEntry.Type.FILE;
      case '1' -> TarEntry.Type.HARDLINK;
      case '2' -> TarEntry.Type.SYMLINK;
      case '3' -> TarEntry.Type.CHAR_DEVICE;
      case '4' -> TarEntry.Type.BLOCK_DEVICE;
      case '5' -> TarEntry.Type.DIRECTORY;
      case '6' -> TarEntry.Type.FIFO;
      default -> TarEntry.Type.OTHER;
    };
  }

  private static String stripTrailingSlashes(String name) {
    int end = name.length();
    while (end > 1 && name.charAt(end - 1) == '/') {
      end--;
    }
    return name.substring(0, end);
  }

  /** Pax values in precedence order: per-entry record, GNU long record, global record, header. */
  private record Lookup(Map<String, String> local, Map<String, String> globals) {
    String text(String key, @Nullable String gnu, String header) {
      String local = this.local.get(key);
      if (local != null) {
        return local.isEmpty() ? header : local; // an empty value cancels a global one
      }
      if (gnu != null) {
        return gnu;
      }
      String global = globals.get(key);
      return global == null || global.isEmpty() ? header : global;
    }

    boolean anyKeyStartsWith(String prefix) {
      return local.keySet().stream().anyMatch(k -> k.startsWith(prefix))
          || globals.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    long number(String key, long header, NumericField.Context at) throws TarFormatException {
      String value = text(key, null, "");
      if (value.isEmpty()) {
        return header;
      }
      if (value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw at.error("bad pax " + key + ": " + abbreviate(value));
      }
      return Long.parseLong(value);
    }

    Instant time(String key, long header, NumericField.Context at) throws TarFormatException {
      String value = text(key, null, "");
      if (value.isEmpty()) {
        return Instant.ofEpochSecond(header);
      }
      return PaxTime.parse(value, at);
    }
  }

  static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }
}
