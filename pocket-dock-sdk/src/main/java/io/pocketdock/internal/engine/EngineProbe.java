package io.pocketdock.internal.engine;

import io.pocketdock.internal.http.HttpRequest;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.http.UnixSocketTransport;
import io.pocketdock.internal.json.Json;
import io.pocketdock.internal.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks a socket whether an engine answers there, and which one. {@code GET /_ping} costs about a
 * millisecond and its headers carry all we need ({@code Server}, {@code Api-Version}, and on Podman
 * {@code Libpod-Api-Version}); {@code /version} is asked only when a header is missing, because on
 * Podman it costs about 330 ms.
 */
public final class EngineProbe {
  static final Duration PING_DEADLINE = Duration.ofSeconds(3);

  private EngineProbe() {}

  /**
   * Pings the candidate.
   *
   * @return the endpoint, or a reason why not in the exception
   * @throws IOException when the socket is missing, refuses, or does not answer like an engine
   */
  public static EngineEndpoint probe(SocketCandidate candidate, UnixSocketTransport transport)
      throws IOException {
    if (!Files.exists(candidate.path())) {
      throw new IOException("no socket file");
    }
    String server;
    String api;
    boolean podman;
    try (HttpResponse r = transport.execute(HttpRequest.get("/_ping"), PING_DEADLINE)) {
      String body = r.bodyString().trim();
      if (r.status() != 200 || !body.equals("OK")) {
        throw new IOException("answered " + r.status() + " '" + abbreviate(body) + "', not an engine ping");
      }
      server = r.header("Server").orElse("");
      api = r.header("Api-Version").orElse("");
      podman = r.header("Libpod-Api-Version").isPresent() || server.startsWith("Libpod");
    }
    String version = serverVersion(server).orElse("");
    if (api.isEmpty() || version.isEmpty()) {
      JsonObject v = Json.parseObject(versionBody(transport));
      api = api.isEmpty() ? v.string("ApiVersion", "") : api;
      version = version.isEmpty() ? v.string("Version", "unknown") : version;
    }
    String engineApi = api;
    String negotiated =
        ApiVersion.negotiate(engineApi)
            .orElseThrow(
                () ->
                    new IOException(
                        "engine API " + engineApi + " is older than " + ApiVersion.OLDEST));
    return new EngineEndpoint(candidate.path(), candidate.source(), podman, version, negotiated);
  }

  private static String versionBody(UnixSocketTransport transport) throws IOException {
    try (HttpResponse r = transport.execute(HttpRequest.get("/version"), PING_DEADLINE)) {
      return r.bodyString();
    }
  }

  /** {@code Docker/20.10.24+dfsg1 (linux)} → {@code 20.10.24+dfsg1}. */
  static Optional<String> serverVersion(String server) {
    int slash = server.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String rest = server.substring(slash + 1);
    int space = rest.indexOf(' ');
    String v = space < 0 ? rest : rest.substring(0, space);
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
