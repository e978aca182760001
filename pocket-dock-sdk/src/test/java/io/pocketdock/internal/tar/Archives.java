package io.pocketdock.internal.tar;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads whole archives in tests: entries, and file contents by name. */
final class Archives {
  private Archives() {}

  record Read(List<TarEntry> entries, Map<String, String> contents) {
    TarEntry entry(String name) {
      return entries.stream()
          .filter(e -> e.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no entry " + name + " in " + names()));
    }

    List<String> names() {
      return entries.stream().map(TarEntry::name).toList();
    }
  }

  static Read read(byte[] archive) throws IOException {
    return read(new TarReader(new ByteArrayInputStream(archive)));
  }

  static Read read(TarReader reader) throws IOException {
    List<TarEntry> entries = new ArrayList<>();
    Map<String, String> contents = new LinkedHashMap<>();
    try (reader) {
      for (TarEntry e = reader.next(); e != null; e = reader.next()) {
        entries.add(e);
        if (e.isFile()) {
          contents.put(
              e.name(), new String(reader.entryContent().readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return new Read(entries, contents);
  }

  /** Writes an archive with {@code body} and returns its bytes. */
  static byte[] write(Body body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarWriter writer = new TarWriter(bytes)) {
      body.write(writer);
    }
    return bytes.toByteArray();
  }

  interface Body {
    void write(TarWriter writer) throws IOException;
  }
}
