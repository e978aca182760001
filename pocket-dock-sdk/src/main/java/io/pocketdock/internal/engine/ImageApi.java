package io.pocketdock.internal.engine;

import io.pocketdock.internal.http.Body;
import io.pocketdock.internal.http.HttpRequest;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.http.IOConsumer;
import io.pocketdock.internal.http.Query;
import io.pocketdock.internal.http.UnixSocketTransport;
import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The engine's image endpoints: build, import of a root file system, save and load, tag, remove.
 * The streaming calls return the open response (JSON lines, or a tar for save), which the caller
 * reads and closes; an engine that refuses the request up front throws {@link
 * EngineResponseException}. Names always carry the tag inside the repository ({@code
 * repo=localhost/x:tag}) because Podman 4.3's compat import ignores {@code tag}.
 */
public final class ImageApi {
  /** How long a streaming image call may stay silent before its connection is closed. */
  public static final Duration IDLE = Duration.ofMinutes(10);

  private final UnixSocketTransport transport;
  private final String prefix;

  ImageApi(UnixSocketTransport transport, String prefix) {
    this.transport = transport;
    this.prefix = prefix;
  }

  /**
   * Starts {@code POST /build} with a streamed tar context; the response is the JSON-lines
   * progress. The engine answers 200 even when a step fails: the failure is a line of the stream.
   */
  public HttpResponse build(
      String tag,
      Map<String, String> labels,
      Map<String, String> buildArgs,
      boolean noCache,
      IOConsumer<OutputStream> context)
      throws IOException {
    Query q =
        Query.of()
            .add("t", tag)
            .add("labels", Json.write(object(labels)))
            .add("buildargs", Json.write(object(buildArgs)))
            .add("rm", true)
            .add("forcerm", true)
            .add("pull", false);
    if (noCache) {
      q = q.add("nocache", true);
    }
    return streaming(
        HttpRequest.post(prefix + "/build" + q, Body.stream("application/x-tar", context)));
  }

  /**
   * Starts {@code POST /images/create?fromSrc=-}: a root file system tar becomes the image {@code
   * repoAndTag}, with Dockerfile-style {@code changes} applied. The response is JSON lines.
   */
  public HttpResponse importRootfs(
      String repoAndTag, List<String> changes, IOConsumer<OutputStream> tar) throws IOException {
    Query q = Query.of().add("fromSrc", "-").add("repo", repoAndTag);
    for (String change : changes) {
      q = q.add("changes", change);
    }
    return streaming(
        HttpRequest.post(prefix + "/images/create" + q, Body.stream("application/x-tar", tar)));
  }

  /** Starts {@code POST /images/create?fromImage=}: a pull. The response is JSON lines. */
  public HttpResponse pull(String image, String tag, Duration deadline) throws IOException {
    Query q = Query.of().add("fromImage", image).add("tag", tag);
    HttpResponse r =
        transport.execute(HttpRequest.post(prefix + "/images/create" + q, Body.none()), deadline);
    return checked(r);
  }

  /** Starts {@code GET /images/get}: the response body is a {@code docker save} tar of them. */
  public HttpResponse save(List<String> names) throws IOException {
    Query q = Query.of();
    for (String name : names) {
      q = q.add("names", name);
    }
    return streaming(HttpRequest.get(prefix + "/images/get" + q));
  }

  /** Starts {@code POST /images/load} with a streamed {@code docker save} tar; JSON lines back. */
  public HttpResponse load(IOConsumer<OutputStream> tar) throws IOException {
    return streaming(
        HttpRequest.post(
            prefix + "/images/load?quiet=true", Body.stream("application/x-tar", tar)));
  }

  /** Gives image {@code source} the additional name {@code repo:tag}. */
  public void tag(String source, String repo, String tag) throws IOException {
    Query q = Query.of().add("repo", repo).add("tag", tag);
    try (HttpResponse r =
        checked(
            transport.execute(
                HttpRequest.post(
                    prefix + "/images/" + Query.encode(source) + "/tag" + q, Body.none()),
                EngineClient.CALL_DEADLINE))) {
      r.bodyString();
    }
  }

  /**
   * Removes a name (or, by id, the image); without {@code force} the engine refuses while a
   * container uses it.
   */
  public void remove(String nameOrId, boolean force) throws IOException {
    Query q = Query.of().add("force", force);
    try (HttpResponse r =
        checked(
            transport.execute(
                HttpRequest.delete(prefix + "/images/" + Query.encode(nameOrId) + q),
                EngineClient.CALL_DEADLINE))) {
      r.bodyString();
    }
  }

  private HttpResponse streaming(HttpRequest request) throws IOException {
    return checked(transport.execute(request, IDLE));
  }

  private static HttpResponse checked(HttpResponse response) throws IOException {
    if (response.status() < 300) {
      return response;
    }
    try (response) {
      String body = response.bodyString().trim();
      String message = body;
      try {
        if (Json.parse(body) instanceof JsonObject o) {
          message = o.string("message", body);
        }
      } catch (RuntimeException notJson) {
        // Plain-text error bodies are kept as they are.
      }
      throw new EngineResponseException(
          response.status(), message.isEmpty() ? "(no message)" : message);
    }
  }

  private static JsonObject object(Map<String, String> map) {
    var b = JsonObject.builder();
    map.forEach(b::put);
    return b.build();
  }
}
