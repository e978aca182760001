package io.pocketdock;

import io.pocketdock.internal.tar.TarTree;
import io.pocketdock.internal.tar.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Writes into a container: one file from memory ({@code writeFile}) or a host file or tree ({@code
 * push}), as a tar archive streamed to {@code PUT archive}. Entries belong to the container's user
 * (see {@link ContainerOwner}).
 *
 * <p>The engines differ where a write is wrong, so every check happens here first: Podman creates a
 * missing target directory (as root) where Docker answers 404, and both silently skip a file that
 * would replace a directory when asked not to overwrite, or remove the directory when not asked.
 */
final class FileUpload {
  /** The slowest upload we allow before the exchange's deadline ends it (bytes per second). */
  private static final long MIN_RATE = 5L << 20;

  private final ContainerFiles files;

  FileUpload(ContainerFiles files) {
    this.files = files;
  }

  /** Where an upload goes: into {@code dir}, under {@code rootName}, after creating {@code missing}. */
  record Placement(ContainerPath dir, String rootName, Deque<String> missing) {}

  void writeFile(String containerId, String target, String path, byte[] data, WriteOptions options) {
    String op = "writeFile";
    ContainerFiles.Defaults d = files.defaults(op, containerId, target);
    ContainerPath dest = files.path(op, containerId, target, path);
    if (dest.isRoot()) {
      throw InvalidArgumentException.of(op, "cannot write a file at /");
    }
    ArchiveCalls calls = files.calls(containerId, target);
    Placement place = place(op, calls, dest, target, null, false, options.createParents());
    upload(op, calls, d.owner(), place, Duration.ZERO, (w, name) ->
        w.writeFile(name, options.mode(), data.length, Instant.now(), new ByteArrayInputStream(data)));
  }

  void push(String containerId, String target, Path host, String containerPath) {
    String op = "push";
    if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
      throw new HostFileException(op, target, host, "no such file or directory on the host", "check the host path", null);
    }
    boolean hostIsDir = Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS);
    ContainerFiles.Defaults d = files.defaults(op, containerId, target);
    ContainerPath dest = files.path(op, containerId, target, containerPath);
    ArchiveCalls calls = files.calls(containerId, target);
    Path name = host.toAbsolutePath().normalize().getFileName();
    String hostName = name == null ? "root" : name.toString();
    Placement place = place(op, calls, dest, target, hostName, hostIsDir, false);
    Duration deadline = ArchiveCalls.IDLE_LIMIT.plusSeconds(treeSize(op, target, host) / MIN_RATE);
    upload(op, calls, d.owner(), place, deadline, (w, root) -> {
      try {
        TarTree.pack(host, root, w);
      } catch (IOException e) {
        if (e instanceof ArchiveCalls.HostReadException) {
          throw e;
        }
        throw new ArchiveCalls.HostReadException(host, e);
      }
    });
  }

  /** Decides where an upload of {@code dest} goes, checking everything the engines would not. */
  private Placement place(
      String op,
      ArchiveCalls calls,
      ContainerPath dest,
      String target,
      @Nullable String intoDirName,
      boolean sourceIsDir,
      boolean createParents) {
    Optional<PathStat> existing = calls.stat(op, dest);
    if (existing.isPresent()) {
      if (calls.isDirectory(op, existing.get())) {
        if (intoDirName == null) {
          throw new InvalidArgumentException(op, dest + " in " + target + " is a directory", "choose a file path inside it");
        }
        return new Placement(dest, intoDirName, new ArrayDeque<>());
      }
      if (sourceIsDir) {
        throw new InvalidArgumentException(op, dest + " in " + target + " is a file; cannot push a directory onto it", "push to a directory path");
      }
      return new Placement(dest.parent(), dest.name(), new ArrayDeque<>());
    }
    Deque<String> missing = new ArrayDeque<>();
    ContainerPath dir = dest.parent();
    while (true) {
      Optional<PathStat> st = calls.stat(op, dir);
      if (st.isPresent()) {
        if (!calls.isDirectory(op, st.get())) {
          throw new InvalidArgumentException(op, dir + " in " + target + " is not a directory", null);
        }
        return new Placement(dir, dest.name(), missing);
      }
      if (!createParents) {
        throw new FileNotFoundInContainerException(
            op, target, dir.value(),
            op.equals("writeFile") ? "create it first, or pass WriteOptions.defaults().withCreateParents(true)" : "create the directory first");
      }
      missing.addFirst(dir.name());
      dir = dir.parent();
    }
  }

  /** Writes one archive entry (or tree) under the given name. */
  @FunctionalInterface
  private interface Content {
    void write(TarWriter writer, String name) throws IOException;
  }

  private void upload(
      String op, ArchiveCalls calls, ContainerOwner owner, Placement place, Duration extra, Content content) {
    Instant now = Instant.now();
    try {
      calls.put(op, place.dir(), out -> {
        TarWriter w = new TarWriter(out).owner(owner.uid(), owner.gid(), owner.user(), owner.group());
        StringBuilder prefix = new StringBuilder();
        for (String dir : place.missing()) {
          prefix.append(dir).append('/');
          w.writeDirectory(prefix.toString(), 0755, now);
        }
        content.write(w, prefix + place.rootName());
        w.finish(); // not close(): the transport owns the stream
      }, ArchiveCalls.IDLE_LIMIT.plus(extra));
    } catch (ArchiveCalls.HostReadException e) {
      throw new HostFileException(op, null, e.path, "reading failed (" + e.getMessage() + ")", null, e);
    }
  }

  private static long treeSize(String op, String target, Path host) {
    try (Stream<Path> walk = Files.walk(host)) {
      return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .mapToLong(p -> {
            try {
              return Files.size(p);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      throw new HostFileException(op, target, host, "cannot read", null, e);
    }
  }
}
