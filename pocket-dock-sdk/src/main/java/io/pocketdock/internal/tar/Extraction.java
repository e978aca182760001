package io.pocketdock.internal.tar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One run of {@link SafeExtractor}: what it has created, so it can check names and roll back. */
final class Extraction {
  private enum Kind {
    DIRECTORY,
    FILE,
    SYMLINK
  }

  private record Made(Kind kind, String name, Path path) {}

  private record DeferredDirectory(Path path, TarEntry entry) {}

  private final Path root;
  private final ExtractOptions options;
  private final Writes writes;
  private final Map<String, Made> byKey = new HashMap<>();
  private final List<DeferredDirectory> directories = new ArrayList<>();
  private long entries;
  private long bytes;

  private Extraction(Path root, ExtractOptions options, Writes writes) {
    this.root = root;
    this.options = options;
    this.writes = writes;
  }

  static Extraction begin(Path destination, ExtractOptions options) throws IOException {
    Writes writes = new Writes(options.preserveModes());
    Path absolute = destination.toAbsolutePath();
    List<Path> missing = new ArrayList<>();
    for (Path p = absolute; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); ) {
      missing.add(0, p);
      p = p.getParent();
    }
    for (Path p : missing) {
      Files.createDirectory(p);
      writes.created(p);
    }
    if (!Files.isDirectory(absolute)) {
      throw new NoSuchFileException(destination.toString(), null, "not a directory");
    }
    // The destination itself is the caller's choice, so a symlink to it is followed once here.
    return new Extraction(absolute.toRealPath(), options, writes);
  }

  void add(TarEntry entry, TarReader in) throws IOException {
    String name = entry.name();
    if (++entries > options.maxEntries()) {
      throw new UnsafeArchiveException(name, "more than " + options.maxEntries() + " entries");
    }
    List<String> parts = strip(ArchivePath.components(name, name));
    switch (entry.type()) {
      case CHAR_DEVICE, BLOCK_DEVICE, FIFO ->
          throw new UnsafeArchiveException(name, "device nodes and FIFOs are not extracted");
      case OTHER -> throw new UnsafeArchiveException(name, "unsupported entry type");
      default -> {}
    }
    if (parts.isEmpty()) {
      if (entry.isDirectory() || options.stripFirstComponent()) {
        return; // the destination itself, or a top-level entry stripped away
      }
      throw new UnsafeArchiveException(name, "empty path");
    }
    String key = ArchivePath.collisionKey(parts);
    @Nullable Made earlier = byKey.get(key);
    if (earlier != null && !(earlier.kind() == Kind.DIRECTORY && entry.isDirectory())) {
      throw new UnsafeArchiveException(
          name,
          "name collides with earlier entry '"
              + earlier.name()
              + "' (equal, or equal ignoring case or Unicode normalization)");
    }
    Path parent = parentDirectory(name, parts);
    Path target = Writes.child(name, parent, parts.get(parts.size() - 1));
    boolean existed = prepareLeaf(entry, target, earlier != null);
    switch (entry.type()) {
      case DIRECTORY -> addDirectory(entry, target, existed);
      case FILE -> addFile(entry, target, in.entryContent());
      case SYMLINK -> {
        ArchivePath.checkSymlinkTarget(name, entry.linkName(), parts.size() - 1);
        writes.symlink(target, entry.linkName());
      }
      case HARDLINK -> addHardLink(entry, target);
      default -> throw new IllegalStateException("unreachable: " + entry.type());
    }
    Kind kind =
        switch (entry.type()) {
          case DIRECTORY -> Kind.DIRECTORY;
          case SYMLINK -> Kind.SYMLINK;
          default -> Kind.FILE;
        };
    byKey.putIfAbsent(key, new Made(kind, name, target));
  }

  /** Applies directory modes and times, deepest first, once nothing more goes into them. */
  void finish() throws IOException {
    for (int i = directories.size() - 1; i >= 0; i--) {
      DeferredDirectory d = directories.get(i);
      writes.setModeAndTime(d.path(), d.entry());
    }
  }

  void rollBack(Throwable cause) {
    writes.deleteCreated(cause);
  }

  private List<String> strip(List<String> parts) {
    return options.stripFirstComponent() && !parts.isEmpty()
        ? parts.subList(1, parts.size())
        : parts;
  }

  /** Walks to the entry's parent, creating missing directories and refusing any symlink. */
  private Path parentDirectory(String name, List<String> parts) throws IOException {
    Path dir = root;
    for (int i = 0; i < parts.size() - 1; i++) {
      List<String> prefix = parts.subList(0, i + 1);
      String shown = String.join("/", prefix);
      @Nullable Made made = byKey.get(ArchivePath.collisionKey(prefix));
      if (made != null && made.kind() == Kind.SYMLINK) {
        throw new UnsafeArchiveException(
            name, "path goes through symlink '" + made.name() + "' created earlier in the archive");
      }
      if (made != null && made.kind() == Kind.FILE) {
        throw new UnsafeArchiveException(name, "parent '" + shown + "' is not a directory");
      }
      dir = Writes.child(name, dir, parts.get(i));
      BasicFileAttributes attrs = Writes.attributes(dir);
      if (attrs == null) {
        writes.directory(dir);
        byKey.put(ArchivePath.collisionKey(prefix), new Made(Kind.DIRECTORY, shown, dir));
      } else if (attrs.isSymbolicLink()) {
        throw new UnsafeArchiveException(
            name, "path goes through symlink '" + shown + "' already in the destination");
      } else if (!attrs.isDirectory()) {
        throw new UnsafeArchiveException(name, "parent '" + shown + "' is not a directory");
      }
    }
    return dir;
  }

  /** Checks what is already at the entry's path; true if a directory there will be merged. */
  private boolean prepareLeaf(TarEntry entry, Path target, boolean ours) throws IOException {
    BasicFileAttributes attrs = Writes.attributes(target);
    if (attrs == null) {
      return false;
    }
    String name = entry.name();
    if (attrs.isSymbolicLink()) {
      throw new UnsafeArchiveException(
          name, "a symlink is already in the destination at this path");
    }
    if (attrs.isDirectory()) {
      if (entry.isDirectory()) {
        return true;
      }
      throw new UnsafeArchiveException(name, "a directory is already at this path");
    }
    if (attrs.isRegularFile() && !entry.isDirectory() && !ours) {
      Files.delete(target); // replaced, never written through: it may be a hard link elsewhere
      return false;
    }
    throw new UnsafeArchiveException(name, "a non-directory is already at this path");
  }

  private void addDirectory(TarEntry entry, Path target, boolean existed) throws IOException {
    if (!existed) {
      writes.directory(target);
    }
    if (!existed || writes.isCreated(target)) {
      directories.add(new DeferredDirectory(target, entry));
    }
  }

  private void addFile(TarEntry entry, Path target, InputStream content) throws IOException {
    reserve(entry, entry.size());
    writes.created(target);
    try (OutputStream out =
        Files.newOutputStream(
            target,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      content.transferTo(out);
    }
    writes.setModeAndTime(target, entry);
  }

  private void addHardLink(TarEntry entry, Path target) throws IOException {
    String name = entry.name();
    List<String> parts = strip(ArchivePath.components(name, entry.linkName()));
    @Nullable Made linked = parts.isEmpty() ? null : byKey.get(ArchivePath.collisionKey(parts));
    if (linked == null || linked.kind() != Kind.FILE) {
      throw new UnsafeArchiveException(
          name,
          "hard link target '"
              + entry.linkName()
              + "' is not a regular file extracted earlier from this archive");
    }
    try {
      Files.createLink(target, linked.path());
      writes.created(target);
    } catch (UnsupportedOperationException | FileSystemException e) {
      reserve(entry, Files.size(linked.path())); // a copy costs its size again
      Files.copy(linked.path(), target, LinkOption.NOFOLLOW_LINKS);
      writes.created(target);
    }
  }

  private void reserve(TarEntry entry, long size) throws UnsafeArchiveException {
    if (size > options.maxTotalBytes() - bytes) {
      throw new UnsafeArchiveException(
          entry.name(), "content exceeds the limit of " + options.maxTotalBytes() + " bytes");
    }
    bytes += size;
  }
}
