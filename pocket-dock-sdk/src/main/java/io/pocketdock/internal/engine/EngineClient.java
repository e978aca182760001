package io.pocketdock.internal.engine;

import io.pocketdock.internal.http.Body;
import io.pocketdock.internal.http.HttpRequest;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.http.UnixSocketTransport;
import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonArray;
import io.pocketdock.internal.json.JsonObject;
import io.pocketdock.internal.json.JsonValue;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed calls to the Docker-compatible API. One new connection per call (Unix sockets are cheap,
 * and it means a stream never blocks a call). Thread-safe.
 */
public final class EngineClient implements AutoCloseable {
  /** Deadline of an ordinary request: generous, because a loaded engine can be slow to create. */
  static final Duration CALL_DEADLINE = Duration.ofSeconds(60);

  private final UnixSocketTransport transport;
  private final EngineEndpoint endpoint;
  private final String prefix;

  /** Uses {@code transport} (which this client then owns) to talk to {@code endpoint}. */
  public EngineClient(UnixSocketTransport transport, EngineEndpoint endpoint) {
    this.transport = transport;
    this.endpoint = endpoint;
    this.prefix = "/v" + endpoint.apiVersion();
  }

  /** The engine this client talks to. */
  public EngineEndpoint endpoint() {
    return endpoint;
  }

  /** Creates a container and returns its id. */
  public String createContainer(String name, JsonObject body) throws IOException {
    JsonObject r = json(HttpRequest.post(prefix + "/containers/create?name=" + enc(name), jsonBody(body)));
    return r.string("Id", "");
  }

  /** Starts a container; already running is fine. */
  public void startContainer(String id) throws IOException {
    expectOk(HttpRequest.post(path("/containers/", id, "/start"), Body.none()));
  }

  /** Stops a container, giving it {@code seconds} after SIGTERM before SIGKILL. */
  public void stopContainer(String id, int seconds) throws IOException {
    expectOk(
        HttpRequest.post(path("/containers/", id, "/stop") + "?t=" + seconds, Body.none()),
        CALL_DEADLINE.plusSeconds(seconds));
  }

  /** Restarts a container, giving it {@code seconds} to stop first. */
  public void restartContainer(String id, int seconds) throws IOException {
    expectOk(
        HttpRequest.post(
            path("/containers/", id, "/restart") + "?t=" + seconds, Body.none()),
        CALL_DEADLINE.plusSeconds(seconds));
  }

  /** Removes a container (and its anonymous volumes); {@code force} kills it first if running. */
  public void removeContainer(String id, boolean force) throws IOException {
    expectOk(HttpRequest.delete(path("/containers/", id, "") + "?v=true&force=" + force));
  }

  /** The engine's full description of a container. */
  public JsonObject inspectContainer(String id) throws IOException {
    return json(HttpRequest.get(path("/containers/", id, "/json")));
  }

  /** One sample of the container's resource statistics (no streaming). */
  public JsonObject stats(String id) throws IOException {
    return json(HttpRequest.get(path("/containers/", id, "/stats") + "?stream=false&one-shot=true"));
  }

  /** The processes in a container, as {@code top} reports them. */
  public JsonObject top(String id) throws IOException {
    return json(HttpRequest.get(path("/containers/", id, "/top")));
  }

