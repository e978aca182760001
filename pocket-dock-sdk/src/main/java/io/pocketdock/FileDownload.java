package io.pocketdock;

import io.pocketdock.internal.tar.ExtractOptions;
import io.pocketdock.internal.tar.SafeExtractor;
import io.pocketdock.internal.tar.TarEntry;
import io.pocketdock.internal.tar.TarFormatException;
import io.pocketdock.internal.tar.TarReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Copies a file or directory tree out of a container ({@code pull}), streaming the engine's tar
 * archive straight to disk.
 *
 * <p>A container may be hostile, so a tree goes through {@link SafeExtractor} with the copy's own
 * path as the destination: nothing can be written outside it, links may not point outside it, and
 * whatever the pull created is removed when any entry is refused. A single file is written to a
 * temporary file beside the destination and renamed over it, so a symlink already at the
 * destination is replaced, never written through.
 */
final class FileDownload {
  private final ContainerFiles files;

  FileDownload(ContainerFiles files) {
    this.files = files;
  }

  void pull(String containerId, String target, String containerPath, Path hostPath) {
    String op = "pull";
    ContainerPath src = files.path(op, containerId, target, containerPath);
    Path host = hostPath.toAbsolutePath().normalize();
    Path dest = host;
    if (Files.isDirectory(host)) {
      dest = host.resolve(src.isRoot() ? "root" : src.name()); // like cp: into an existing directory
    } else if (host.getParent() == null || !Files.isDirectory(host.getParent())) {
      throw new HostFileException(op, target, host, "the host directory to pull into does not exist", "create it first", null);
    }
    ArchiveCalls calls = files.calls(containerId, target);
    for (int hop = 0; hop <= ContainerFiles.MAX_LINKS; hop++) {
      try (ArchiveCalls.Opened opened = calls.get(op, src);
          TarReader tar = new TarReader(opened.body())) {
        TarEntry root = tar.next();
        if (root == null) {
          throw new EngineCommunicationException(op, target, "the engine sent an empty archive for " + src, null);
        }
        switch (root.type()) {
          case DIRECTORY -> {
            boolean created = !Files.exists(dest, LinkOption.NOFOLLOW_LINKS);
            SafeExtractor.extract(tar, dest, ExtractOptions.defaults().withStripFirstComponent(true));
            if (created) {
              Files.setPosixFilePermissions(dest, permissions(root.mode()));
            }
            return;
          }
          case FILE -> {
            writeFile(tar, root, dest);
            return;
          }
          case SYMLINK -> src = ContainerPath.of(op, root.linkName(), src.parent().value());
          default -> throw new InvalidArgumentException(op, src + " in " + target + " is not a file or directory (" + root.type() + ")", null);
        }
      } catch (io.pocketdock.internal.tar.UnsafeArchiveException e) {
        throw new UnsafeArchiveException(op, target, e.entryName(), e.reason());
      } catch (TarFormatException e) {
        throw new EngineCommunicationException(op, target, "malformed archive from the engine: " + e.getMessage(), e);
      } catch (ArchiveCalls.EngineStreamException e) {
        throw Failures.fromIo(op, target, files.socket(), e);
      } catch (IOException e) {
        throw new HostFileException(op, target, dest, "writing failed (" + e + ")", null, e);
      }
    }
    throw new InvalidArgumentException(op, "too many levels of symbolic links: " + containerPath, null);
  }

  private static void writeFile(TarReader tar, TarEntry entry, Path dest) throws IOException {
    if (Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(dest + " is a directory");
    }
    Path parent = dest.getParent();
    Path temp = Files.createTempFile(parent, ".pocket-dock-pull-", ".part");
    try {
      try (InputStream in = tar.entryContent()) {
        long n = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        if (n != entry.size()) {
          throw new ArchiveCalls.EngineStreamException(new IOException("archive ended inside " + entry.name()));
        }
      }
      Files.setPosixFilePermissions(temp, permissions(entry.mode()));
      Files.setLastModifiedTime(temp, FileTime.from(entry.mtime()));
      Files.move(temp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The permission bits of {@code mode}; setuid, setgid and sticky are dropped, as on extraction. */
  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] all = PosixFilePermission.values();
    for (int i = 0; i < 9; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        perms.add(all[i]);
      }
    }
    return perms;
  }
}
