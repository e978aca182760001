package io.pocketdock.bench;

import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.engine.EngineEndpoint;
import io.pocketdock.internal.engine.EngineProbe;
import io.pocketdock.internal.engine.SocketCandidate;
import io.pocketdock.internal.frame.Frame;
import io.pocketdock.internal.frame.StreamDemuxer;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.http.UnixSocketTransport;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The floor: each job done with the fewest raw engine API calls, through the SDK's own transport
 * and JSON (so the floor pays the same client-side costs, and the ratio shows what our logic adds).
 */
final class RawEngine implements AutoCloseable {
  private final EngineClient client;
  private final String image;
  private final String runLabel;
  private final String runId;

  RawEngine(Path socket, String image, String runLabel, String runId) throws IOException {
    UnixSocketTransport transport = new UnixSocketTransport(socket);
    EngineEndpoint endpoint =
        EngineProbe.probe(new SocketCandidate(socket, "bench", true), transport);
    this.client = new EngineClient(transport, endpoint);
    this.image = image;
    this.runLabel = runLabel;
    this.runId = runId;
  }

  /**
   * POST create + POST start, with the same container settings pocket-dock uses (init as PID 1,
   * no network, no-new-privileges, a pids limit): the same job, without our logic around it.
   */
  String createStarted() throws IOException {
    JsonObject hostConfig =
        JsonObject.builder()
            .put("Init", true)
            .put("NetworkMode", "none")
            .put("SecurityOpt", JsonArray.ofStrings(List.of("no-new-privileges")))
            .put("PidsLimit", 512)
            .build();
    JsonObject body =
        JsonObject.builder()
            .put("Image", image)
            .put("Cmd", JsonArray.ofStrings(List.of("sleep", "infinity")))
            .put("Labels", JsonObject.builder().put(runLabel, runId).build())
            .put("StopTimeout", 3)
            .put("HostConfig", hostConfig)
            .build();
    String name = "pd-bench-" + UUID.randomUUID().toString().substring(0, 12);
    String id = client.createContainer(name, body);
    client.startContainer(id);
    return id;
  }

  /** DELETE ?force=true. */
  void remove(String id) throws IOException {
    client.removeContainer(id, true);
  }

  /**
   * Exec create + start (output de-framed and discarded) + inspect for the exit code: the least an
   * exec costs when you need its output and its exit code.
   */
  int exec(String containerId, String command) throws IOException {
    JsonObject body =
        JsonObject.builder()
            .put("AttachStdout", true)
            .put("AttachStderr", true)
            .put("Cmd", JsonArray.ofStrings(List.of("/bin/sh", "-c", command)))
            .build();
    String execId = client.createExec(containerId, body);
    try (HttpResponse r = client.startExec(execId, false, Duration.ofMinutes(2))) {
      StreamDemuxer frames = new StreamDemuxer(r.body());
      for (Frame f = frames.next(); f != null; f = frames.next()) {
        // discarded: the floor pays for reading the output, not for keeping it
      }
    }
    while (true) {
      JsonObject state = client.inspectExec(execId);
      if (!state.bool("Running", false)) {
        return (int) state.longValue("ExitCode", -1);
      }
      Thread.onSpinWait();
    }
  }

  /**
   * An attached {@code cat}: one exec with stdin over an upgraded connection. {@link Echo#roundTrip}
   * sends a line and reads it back, the least a session's command can cost.
   */
  Echo echo(String containerId) throws IOException {
    JsonObject body =
        JsonObject.builder()
            .put("AttachStdin", true)
            .put("AttachStdout", true)
            .put("AttachStderr", true)
            .put("Cmd", JsonArray.ofStrings(List.of("cat")))
            .build();
    String execId = client.createExec(containerId, body);
    return new Echo(client.startExec(execId, true, Duration.ZERO));
  }

  /** A running attached {@code cat}. */
  static final class Echo implements AutoCloseable {
    private final HttpResponse connection;
    private final java.io.OutputStream stdin;
    private final StreamDemuxer frames;

    Echo(HttpResponse connection) {
      this.connection = connection;
      this.stdin = connection.upgradedOutput();
      this.frames = new StreamDemuxer(connection.body());
    }

    /** Writes one line and reads until it is back. */
    void roundTrip() throws IOException {
      stdin.write(LINE);
      stdin.flush();
      int seen = 0;
      while (seen < LINE.length) {
        Frame f = frames.next();
        if (f == null) {
          throw new IOException("cat ended");
        }
        seen += f.data().length;
      }
    }

    private static final byte[] LINE = "true\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public void close() {
      connection.close();
    }
  }

  /** Uploads {@code data} as one file {@code dir/name} in a tar, the fewest calls a write can take. */
  void putFile(String containerId, String dir, String name, byte[] data) throws IOException {
    client.putArchive(
        containerId,
        dir,
        out -> {
          io.pocketdock.internal.tar.TarWriter tar = new io.pocketdock.internal.tar.TarWriter(out);
          tar.writeFile(name, 0644, data);
          tar.finish();
        },
        Duration.ofMinutes(2));
  }

  /** Reads a file back through the archive API, returning the bytes of its one entry. */
  byte[] getFile(String containerId, String path) throws IOException {
    try (HttpResponse r = client.getArchive(containerId, path, Duration.ofMinutes(2));
        io.pocketdock.internal.tar.TarReader tar =
            new io.pocketdock.internal.tar.TarReader(r.body())) {
      if (tar.next() == null) {
        throw new IOException("empty archive for " + path);
      }
      return tar.entryContent().readAllBytes();
    }
  }

  /** Removes every container this run labelled, ours and the floor's. */
  int sweep() throws IOException {
    int n = 0;
    for (JsonObject c : client.listContainers(List.of(runLabel + "=" + runId))) {
      client.removeContainer(c.string("Id", ""), true);
      n++;
    }
    return n;
  }

  String engineVersion() {
    return client.endpoint().version();
  }

  @Override
  public void close() {
    client.close();
  }
}
