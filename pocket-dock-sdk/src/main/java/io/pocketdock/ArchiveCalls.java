package io.pocketdock;

import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.http.IOConsumer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The engine's archive API for one container, with its errors mapped: a 404 about the path becomes
 * {@link FileNotFoundInContainerException}, a 404 about the container {@link
 * ContainerGoneException}.
 */
final class ArchiveCalls {
  /** How long a transfer may go without progress before the connection is dropped. */
  static final Duration IDLE_LIMIT = Duration.ofSeconds(60);

  private final EngineContext engine;
  private final String containerId;
  private final String target;
  private boolean containerSeen;

  ArchiveCalls(EngineContext engine, String containerId, String target) {
    this.engine = engine;
    this.containerId = containerId;
    this.target = target;
  }

  /** The path's description, or empty when it does not exist. */
  Optional<PathStat> stat(String operation, ContainerPath path) {
    try {
      return Optional.of(PathStat.of(engine.client.statPath(containerId, path.value())));
    } catch (EngineResponseException e) {
      // HEAD answers carry no message: 404 is a missing path or container, and Docker answers 500
      // when a parent component is a file. Either way the path is not there, if the container is.
      if (e.status() == 404 || e.status() == 500) {
        ensureContainerExists(operation);
        return Optional.empty();
      }
      throw Failures.fromEngine(operation, target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      throw Failures.fromIo(operation, target, engine.socket(), e);
    }
  }

  private void ensureContainerExists(String operation) {
    if (containerSeen) {
      return;
    }
    try {
      engine.client.inspectContainer(containerId);
      containerSeen = true;
    } catch (EngineResponseException e) {
      throw Failures.fromEngine(operation, target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      throw Failures.fromIo(operation, target, engine.socket(), e);
    }
  }

  /** Whether the path is a directory, following a final symlink the engine left unresolved. */
  boolean isDirectory(String operation, PathStat stat) {
    if (stat.directory()) {
      return true;
    }
    if (stat.unresolvedSymlink()) {
      ContainerPath resolved = ContainerPath.of(operation, stat.linkTarget(), "/");
      return stat(operation, resolved).map(PathStat::directory).orElse(false);
    }
    return false;
  }

  /**
   * Opens a tar stream of {@code path}. Its reads fail with {@link EngineStreamException}, so a
   * caller can tell them from its own I/O, and each MiB read moves the deadline.
   */
  Opened get(String operation, ContainerPath path) {
    try {
      HttpResponse response = engine.client.getArchive(containerId, path.value(), IDLE_LIMIT);
      return new Opened(response, new ProgressInput(response));
    } catch (EngineResponseException e) {
      throw map(operation, path, e);
    } catch (IOException e) {
      throw Failures.fromIo(operation, target, engine.socket(), e);
    }
  }

  /** Uploads the archive {@code writer} produces into the directory {@code dir}. */
  void put(String operation, ContainerPath dir, IOConsumer<OutputStream> writer, Duration deadline)
      throws HostReadException {
    try {
      engine.client.putArchive(containerId, dir.value(), writer, deadline);
    } catch (EngineResponseException e) {
      throw map(operation, dir, e);
    } catch (HostReadException e) {
      throw e;
    } catch (IOException e) {
      throw Failures.fromIo(operation, target, engine.socket(), e);
    }
  }

  PocketDockException map(String operation, ContainerPath path, EngineResponseException e) {
    if (e.status() == 404 && !aboutContainer(e)) {
      return new FileNotFoundInContainerException(operation, target, path.value(), "check the path, e.g. with listFiles");
    }
    return Failures.fromEngine(operation, target, e, Failures.Missing.CONTAINER_GONE, "");
  }

  private static boolean aboutContainer(EngineResponseException e) {
    return e.engineMessage().toLowerCase(Locale.ROOT).contains("no such container");
  }

  /** An open archive stream: close the response when done. */
  record Opened(HttpResponse response, InputStream body) implements AutoCloseable {
    @Override
    public void close() {
      response.close();
    }
  }

  /** A read from the engine failed (as opposed to writing on the host). */
  static final class EngineStreamException extends IOException {
    private static final long serialVersionUID = 1L;

    EngineStreamException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Reading a host file for an upload failed (as opposed to the socket). */
  static final class HostReadException extends IOException {
    private static final long serialVersionUID = 1L;

    final transient java.nio.file.Path path;

    HostReadException(java.nio.file.Path path, IOException cause) {
      super(cause.getMessage(), cause);
      this.path = path;
    }
  }

  /** Tags read failures and moves the deadline as data arrives. */
  private static final class ProgressInput extends FilterInputStream {
    private static final long STEP = 1 << 20;
    private final HttpResponse response;
    private long sinceExtend;

    ProgressInput(HttpResponse response) {
      super(response.body());
      this.response = response;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = super.read(b, off, len);
        sinceExtend += Math.max(n, 0);
        if (sinceExtend >= STEP) {
          sinceExtend = 0;
          response.extendDeadline(IDLE_LIMIT);
        }
        return n;
      } catch (IOException e) {
        throw new EngineStreamException(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      // Through read(), so that skipped content also moves the deadline and tags failures.
      byte[] scratch = new byte[(int) Math.min(Math.max(n, 0), 8192)];
      int r = scratch.length == 0 ? 0 : read(scratch, 0, scratch.length);
      return Math.max(r, 0);
    }
  }
}