  /** Managed containers matching the label filters ({@code key} or {@code key=value}). */
  public List<JsonObject> listContainers(List<String> labelFilters) throws IOException {
    String filters =
        Json.write(JsonObject.builder().put("label", JsonArray.ofStrings(labelFilters)).build());
    JsonValue v = call(HttpRequest.get(prefix + "/containers/json?all=true&filters=" + enc(filters)), CALL_DEADLINE);
    List<JsonObject> out = new ArrayList<>();
    if (v instanceof JsonArray a) {
      for (JsonValue e : a.values()) {
        if (e instanceof JsonObject o) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /** The engine's description of an image. */
  public JsonObject inspectImage(String reference) throws IOException {
    return json(HttpRequest.get(prefix + "/images/" + reference + "/json"));
  }

  /** Creates an exec in a running container and returns its id. */
  public String createExec(String containerId, JsonObject body) throws IOException {
    return json(HttpRequest.post(path("/containers/", containerId, "/exec"), jsonBody(body)))
        .string("Id", "");
  }

  /** An exec started with its stdin attached: its id and the upgraded connection. */
  public record Attached(String execId, HttpResponse connection) {}

  /**
   * Creates an exec of {@code cmd} (no TTY; stdin, stdout and stderr attached; {@code env} added to
   * the container's) and starts it over an upgraded connection, as the container's default user.
   * The caller closes the connection. The sessions, the interpreters and both fast-exec helpers
   * start this way.
   */
  public Attached startAttached(String containerId, List<String> cmd, List<String> env)
      throws IOException {
    var body =
        JsonObject.builder()
            .put("AttachStdin", true)
            .put("AttachStdout", true)
            .put("AttachStderr", true)
            .put("Tty", false)
            .put("Cmd", JsonArray.ofStrings(cmd));
    if (!env.isEmpty()) {
      body.put("Env", JsonArray.ofStrings(env));
    }
    String execId = createExec(containerId, body.build());
    return new Attached(execId, startExec(execId, true, Duration.ZERO));
  }

  /**
   * Starts an exec attached; the response body is its output stream (framed unless TTY). With
   * {@code stdin} the connection is upgraded so the caller can write to the process. The caller
   * closes the response.
   */
  public HttpResponse startExec(String execId, boolean stdin, Duration deadline) throws IOException {
    HttpRequest request =
        HttpRequest.post(
            path("/exec/", execId, "/start"),
            jsonBody(JsonObject.builder().put("Detach", false).put("Tty", false).build()));
    if (stdin) {
      request = request.withHeader("Connection", "Upgrade").withHeader("Upgrade", "tcp");
    }
    HttpResponse response = transport.execute(request, deadline);
    if (response.status() != 200 && response.status() != 101) {
      try (response) {
        throw error(response);
      }
    }
    return response;
  }

  /**
   * Starts a TTY exec (created with {@code Tty: true}) with stdin attached over an upgraded
   * connection; its output is the raw terminal stream, not framed. The caller closes the response.
   */
  public HttpResponse startTtyExec(String execId) throws IOException {
    HttpRequest request =
        HttpRequest.post(
                path("/exec/", execId, "/start"),
                jsonBody(JsonObject.builder().put("Detach", false).put("Tty", true).build()))
            .withHeader("Connection", "Upgrade")
            .withHeader("Upgrade", "tcp");
    HttpResponse response = transport.execute(request, Duration.ZERO);
    if (response.status() != 200 && response.status() != 101) {
      try (response) {
        throw error(response);
      }
    }
    return response;
  }

  /** Resizes a running TTY exec's terminal. */
  public void resizeExec(String execId, int columns, int rows) throws IOException {
    expectOk(
        HttpRequest.post(
            path("/exec/", execId, "/resize") + "?h=" + rows + "&w=" + columns, Body.none()));
  }

  /** The state of an exec: {@code Running}, {@code ExitCode}, {@code Pid}. */
  public JsonObject inspectExec(String execId) throws IOException {
    return json(HttpRequest.get(path("/exec/", execId, "/json")));
  }

  // --- Archive API (files in and out) ---

  /**
   * Describes a path in a container ({@code HEAD /containers/{id}/archive}): the decoded {@code
   * X-Docker-Container-Path-Stat} header with {@code name}, {@code size}, {@code mode} (Go's
   * FileMode bits: 1<<31 directory, 1<<27 symlink) and {@code linkTarget}. Docker leaves {@code
   * linkTarget} empty for non-links; Podman fills it with the resolved path and follows a final
   * symlink for {@code isDir}.
   *
   * @throws EngineResponseException 404 when the path (or the container) does not exist
   */
  public JsonObject statPath(String containerId, String path) throws IOException {
    HttpRequest request = HttpRequest.head(archivePath(containerId, path));
    try (HttpResponse response = transport.execute(request, CALL_DEADLINE)) {
      if (response.status() >= 300) {
        String message = response.status() == 404 ? "no such file or directory: " + path : "";
        throw new EngineResponseException(
            response.status(), message.isEmpty() ? "stat failed with " + response.status() : message);
      }
      String header = response.header("X-Docker-Container-Path-Stat").orElse("");
      if (header.isEmpty()) {
        throw new IOException("engine answered HEAD archive without a path-stat header");
      }
      byte[] json = java.util.Base64.getDecoder().decode(header.trim());
      if (Json.parse(new String(json, StandardCharsets.UTF_8)) instanceof JsonObject o) {
        return o;
      }
      throw new IOException("engine's path-stat header is not a JSON object");
    }
  }

  /**
   * Streams a tar archive of {@code path} ({@code GET /containers/{id}/archive}). The caller reads
   * and closes the response; its deadline is {@code deadline} and can be moved with {@link
   * HttpResponse#extendDeadline}.
   *
   * @throws EngineResponseException 404 when the path (or the container) does not exist
   */
  public HttpResponse getArchive(String containerId, String path, Duration deadline)
      throws IOException {
    HttpResponse response = transport.execute(HttpRequest.get(archivePath(containerId, path)), deadline);
    if (response.status() != 200) {
      try (response) {
        throw error(response);
      }
    }
    return response;
  }

  /**
   * Uploads a tar archive, produced by {@code writer} while it is sent (chunked, never held in
   * memory), and extracts it into the directory {@code containerDir}. Sends {@code
   * noOverwriteDirNonDir=true}, so the engine never replaces a directory by a file or the reverse.
   * Podman creates a missing {@code containerDir} while Docker answers 404: check first.
   */
  public void putArchive(
      String containerId,
      String containerDir,
      io.pocketdock.internal.http.IOConsumer<java.io.OutputStream> writer,
      Duration deadline)
      throws IOException {
    expectOk(
        HttpRequest.put(
            archivePath(containerId, containerDir) + "&noOverwriteDirNonDir=true",
            Body.stream("application/x-tar", writer)),
        deadline);
  }

  private String archivePath(String containerId, String path) {
    return path("/containers/", containerId, "/archive") + "?path=" + enc(path);
  }

  /**
   * Commits a container's filesystem to a new image {@code repo:tag}, applying Dockerfile {@code
   * changes} (e.g. {@code LABEL k=v}); with {@code pause=false} the container keeps running.
   * Returns the engine's answer ({@code {"Id": ...}}).
   */
  public JsonObject commit(String containerId, String repo, String tag, List<String> changes)
      throws IOException {
    StringBuilder q = new StringBuilder(prefix + "/commit?container=").append(enc(containerId));
    q.append("&repo=").append(enc(repo)).append("&tag=").append(enc(tag)).append("&pause=false");
    for (String c : changes) {
      q.append("&changes=").append(enc(c));
    }
    return json(HttpRequest.post(q.toString(), jsonBody(JsonObject.empty())));
  }

  /** Removes an image by reference or id. */
  public void removeImage(String reference, boolean force) throws IOException {
    expectOk(HttpRequest.delete(prefix + "/images/" + reference + "?force=" + force));
  }

  /** The image endpoints (build, import, save, load, tag, remove), on this client's transport. */
  public ImageApi images() {
    return new ImageApi(transport, prefix);
  }

  private String path(String before, String id, String after) {
    return prefix + before + enc(id) + after;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Body jsonBody(JsonObject body) {
    return Body.json(Json.write(body));
  }

  private JsonObject json(HttpRequest request) throws IOException {
    JsonValue v = call(request, CALL_DEADLINE);
    if (v instanceof JsonObject o) {
      return o;
    }
    throw new IOException("engine answered " + request.method() + " " + request.pathAndQuery() + " with non-object JSON");
  }

  private void expectOk(HttpRequest request) throws IOException {
    expectOk(request, CALL_DEADLINE);
  }

  private void expectOk(HttpRequest request, Duration deadline) throws IOException {
    try (HttpResponse response = transport.execute(request, deadline)) {
      int s = response.status();
      if (s >= 300 && s != 304) {
        throw error(response);
      }
      response.bodyString();
    }
  }

  private JsonValue call(HttpRequest request, Duration deadline) throws IOException {
    try (HttpResponse response = transport.execute(request, deadline)) {
      if (response.status() >= 300) {
        throw error(response);
      }
      String body = response.bodyString();
      return Json.parse(body);
    }
  }

  /** Reads the engine's error message ({@code {"message": ...}}, or the raw body). */
  private static EngineResponseException error(HttpResponse response) throws IOException {
    String body = response.bodyString().trim();
    String message = body;
    try {
      if (Json.parse(body) instanceof JsonObject o) {
        message = o.string("message", body);
      }
    } catch (RuntimeException notJson) {
      // Some proxies and old engines answer errors in plain text; keep it as it is.
    }
    return new EngineResponseException(response.status(), message.isEmpty() ? "(no message)" : message);
  }

  /** Closes the transport (its deadline watchdog). */
  @Override
  public void close() {
    transport.close();
  }
}
