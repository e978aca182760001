package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.tar.TarEntry;
import io.pocketdock.internal.tar.TarFormatException;
import io.pocketdock.internal.tar.TarReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and writes single files of one container through the engine's archive API, and resolves
 * what every file operation needs: the working directory (for relative paths) and the owner of
 * written files. Both come from the container's configuration, which cannot change for a container
 * id, so they are read once per id.
 */
final class ContainerFiles {
  /** How many symlinks a read follows before giving up, as the kernel's limit for a path. */
  static final int MAX_LINKS = 40;

  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
  private static final long LIST_OUTPUT = 64L << 20;
  private static final java.time.Duration LIST_TIMEOUT = java.time.Duration.ofSeconds(60);

  /** A container's settings that file operations need. */
  record Defaults(String containerId, String workdir, ContainerOwner owner) {}

  private final EngineContext engine;
  private volatile Defaults defaults = new Defaults("", "/", ContainerOwner.SANDBOX);

  ContainerFiles(EngineContext engine) {
    this.engine = engine;
  }

  ArchiveCalls calls(String containerId, String target) {
    return new ArchiveCalls(engine, containerId, target);
  }

  /** The working directory and owner of {@code containerId}, read from the engine once. */
  Defaults defaults(String operation, String containerId, String target) {
    Defaults d = defaults;
    if (d.containerId().equals(containerId)) {
      return d;
    }
    JsonObject config;
    try {
      config = engine.client.inspectContainer(containerId).object("Config");
    } catch (EngineResponseException e) {
      throw Failures.fromEngine(operation, target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      throw Failures.fromIo(operation, target, engine.socket(), e);
    }
    String workdir = config.string("WorkingDir", "");
    String user = config.string("User", "");
    ArchiveCalls calls = calls(containerId, target);
    ContainerOwner owner =
        user.isBlank()
            ? ContainerOwner.ROOT
            : ContainerOwner.resolve(user, smallFile(calls, "/etc/passwd"), smallFile(calls, "/etc/group"));
    d = new Defaults(containerId, workdir.startsWith("/") ? workdir : "/", owner);
    defaults = d;
    return d;
  }

  ContainerPath path(String operation, String containerId, String target, String path) {
    return ContainerPath.of(operation, path, defaults(operation, containerId, target).workdir());
  }

  byte[] read(String containerId, String target, String path) {
    ContainerPath p = path("readFile", containerId, target, path);
    ArchiveCalls calls = calls(containerId, target);
    for (int hop = 0; hop <= MAX_LINKS; hop++) {
      try (ArchiveCalls.Opened opened = calls.get("readFile", p);
          TarReader tar = new TarReader(opened.body())) {
        TarEntry entry = tar.next();
        if (entry == null) {
          throw new EngineCommunicationException("readFile", target, "the engine sent an empty archive for " + p, null);
        }
        switch (entry.type()) {
          case FILE -> {
            if (entry.size() > MAX_ARRAY) {
              throw new InvalidArgumentException(
                  "readFile", p + " is too large to read into memory (" + entry.size() + " bytes)", "use pull() to copy it to a host file");
            }
            byte[] data = tar.entryContent().readNBytes((int) entry.size());
            if (data.length != entry.size()) {
              throw new EngineCommunicationException("readFile", target, "archive ended inside " + p, null);
            }
            return data;
          }
          case SYMLINK -> p = ContainerPath.of("readFile", entry.linkName(), p.parent().value());
          case DIRECTORY ->
              throw new InvalidArgumentException(
                  "readFile", p + " in " + target + " is a directory", "use listFiles() or pull()");
          default ->
              throw new InvalidArgumentException(
                  "readFile", p + " in " + target + " is not a regular file (" + entry.type() + ")", null);
        }
      } catch (TarFormatException e) {
        throw new EngineCommunicationException("readFile", target, "malformed archive from the engine: " + e.getMessage(), e);
      } catch (IOException e) {
        throw Failures.fromIo("readFile", target, engine.socket(), e);
      }
    }
    throw new InvalidArgumentException("readFile", "too many levels of symbolic links: " + path, null);
  }

  /**
   * Lists one directory, with {@code runner} executing {@link FileListing}'s script as the
   * container's user. A directory that user may not read is listed from the engine's archive
   * instead, which reads as root (and streams the whole tree, so it is only the fallback): an exec
   * as root is no help, because with no-new-privileges Docker gives it no capabilities.
   */
  java.util.List<FileEntry> list(CommandRunner runner, String containerId, String target, String path) {
    ContainerPath dir = path("listFiles", containerId, target, path);
    ExecResult r =
        runner.run(
            containerId,
            target,
            FileListing.command(dir.value()),
            ExecOptions.defaults().withMaxOutput(LIST_OUTPUT).withTimeout(LIST_TIMEOUT),
            LIST_TIMEOUT);
    if (r.exitCode() == FileListing.MISSING) {
      throw new FileNotFoundInContainerException("listFiles", target, dir.value(), "check the path");
    }
    if (r.exitCode() == FileListing.NOT_A_DIRECTORY) {
      throw new InvalidArgumentException("listFiles", dir + " in " + target + " is not a directory", "use readFile() for a file");
    }
    if (r.exitCode() == FileListing.NOT_PERMITTED) {
      return archiveList(containerId, target, dir);
    }
    if (r.exitCode() != 0 || r.truncated()) {
      String why = r.truncated() ? "the listing exceeded " + LIST_OUTPUT + " bytes" : "exit " + r.exitCode() + ": " + r.stderr().strip();
      throw new EngineCommunicationException("listFiles", target, "listing " + dir + " failed (" + why + ")", null);
    }
    try {
      java.util.List<FileEntry> entries = FileListing.parse(r.stdout());
      entries.sort(java.util.Comparator.comparing(FileEntry::name)); // the globs are sorted per group
      return java.util.List.copyOf(entries);
    } catch (IllegalArgumentException e) {
      throw new EngineCommunicationException("listFiles", target, "unreadable listing of " + dir + ": " + e.getMessage(), e);
    }
  }

  private java.util.List<FileEntry> archiveList(String containerId, String target, ContainerPath dir) {
    java.util.List<FileEntry> entries = new java.util.ArrayList<>();
    try (ArchiveCalls.Opened opened = calls(containerId, target).get("listFiles", dir);
        TarReader tar = new TarReader(opened.body())) {
      for (TarEntry e = tar.next(); e != null; e = tar.next()) {
        String name = e.name();
        int slash = name.indexOf('/');
        if (slash < 0 || slash == name.length() - 1 || name.indexOf('/', slash + 1) >= 0) {
          continue; // the directory itself, or deeper than one level
        }
        FileEntry.Type type =
            switch (e.type()) {
              case FILE, HARDLINK -> FileEntry.Type.FILE;
              case DIRECTORY -> FileEntry.Type.DIRECTORY;
              case SYMLINK -> FileEntry.Type.SYMLINK;
              default -> FileEntry.Type.OTHER;
            };
        entries.add(
            new FileEntry(
                name.substring(slash + 1),
                type,
                type == FileEntry.Type.SYMLINK ? e.linkName().length() : e.size(),
                e.mode(),
                type == FileEntry.Type.SYMLINK ? e.linkName() : null,
                e.mtime()));
      }
    } catch (IOException e) {
      throw Failures.fromIo("listFiles", target, engine.socket(), e);
    }
    entries.sort(java.util.Comparator.comparing(FileEntry::name));
    return java.util.List.copyOf(entries);
  }

  String socket() {
    return engine.socket();
  }

  /** The content of a small file such as /etc/passwd, or nothing when it cannot be read. */
  private static byte[] smallFile(ArchiveCalls calls, String path) {
    try (ArchiveCalls.Opened opened = calls.get("readFile", new ContainerPath(path));
        TarReader tar = new TarReader(opened.body())) {
      TarEntry entry = tar.next();
      if (entry != null && entry.isFile() && entry.size() < (1 << 20)) {
        try (InputStream in = tar.entryContent()) {
          return in.readAllBytes();
        }
      }
    } catch (IOException | PocketDockException e) {
      // No passwd (busybox may have none) or a symlinked one: fall back to the defaults.
    }
    return new byte[0];
  }
}
