package io.pocketdock;

import io.pocketdock.internal.engine.EngineClient;
import io.pocketdock.internal.engine.EngineResponseException;
import io.pocketdock.internal.frame.Frame;
import io.pocketdock.internal.frame.StreamDemuxer;
import io.pocketdock.internal.frame.StreamKind;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One running interpreter driver: a long-lived exec with stdin attached. Requests go to its stdin
 * as JSON lines; answers are the stdout lines that start with a random marker, so nothing a cell
 * prints can pose as an answer. Its stderr (the driver's own failures, such as a missing {@code
 * python3}) is kept, the last few KiB, for error messages. Not thread-safe: the interpreter
 * serializes cells.
 */
final class ReplProcess implements AutoCloseable {
  /** Largest answer line accepted (output and artifacts are capped well below this). */
  private static final int MAX_LINE = 256 << 20;

  private static final int STDERR_KEPT = 4096;

  private final EngineContext engine;
  private final String containerId;
  private final String token;
  private final String execId;
  private final HttpResponse stream;
  private final StreamDemuxer frames;
  private final OutputStream stdin;
  private final byte[] marker;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  private ReplProcess(
      EngineContext engine, String containerId, String token, String execId,
      HttpResponse stream, String marker) {
    this.engine = engine;
    this.containerId = containerId;
    this.token = token;
    this.execId = execId;
    this.stream = stream;
    this.frames = new StreamDemuxer(stream.body());
    this.stdin = stream.upgradedOutput();
    this.marker = (marker + " ").getBytes(StandardCharsets.US_ASCII);
  }

  /** Starts {@code program}, then the answer marker, then {@code args}, with stdin attached. */
  static ReplProcess start(
      EngineContext engine, String containerId, String target, List<String> program,
      List<String> args, List<String> env) {
    String token = CommandRunner.token();
    String marker = "PD-" + CommandRunner.token();
    List<String> cmd = new ArrayList<>(program);
    cmd.add(marker);
    cmd.addAll(args);
    List<String> fullEnv = new ArrayList<>(env);
    fullEnv.add(KillScript.ENV + "=" + token);
    try {
      EngineClient.Attached exec = engine.client.startAttached(containerId, cmd, fullEnv);
      return new ReplProcess(engine, containerId, token, exec.execId(), exec.connection(), marker);
    } catch (EngineResponseException e) {
      throw Failures.fromEngine("interpreter", target, e, Failures.Missing.CONTAINER_GONE, "");
    } catch (IOException e) {
      throw Failures.fromIo("interpreter", target, engine.socket(), e);
    }
  }

  /** Sends one request line. */
  void send(JsonObject request) throws IOException {
    byte[] bytes = (Json.write(request) + "\n").getBytes(StandardCharsets.UTF_8);
    stdin.write(bytes);
    stdin.flush();
  }

  /** The next answer, or {@code null} when the process ended first. */
  @Nullable JsonObject nextAnswer() throws IOException {
    for (Frame f = frames.next(); f != null; f = frames.next()) {
      if (f.stream() == StreamKind.STDERR) {
        keepStderr(f.data());
        continue;
      }
      for (byte b : f.data()) {
        if (b != '\n') {
          if (line.size() >= MAX_LINE) {
            throw new IOException("interpreter answer longer than " + MAX_LINE + " bytes");
          }
          line.write(b);
          continue;
        }
        byte[] whole = line.toByteArray();
        line.reset();
        if (startsWithMarker(whole)) {
          String json =
              new String(whole, marker.length, whole.length - marker.length, StandardCharsets.UTF_8);
          return Json.parseObject(json);
        }
      }
    }
    return null;
  }

  private boolean startsWithMarker(byte[] bytes) {
    if (bytes.length < marker.length) {
      return false;
    }
    for (int i = 0; i < marker.length; i++) {
      if (bytes[i] != marker[i]) {
        return false;
      }
    }
    return true;
  }

  private void keepStderr(byte[] data) {
    stderr.write(data, 0, data.length);
    if (stderr.size() > STDERR_KEPT) {
      byte[] all = stderr.toByteArray();
      stderr.reset();
      stderr.write(all, all.length - STDERR_KEPT, STDERR_KEPT);
    }
  }

  /** What the process wrote to its own stderr, the last few KiB. */
  String stderrTail() {
    return stderr.toString(StandardCharsets.UTF_8).trim();
  }

  /** The exit code once the process ended, or -1 if the engine does not say. */
  int exitCode() {
    try {
      for (int i = 0; i < 50; i++) {
        JsonObject state = engine.client.inspectExec(execId);
        if (!state.bool("Running", false)) {
          return (int) state.longValue("ExitCode", -1);
        }
        Thread.sleep(20);
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return -1;
  }

  /** Signals the process and everything it started (by its run token), from another exec. */
  void signal(String signal) {
    new CommandRunner(engine).kill(containerId, null, token, signal);
  }

  /** Ends the process: closes its stdin, kills it and everything it started, drops the stream. */
  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException | UncheckedIOException ignored) {
      // The connection may already be gone; the kill below ends the process either way.
    }
    stream.close();
    engine.workers.execute(() -> signal("KILL"));
  }

}
