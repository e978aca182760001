package io.pocketdock.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pocketdock.internal.http.HttpRequest;
import io.pocketdock.internal.http.HttpResponse;
import io.pocketdock.internal.http.UnixSocketTransport;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The HTTP/1.1 response parser, end to end through the real transport: a server on a temporary
 * Unix socket answers every request with the fuzzer's bytes and closes. Head, Content-Length,
 * chunked and read-to-EOF bodies must parse within their limits or fail with an IOException.
 */
class HttpResponseFuzzTest {
  private static CannedServer server;
  private static UnixSocketTransport transport;

  @BeforeAll
  static void start() throws IOException {
    server = CannedServer.start();
    transport = new UnixSocketTransport(server.socket());
  }

  @AfterAll
  static void stop() throws IOException {
    transport.close();
    server.close();
  }

  @FuzzTest
  void execute_anyResponseBytes_parsedOrIoException(byte[] response) {
    server.answer(response);
    try (HttpResponse r = transport.execute(HttpRequest.get("/v1.41/_ping"), Duration.ofSeconds(5))) {
      if (r.status() < 100 || r.status() > 599) {
        throw new AssertionError("status " + r.status());
      }
      byte[] body = r.bodyBytes(1 << 20);
      if (body.length > response.length) {
        throw new AssertionError("body longer than the response: " + body.length);
      }
    } catch (IOException expected) {
      // Malformed or truncated responses are reported this way.
    }
  }
}
